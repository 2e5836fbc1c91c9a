import { Injectable } from '@nestjs/common';
import {
  REVIEW_DOSSIER_ACCEPTED_V1,
  REVIEW_DOSSIER_APPROVED_V1,
  REVIEW_DOSSIER_AWARD_REVOKED_V1,
  REVIEW_DOSSIER_AWARDED_V1,
  REVIEW_DOSSIER_NOT_APPROVED_V1,
  REVIEW_DOSSIER_PROPOSED_V1,
  REVIEW_DOSSIER_RETURNED_V1,
  type DossierAwardedV1,
  type DossierAwardRevokedV1,
  type DossierOutcomeV1,
  type DossierProposedV1,
  type DossierReturnedV1,
  type IntegrationEvent,
} from '@ttkt/contracts';
import type { AppendMetadata } from '@ttkt/event-store';
import type { PoolClient } from 'pg';
import { actorOf, NominationCommands } from '../nominations/nomination-commands';
import {
  decideReviewOutcome,
  type ReviewOutcome,
} from '../nominations/review-outcome/review-outcome.decide';

/** The review events about dossiers the service consumes. */
export const REVIEW_OUTCOME_EVENTS = [
  REVIEW_DOSSIER_ACCEPTED_V1,
  REVIEW_DOSSIER_RETURNED_V1,
  REVIEW_DOSSIER_APPROVED_V1,
  REVIEW_DOSSIER_NOT_APPROVED_V1,
  REVIEW_DOSSIER_AWARDED_V1,
  REVIEW_DOSSIER_PROPOSED_V1,
  REVIEW_DOSSIER_AWARD_REVOKED_V1,
];

/**
 * Review's outcomes on the dossier's stream, each in the inbox's transaction: the nomination
 * service stays the single owner of a dossier's status. An outcome the dossier's status does not
 * allow yet (one that overtook an earlier one) fails and is retried by the consumer.
 */
@Injectable()
export class ReviewOutcomesHandler {
  constructor(private readonly commands: NominationCommands) {}

  /** Handles any of {@link REVIEW_OUTCOME_EVENTS}. */
  async onOutcome(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as DossierOutcomeV1;
    const outcome = outcomeOf(event);
    const metadata = metadataOf(event);
    await this.commands.run(event.tenantId, data.nominationId, {
      client,
      metadata,
      decide: (state) =>
        decideReviewOutcome(
          {
            type: 'RecordReviewOutcome',
            nominationId: data.nominationId,
            outcome,
            at: data.at,
            actor: actorOf(metadata),
          },
          state,
        ),
    });
  }
}

function outcomeOf(event: IntegrationEvent): ReviewOutcome {
  switch (event.type) {
    case REVIEW_DOSSIER_ACCEPTED_V1:
      return { kind: 'accepted' };
    case REVIEW_DOSSIER_RETURNED_V1: {
      const data = event.data as DossierReturnedV1;
      return {
        kind: 'returned',
        reasons: data.reasons,
        resubmitBefore: data.resubmitBefore ?? null,
      };
    }
    case REVIEW_DOSSIER_APPROVED_V1:
      return { kind: 'approved' };
    case REVIEW_DOSSIER_NOT_APPROVED_V1:
      return { kind: 'not-approved' };
    case REVIEW_DOSSIER_AWARDED_V1: {
      const data = event.data as DossierAwardedV1;
      return { kind: 'awarded', decisionId: data.decisionId, decisionNumber: data.decisionNumber };
    }
    case REVIEW_DOSSIER_PROPOSED_V1:
      return { kind: 'proposed', proposalId: (event.data as DossierProposedV1).proposalId };
    case REVIEW_DOSSIER_AWARD_REVOKED_V1:
      return {
        kind: 'award-revoked',
        decisionId: (event.data as DossierAwardRevokedV1).decisionId,
      };
    default:
      throw new Error(`not a review outcome: ${event.type}`);
  }
}

/** The review event's actor (the secretariat, the council) and its chain of causes. */
function metadataOf(event: IntegrationEvent): AppendMetadata {
  return {
    actor: event.actor ?? { kind: 'system', id: 'review' },
    ...(event.correlationId ? { correlationId: event.correlationId } : {}),
    causationId: event.id,
  };
}
