import { DomainError, type NominationStatus } from '@ttkt/contracts';
import type { NominationActor, NominationEvent } from '../nomination.events';
import { existingNomination } from '../nomination-rules';
import type { ExistingNomination, NominationState } from '../nomination.state';

/** What review decided about a dossier (one per consumed `review.dossier-*.v1` event). */
export type ReviewOutcome =
  | { kind: 'accepted' }
  | { kind: 'returned'; reasons: string[]; resubmitBefore: string | null }
  | { kind: 'approved' }
  | { kind: 'not-approved' }
  | { kind: 'awarded'; decisionId: string; decisionNumber: string }
  | { kind: 'proposed'; proposalId: string }
  | { kind: 'award-revoked'; decisionId: string };

/** One of the outcome kinds. */
export type ReviewOutcomeKind = ReviewOutcome['kind'];

/** Record review's outcome on the dossier (from a consumed review event). */
export interface RecordReviewOutcome {
  type: 'RecordReviewOutcome';
  nominationId: string;
  outcome: ReviewOutcome;
  /** The review event's own instant (its `at`). */
  at: string;
  /** The review event's actor. */
  actor: NominationActor | null;
}

/** From which statuses each outcome moves the dossier, and to which. */
export const REVIEW_TRANSITIONS: Readonly<
  Record<ReviewOutcomeKind, { from: readonly NominationStatus[]; to: NominationStatus }>
> = {
  accepted: { from: ['submitted'], to: 'accepted' },
  returned: { from: ['submitted'], to: 'returned' },
  approved: { from: ['accepted'], to: 'approved' },
  'not-approved': { from: ['accepted', 'approved', 'proposed'], to: 'not-approved' },
  awarded: { from: ['approved', 'proposed'], to: 'awarded' },
  proposed: { from: ['approved'], to: 'proposed' },
  'award-revoked': { from: ['awarded'], to: 'approved' },
};

/** True when the dossier already shows this outcome (a redelivered review event). */
function alreadyApplied(nomination: ExistingNomination, outcome: ReviewOutcome): boolean {
  switch (outcome.kind) {
    case 'awarded':
      return (
        nomination.status === 'awarded' && nomination.decision?.decisionId === outcome.decisionId
      );
    case 'proposed':
      return nomination.status === 'proposed' && nomination.proposalId === outcome.proposalId;
    case 'award-revoked':
      return false;
    default:
      return nomination.status === REVIEW_TRANSITIONS[outcome.kind].to;
  }
}

/**
 * The dossier's status after submission changes only through review's outcomes:
 * submitted → accepted | returned; accepted → approved | not-approved; approved → awarded |
 * proposed | not-approved; proposed → awarded | not-approved; awarded → approved when the
 * awarding decision (same `decisionId`) is revoked. The same outcome again changes nothing (a
 * redelivery), nor does any outcome on a withdrawn dossier (the withdrawal stands; review learns
 * it from `nomination.withdrawn.v1`). Any other outcome → `invalid-state`.
 */
export function decideReviewOutcome(
  command: RecordReviewOutcome,
  state: NominationState,
): NominationEvent[] {
  const nomination = existingNomination(state, command.nominationId);
  const { outcome } = command;
  if (nomination.status === 'withdrawn' || alreadyApplied(nomination, outcome)) return [];
  const transition = REVIEW_TRANSITIONS[outcome.kind];
  const refuse = (): never => {
    throw new DomainError('invalid-state', {
      nominationId: command.nominationId,
      status: nomination.status,
      outcome: outcome.kind,
    });
  };
  if (!transition.from.includes(nomination.status)) refuse();
  const base = { nominationId: nomination.nominationId, at: command.at, by: command.actor };
  switch (outcome.kind) {
    case 'accepted':
      return [{ type: 'NominationAccepted', data: base }];
    case 'returned':
      return [
        {
          type: 'NominationReturned',
          data: {
            ...base,
            reasons: outcome.reasons.map((reason) => reason.normalize('NFC').trim()),
            resubmitBefore: outcome.resubmitBefore,
          },
        },
      ];
    case 'approved':
      return [{ type: 'NominationApproved', data: base }];
    case 'not-approved':
      return [{ type: 'NominationNotApproved', data: base }];
    case 'awarded':
      return [
        {
          type: 'NominationAwarded',
          data: { ...base, decisionId: outcome.decisionId, decisionNumber: outcome.decisionNumber },
        },
      ];
    case 'proposed':
      return [{ type: 'NominationProposed', data: { ...base, proposalId: outcome.proposalId } }];
    case 'award-revoked':
      if (nomination.decision?.decisionId !== outcome.decisionId) refuse();
      return [
        { type: 'NominationAwardRevoked', data: { ...base, decisionId: outcome.decisionId } },
      ];
    default: {
      const unexpected: never = outcome;
      return unexpected;
    }
  }
}
