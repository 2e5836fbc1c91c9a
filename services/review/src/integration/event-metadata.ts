import type { IntegrationEvent } from '@ttkt/contracts';
import type { AppendMetadata } from '@ttkt/event-store';

/**
 * The metadata of events appended in reaction to a consumed event: its actor (or the publishing
 * service as a system actor), its correlation id, and the consumed event as the cause.
 */
export function metadataOfEvent(event: IntegrationEvent, fallbackActor: string): AppendMetadata {
  return {
    actor: event.actor ?? { kind: 'system', id: fallbackActor },
    ...(event.correlationId ? { correlationId: event.correlationId } : {}),
    causationId: event.id,
  };
}
