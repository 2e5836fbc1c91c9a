import { formatPosition, type IntegrationEvent } from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';

/** A contract event's name and payload, before it is put in its envelope. */
export interface ContractPayload {
  /** The contract name and routing key, `<service>.<fact>.v<n>` (e.g. `campaign.drafted.v1`). */
  type: string;
  /** The contract payload, already mapped from the stored event's data. */
  data: object;
}

/**
 * Puts a contract payload in the envelope of the stored event it was mapped from, as a service's
 * `toContract` (`OutboxRelayOptions.toContract`) returns it: `id` is the stored event's id (so a
 * re-published event keeps it), `source` names `service`, the stream, its version and the event's
 * log position, and actor and correlation id come from the stored metadata when present. The
 * causation id is the stored one, else the correlation id, else the event's own id.
 * `source.previousPosition` is left to the relay.
 */
export function contractEnvelope(
  service: string,
  stored: StoredEvent,
  { type, data }: ContractPayload,
): IntegrationEvent {
  const { metadata } = stored;
  return {
    id: stored.eventId,
    type,
    tenantId: stored.tenantId,
    occurredAt: metadata.occurredAt,
    source: {
      service,
      streamId: stored.streamId,
      streamVersion: stored.streamPosition,
      position: formatPosition(service, stored.transactionId, stored.globalPosition),
    },
    ...(metadata.actor ? { actor: metadata.actor } : {}),
    ...(metadata.correlationId ? { correlationId: metadata.correlationId } : {}),
    causationId: metadata.causationId ?? metadata.correlationId ?? stored.eventId,
    data,
  };
}
