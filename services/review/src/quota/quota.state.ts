import type { QuotaLedgerEntry } from '@ttkt/contracts';
import type { QuotaEvent, QuotaHolderKind } from './quota.events';

/** A quota ledger: who holds places now. */
export interface QuotaLedgerState {
  /** The holders, in the order they took their places. */
  entries: QuotaLedgerEntry[];
  /** Events applied (the stream's version). */
  version: number;
}

/** An empty ledger. */
export function initialQuotaState(): QuotaLedgerState {
  return { entries: [], version: 0 };
}

/**
 * Applies one stored event (total: stored events are facts). A release gives back the places of
 * the dossiers it names (every one of the holder's, before partial releases existed); the holder
 * keeps the rest, and holds nothing once none is left.
 */
export function evolveQuota(state: QuotaLedgerState, event: QuotaEvent): QuotaLedgerState {
  const version = state.version + 1;
  const { kind, id } = event.data;
  const holder = (entry: QuotaLedgerEntry): boolean => entry.kind === kind && entry.id === id;
  if (event.type === 'PlacesTaken') {
    const others = state.entries.filter((entry) => !holder(entry));
    return {
      entries: [...others, { kind, id, nominationIds: [...event.data.nominationIds] }],
      version,
    };
  }
  const released = new Set(event.data.nominationIds);
  const entries = state.entries.flatMap((entry) => {
    if (!holder(entry)) return [entry];
    const kept = entry.nominationIds.filter((nominationId) => !released.has(nominationId));
    return kept.length === 0 ? [] : [{ ...entry, nominationIds: kept }];
  });
  return { entries, version };
}

/** The ledger after some events. */
export function foldQuota(
  events: readonly QuotaEvent[],
  state: QuotaLedgerState = initialQuotaState(),
): QuotaLedgerState {
  return events.reduce(evolveQuota, state);
}

/** Places taken (one per dossier held). */
export function placesUsed(state: QuotaLedgerState): number {
  return state.entries.reduce((sum, entry) => sum + entry.nominationIds.length, 0);
}

/** The holder of a dossier's place, if any. */
export function holderOf(state: QuotaLedgerState, nominationId: string): QuotaLedgerEntry | null {
  return state.entries.find((entry) => entry.nominationIds.includes(nominationId)) ?? null;
}

/** A holder's entry, if it holds places. */
export function entryOf(
  state: QuotaLedgerState,
  kind: QuotaHolderKind,
  id: string,
): QuotaLedgerEntry | null {
  return state.entries.find((entry) => entry.kind === kind && entry.id === id) ?? null;
}
