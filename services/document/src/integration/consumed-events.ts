import {
  CAMPAIGN_ISSUE_CANCELLED_V1,
  CAMPAIGN_ISSUE_NUMBER_RELEASED_V1,
  CAMPAIGN_ISSUE_REQUESTED_V1,
  REVIEW_DECISION_REVOKED_V1,
  REVIEW_NUMBER_REQUESTED_V1,
  type IntegrationEvent,
} from '@ttkt/contracts';
import type { AppendMetadata } from '@ttkt/event-store';

/**
 * The integration events the document service consumes (the register's side of the sagas): the
 * requests for numbers (a campaign's plan; a review decision or proposal letter), the campaign's
 * two compensations (a late number released, an issue cancelled), and a decision revoked.
 */
export const DOCUMENT_CONSUMES = [
  CAMPAIGN_ISSUE_REQUESTED_V1,
  CAMPAIGN_ISSUE_NUMBER_RELEASED_V1,
  CAMPAIGN_ISSUE_CANCELLED_V1,
  REVIEW_NUMBER_REQUESTED_V1,
  REVIEW_DECISION_REVOKED_V1,
];

/** Metadata of the events a consumed event causes: its actor, correlation, and itself as cause. */
export function metadataOf(event: IntegrationEvent): AppendMetadata {
  return {
    ...(event.actor ? { actor: { kind: event.actor.kind, id: event.actor.id } } : {}),
    ...(event.correlationId ? { correlationId: event.correlationId } : {}),
    causationId: event.id,
  };
}
