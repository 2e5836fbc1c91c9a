import {
  CAMPAIGN_ISSUE_CANCELLED_V1,
  CAMPAIGN_ISSUE_NUMBER_RELEASED_V1,
  CAMPAIGN_ISSUE_REQUESTED_V1,
  type IntegrationEvent,
} from '@ttkt/contracts';
import type { AppendMetadata } from '@ttkt/event-store';

/**
 * The integration events the document service consumes (the register's side of the saga): the
 * requests for numbers, and the two compensations (a late number released, an issue cancelled).
 */
export const DOCUMENT_CONSUMES = [
  CAMPAIGN_ISSUE_REQUESTED_V1,
  CAMPAIGN_ISSUE_NUMBER_RELEASED_V1,
  CAMPAIGN_ISSUE_CANCELLED_V1,
];

/** Metadata of the events a consumed event causes: its actor, correlation, and itself as cause. */
export function metadataOf(event: IntegrationEvent): AppendMetadata {
  return {
    ...(event.actor ? { actor: { kind: event.actor.kind, id: event.actor.id } } : {}),
    ...(event.correlationId ? { correlationId: event.correlationId } : {}),
    causationId: event.id,
  };
}
