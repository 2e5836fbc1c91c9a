import {
  CAMPAIGN_ISSUE_CANCELLED_V1,
  CAMPAIGN_ISSUE_NUMBER_RELEASED_V1,
  CAMPAIGN_ISSUE_REQUESTED_V1,
  CAMPAIGN_ISSUED_V1,
  DIRECTORY_AGENCY_REGISTERED_V1,
  DIRECTORY_AGENCY_RENAMED_V1,
  DIRECTORY_TENANT_REGISTERED_V1,
  DIRECTORY_TENANT_RENAMED_V1,
  NOMINATION_SUBMITTED_V1,
  REVIEW_DECISION_ISSUED_V1,
  REVIEW_DECISION_REVOKED_V1,
  REVIEW_NUMBER_REQUESTED_V1,
  REVIEW_PROPOSAL_ISSUED_V1,
  REVIEW_SESSION_CLOSED_V1,
  type IntegrationEvent,
} from '@ttkt/contracts';
import type { AppendMetadata } from '@ttkt/event-store';

/**
 * The integration events the document service consumes. The register's side of the sagas: the
 * requests for numbers (a campaign's plan; a review decision or proposal letter), the campaign's
 * two compensations (a late number released, an issue cancelled), and a decision revoked. The
 * generated documents: what issues them (an issued plan, decision or proposal, a closed council
 * session) and the facts they print that those events do not carry (the directory's tenant and
 * agency names over time, submitted dossiers' nominees for the minutes).
 */
export const DOCUMENT_CONSUMES = [
  CAMPAIGN_ISSUE_REQUESTED_V1,
  CAMPAIGN_ISSUE_NUMBER_RELEASED_V1,
  CAMPAIGN_ISSUE_CANCELLED_V1,
  REVIEW_NUMBER_REQUESTED_V1,
  REVIEW_DECISION_REVOKED_V1,
  CAMPAIGN_ISSUED_V1,
  REVIEW_DECISION_ISSUED_V1,
  REVIEW_PROPOSAL_ISSUED_V1,
  REVIEW_SESSION_CLOSED_V1,
  DIRECTORY_TENANT_REGISTERED_V1,
  DIRECTORY_TENANT_RENAMED_V1,
  DIRECTORY_AGENCY_REGISTERED_V1,
  DIRECTORY_AGENCY_RENAMED_V1,
  NOMINATION_SUBMITTED_V1,
];

/** Metadata of the events a consumed event causes: its actor, correlation, and itself as cause. */
export function metadataOf(event: IntegrationEvent): AppendMetadata {
  return {
    ...(event.actor ? { actor: { kind: event.actor.kind, id: event.actor.id } } : {}),
    ...(event.correlationId ? { correlationId: event.correlationId } : {}),
    causationId: event.id,
  };
}
