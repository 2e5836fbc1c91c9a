import {
  formatPosition,
  REGISTER_NUMBER_ASSIGNED_V1,
  REGISTER_NUMBER_REFUSED_V1,
  REGISTER_NUMBER_VOIDED_V1,
  type IntegrationEvent,
  type RegisterNumberAssignedV1,
  type RegisterNumberRefusedV1,
  type RegisterNumberVoidedV1,
} from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';
import type { RegisterEvent } from '../register/register.events';

const SERVICE = 'document';

/** Maps a stored register event to the contract event other services read; null = not published. */
export function toContractEvent(stored: StoredEvent): IntegrationEvent | null {
  const position = formatPosition(SERVICE, stored.transactionId, stored.globalPosition);
  const event = { type: stored.type, data: stored.data } as RegisterEvent;
  const envelope = (type: string, data: object): IntegrationEvent => ({
    id: stored.eventId,
    type,
    tenantId: stored.tenantId,
    occurredAt: stored.metadata.occurredAt,
    source: {
      service: SERVICE,
      streamId: stored.streamId,
      streamVersion: stored.streamPosition,
      position,
    },
    ...(stored.metadata.actor ? { actor: stored.metadata.actor } : {}),
    ...(stored.metadata.correlationId ? { correlationId: stored.metadata.correlationId } : {}),
    causationId: stored.metadata.causationId ?? stored.metadata.correlationId ?? stored.eventId,
    data,
  });
  switch (event.type) {
    case 'NumberAssigned': {
      const { data } = event;
      const payload: RegisterNumberAssignedV1 = {
        agencyId: data.agencyId,
        year: data.year,
        number: data.number,
        formatted: data.formatted,
        symbol: data.symbol,
        agencyCode: data.agencyCode,
        documentKind: data.documentKind,
        requestId: data.requestId,
        requestedBy: { kind: data.requestedBy.kind, id: data.requestedBy.id },
        issuedOn: data.issuedOn,
        assignedAt: data.assignedAt,
      };
      return envelope(REGISTER_NUMBER_ASSIGNED_V1, payload);
    }
    case 'NumberRefused': {
      const { data } = event;
      const payload: RegisterNumberRefusedV1 = {
        agencyId: data.agencyId,
        year: data.year,
        requestId: data.requestId,
        requestedBy: { kind: data.requestedBy.kind, id: data.requestedBy.id },
        requestedNumber: data.requestedNumber,
        code: data.code,
        params: data.params,
        ...(data.errors.length > 0
          ? { errors: data.errors.map(({ path, message }) => ({ path, message })) }
          : {}),
        refusedAt: data.refusedAt,
      };
      return envelope(REGISTER_NUMBER_REFUSED_V1, payload);
    }
    case 'NumberVoided': {
      const { data } = event;
      const payload: RegisterNumberVoidedV1 = {
        agencyId: data.agencyId,
        year: data.year,
        number: data.number,
        requestId: data.requestId,
        reason: data.reason,
        voidedAt: data.voidedAt,
      };
      return envelope(REGISTER_NUMBER_VOIDED_V1, payload);
    }
    default:
      return null;
  }
}
