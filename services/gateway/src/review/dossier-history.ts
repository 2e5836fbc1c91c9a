import {
  REVIEW_RPC,
  type DossierHistoryQuery,
  type DossierReviewHistory,
  type DossierReviewHistoryItem,
  type NominationHistory,
  type NominationHistoryItem,
} from '@ttkt/contracts';
import { RemoteDomainError, type CommandSender } from '@ttkt/messaging';
import { REVIEW_SERVICE } from './review-access';

/**
 * `GET /nominations/{id}/history`: the nomination's events and the review's, by instant, each
 * with its `source` — the contract's {@link NominationHistory}.
 */
export type DossierHistory = NominationHistory;

/**
 * The review's events of a dossier (`review.dossier-history`); a dossier the review service has
 * not heard of (a draft) has none.
 */
export async function reviewHistory(
  sender: CommandSender,
  tenantId: string,
  nominationId: string,
): Promise<DossierReviewHistoryItem[]> {
  const query: DossierHistoryQuery = { tenantId, nominationId };
  try {
    const history = await sender.send<DossierReviewHistory>(
      REVIEW_SERVICE,
      REVIEW_RPC.dossierHistory,
      query,
    );
    return history.items;
  } catch (error) {
    if (error instanceof RemoteDomainError && error.code === 'not-found') return [];
    throw error;
  }
}

/**
 * Both histories as one, ordered by instant (`at`, compared as instants whatever their offset);
 * the order is stable: on equal instants the nomination's items come first, and each source keeps
 * its own order. Every item keeps its fields and gains `source`.
 */
export function mergeDossierHistory(
  nomination: readonly NominationHistoryItem[],
  review: readonly DossierReviewHistoryItem[],
): DossierHistory {
  const items: NominationHistoryItem[] = [
    ...nomination.map((item) => ({ ...item, source: 'nomination' as const })),
    ...review.map((item) => ({ ...item, source: 'review' as const })),
  ];
  const instants = new Map(items.map((item) => [item, instantOf(item.at)]));
  // Array.prototype.sort is stable: equal instants keep the concatenation's order.
  items.sort((a, b) => (instants.get(a) as number) - (instants.get(b) as number));
  return { items };
}

/** Milliseconds since the epoch; an unreadable instant sorts last (it should not happen). */
function instantOf(at: string): number {
  const time = Date.parse(at);
  return Number.isNaN(time) ? Number.MAX_SAFE_INTEGER : time;
}
