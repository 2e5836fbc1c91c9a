import { DomainError } from '@ttkt/contracts';
import type {
  DossierActor,
  DossierEvent,
  DossierEventFacts,
  NotApprovedCause,
} from './dossier.events';
import type { DossierState, ReviewDossier, ReviewDossierStatus } from './dossier.state';

/** An outcome the council, a decision or a proposal gives a dossier. */
export type DossierOutcome =
  | { kind: 'approved'; sessionId: string; at: string; by: DossierActor | null }
  | {
      kind: 'not-approved';
      cause: NotApprovedCause;
      refId: string | null;
      at: string;
      by: DossierActor | null;
    }
  | {
      kind: 'awarded';
      decisionId: string;
      decisionNumber: string;
      at: string;
      by: DossierActor | null;
    }
  | { kind: 'proposed'; proposalId: string; at: string; by: DossierActor | null }
  | { kind: 'award-revoked'; decisionId: string; at: string; by: DossierActor | null };

/** From which statuses each outcome moves a dossier. */
function allowedFrom(outcome: DossierOutcome): readonly ReviewDossierStatus[] {
  switch (outcome.kind) {
    case 'approved':
      return ['accepted'];
    case 'not-approved':
      if (outcome.cause === 'vote') return ['accepted'];
      if (outcome.cause === 'proposal-outcome') return ['proposed'];
      return ['approved'];
    case 'awarded':
      return ['approved', 'proposed'];
    case 'proposed':
      return ['approved'];
    case 'award-revoked':
      return ['awarded'];
    default: {
      const unexpected: never = outcome;
      return unexpected;
    }
  }
}

/** True when the dossier already shows this outcome (a redelivery, a retried transaction). */
function alreadyApplied(dossier: ReviewDossier, outcome: DossierOutcome): boolean {
  switch (outcome.kind) {
    case 'approved':
      return dossier.status === 'approved' && dossier.sessionId === outcome.sessionId;
    case 'not-approved':
      return dossier.status === 'not-approved';
    case 'awarded':
      return dossier.status === 'awarded' && dossier.decisionId === outcome.decisionId;
    case 'proposed':
      return dossier.status === 'proposed' && dossier.proposalId === outcome.proposalId;
    case 'award-revoked':
      // Revoked already: the dossier went back to `approved` with no decision.
      return dossier.status === 'approved' && dossier.decisionId === null;
    default: {
      const unexpected: never = outcome;
      return unexpected;
    }
  }
}

/**
 * The event an outcome records on the dossier's review stream. Transitions: approved and
 * not-approved (vote) from `accepted`; proposed from `approved`; awarded from `approved` (a
 * decision) or `proposed` (the higher authority's outcome); not-approved (proposal-outcome) from
 * `proposed`; not-approved (campaign-closed) from `approved`; award-revoked from `awarded` by the
 * same decision, back to `approved`. The same outcome again records nothing, nor does any outcome
 * on a withdrawn dossier; any other is refused `invalid-state` (`{ nominationId, status }`).
 */
export function decideDossierOutcome(state: DossierState, outcome: DossierOutcome): DossierEvent[] {
  if (state.status === 'none') {
    throw new DomainError('invalid-state', { status: 'none' });
  }
  if (state.status === 'withdrawn' || alreadyApplied(state, outcome)) return [];
  const refused = (): DomainError =>
    new DomainError('invalid-state', { nominationId: state.nominationId, status: state.status });
  if (!allowedFrom(outcome).includes(state.status)) throw refused();
  const facts: DossierEventFacts = {
    nominationId: state.nominationId,
    campaignId: state.campaignId,
    at: outcome.at,
    by: outcome.by,
  };
  switch (outcome.kind) {
    case 'approved':
      return [{ type: 'DossierApproved', data: { ...facts, sessionId: outcome.sessionId } }];
    case 'not-approved':
      return [
        {
          type: 'DossierNotApproved',
          data: { ...facts, cause: outcome.cause, refId: outcome.refId },
        },
      ];
    case 'awarded':
      return [
        {
          type: 'DossierAwarded',
          data: {
            ...facts,
            decisionId: outcome.decisionId,
            decisionNumber: outcome.decisionNumber,
          },
        },
      ];
    case 'proposed':
      return [{ type: 'DossierProposed', data: { ...facts, proposalId: outcome.proposalId } }];
    case 'award-revoked':
      if (state.decisionId !== outcome.decisionId) throw refused();
      return [{ type: 'DossierAwardRevoked', data: { ...facts, decisionId: outcome.decisionId } }];
    default: {
      const unexpected: never = outcome;
      return unexpected;
    }
  }
}
