import {
  REGISTER_NUMBER_ASSIGNED_V1,
  REGISTER_NUMBER_REFUSED_V1,
  REGISTER_NUMBER_REVOKED_V1,
  REGISTER_NUMBER_VOIDED_V1,
  type IntegrationEvent,
  type RegisterNumberAssignedV1,
  type RegisterNumberRefusedV1,
  type RegisterNumberRevokedV1,
  type RegisterNumberVoidedV1,
} from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';
import { contractEnvelope, type ContractPayload } from '@ttkt/messaging';
import type { RegisterEvent } from '../register/register.events';

const SERVICE = 'document';

/** Maps a stored register event to the contract event other services read; null = not published. */
export function toContractEvent(stored: StoredEvent): IntegrationEvent | null {
  const published = contractOf({ type: stored.type, data: stored.data } as RegisterEvent);
  return published && contractEnvelope(SERVICE, stored, published);
}

function contractOf(event: RegisterEvent): ContractPayload | null {
  switch (event.type) {
    case 'NumberAssigned': {
      const { data: stored } = event;
      const data: RegisterNumberAssignedV1 = {
        agencyId: stored.agencyId,
        year: stored.year,
        number: stored.number,
        formatted: stored.formatted,
        symbol: stored.symbol,
        agencyCode: stored.agencyCode,
        documentKind: stored.documentKind,
        requestId: stored.requestId,
        requestedBy: { kind: stored.requestedBy.kind, id: stored.requestedBy.id },
        issuedOn: stored.issuedOn,
        assignedAt: stored.assignedAt,
      };
      return { type: REGISTER_NUMBER_ASSIGNED_V1, data };
    }
    case 'NumberRefused': {
      const { data: stored } = event;
      const data: RegisterNumberRefusedV1 = {
        agencyId: stored.agencyId,
        year: stored.year,
        requestId: stored.requestId,
        requestedBy: { kind: stored.requestedBy.kind, id: stored.requestedBy.id },
        requestedNumber: stored.requestedNumber,
        code: stored.code,
        params: stored.params,
        ...(stored.errors.length > 0
          ? { errors: stored.errors.map(({ path, message }) => ({ path, message })) }
          : {}),
        refusedAt: stored.refusedAt,
      };
      return { type: REGISTER_NUMBER_REFUSED_V1, data };
    }
    case 'NumberVoided': {
      const { agencyId, year, number, requestId, reason, voidedAt } = event.data;
      const data: RegisterNumberVoidedV1 = { agencyId, year, number, requestId, reason, voidedAt };
      return { type: REGISTER_NUMBER_VOIDED_V1, data };
    }
    case 'NumberRevoked': {
      const { data: stored } = event;
      const data: RegisterNumberRevokedV1 = {
        agencyId: stored.agencyId,
        year: stored.year,
        number: stored.number,
        formatted: stored.formatted,
        requestId: stored.requestId,
        requestedBy: { kind: stored.requestedBy.kind, id: stored.requestedBy.id },
        reason: stored.reason,
        revokedAt: stored.revokedAt,
      };
      return { type: REGISTER_NUMBER_REVOKED_V1, data };
    }
    default:
      return null;
  }
}
