import { DomainError } from '@ttkt/contracts';
import type { PlacesReleasedReason, QuotaEvent, QuotaHolderKind } from './quota.events';
import { entryOf, placesUsed, type QuotaLedgerState } from './quota.state';

/** A decision or proposal takes one place per dossier. */
export interface TakePlaces {
  type: 'TakePlaces';
  campaignId: string;
  awardFormCode: string;
  kind: QuotaHolderKind;
  id: string;
  nominationIds: string[];
  /** The form's quota (places). */
  quota: number;
  now: Date;
}

/** A holder gives its places back: all of them, or those of some of its dossiers. */
export interface ReleasePlaces {
  type: 'ReleasePlaces';
  campaignId: string;
  awardFormCode: string;
  kind: QuotaHolderKind;
  id: string;
  reason: PlacesReleasedReason;
  /** Only these dossiers' places (absent: every place the holder has). */
  nominationIds?: readonly string[];
  now: Date;
}

/**
 * Places are taken only within the quota: `used + requested > quota` is refused with
 * `quota-exceeded` (`quota`, `used`, `requested`). A holder takes places once (`invalid-state`
 * for a second time: an id is never reused).
 */
export function decideTakePlaces(command: TakePlaces, state: QuotaLedgerState): QuotaEvent[] {
  if (entryOf(state, command.kind, command.id) !== null) {
    throw new DomainError('invalid-state', {
      [`${command.kind}Id`]: command.id,
      reason: 'places-already-taken',
    });
  }
  const used = placesUsed(state);
  const requested = command.nominationIds.length;
  if (used + requested > command.quota) {
    throw new DomainError('quota-exceeded', {
      awardFormCode: command.awardFormCode,
      quota: command.quota,
      used,
      requested,
    });
  }
  return [
    {
      type: 'PlacesTaken',
      data: {
        campaignId: command.campaignId,
        awardFormCode: command.awardFormCode,
        kind: command.kind,
        id: command.id,
        nominationIds: [...command.nominationIds],
        quota: command.quota,
        at: command.now.toISOString(),
      },
    },
  ];
}

/**
 * Gives a holder's places back (all, or those of the dossiers named that it holds); nothing when
 * it holds none of them (already released).
 */
export function decideReleasePlaces(command: ReleasePlaces, state: QuotaLedgerState): QuotaEvent[] {
  const entry = entryOf(state, command.kind, command.id);
  if (entry === null) return [];
  const named = command.nominationIds;
  const nominationIds =
    named === undefined
      ? entry.nominationIds
      : entry.nominationIds.filter((id) => named.includes(id));
  if (nominationIds.length === 0) return [];
  return [
    {
      type: 'PlacesReleased',
      data: {
        campaignId: command.campaignId,
        awardFormCode: command.awardFormCode,
        kind: command.kind,
        id: command.id,
        nominationIds: [...nominationIds],
        reason: command.reason,
        at: command.now.toISOString(),
      },
    },
  ];
}
