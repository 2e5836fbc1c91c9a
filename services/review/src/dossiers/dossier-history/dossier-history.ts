import type { DossierReviewHistoryItem } from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';

/** The stored dossier events the history shows: review's own outcomes (not nomination's facts). */
const SHOWN = new Set([
  'DossierAccepted',
  'DossierReturned',
  'DossierApproved',
  'DossierNotApproved',
  'DossierAwarded',
  'DossierProposed',
  'DossierAwardRevoked',
]);

/** The fields every dossier event carries, left out of an item's data (shown apart or implied). */
const IMPLIED = new Set(['nominationId', 'campaignId', 'at', 'by']);

/**
 * A dossier stream's events as history items: review's outcomes only (the submission and the
 * withdrawal are the nomination service's own history), each with its instant (the stored
 * event's `occurredAt`), its actor (from the metadata) and its own data.
 */
export function dossierHistoryItems(stored: readonly StoredEvent[]): DossierReviewHistoryItem[] {
  return stored
    .filter((event) => SHOWN.has(event.type))
    .map((event) => ({
      type: event.type,
      at: event.metadata.occurredAt ?? event.recordedAt.toISOString(),
      actor: event.metadata.actor
        ? { kind: event.metadata.actor.kind, id: event.metadata.actor.id }
        : null,
      data: Object.fromEntries(
        Object.entries(event.data as Record<string, unknown>).filter(([key]) => !IMPLIED.has(key)),
      ),
    }));
}

/** Merges history items by instant, stable (equal instants keep their lists' order, `first` first). */
export function mergeHistory(
  first: readonly DossierReviewHistoryItem[],
  second: readonly DossierReviewHistoryItem[],
): DossierReviewHistoryItem[] {
  return [...first, ...second]
    .map((item, index) => ({ item, index, time: Date.parse(item.at) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ item }) => item);
}
