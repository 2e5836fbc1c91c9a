import {
  DIRECTORY_AGENCY_REGISTERED_V1,
  DIRECTORY_AGENCY_RENAMED_V1,
  DIRECTORY_HOLD_CLOSED_V1,
  DIRECTORY_HOLD_OPENED_V1,
  DIRECTORY_PERSON_CHANGED_V1,
  DIRECTORY_PERSON_REGISTERED_V1,
  DIRECTORY_TENANT_REGISTERED_V1,
  DIRECTORY_TENANT_RENAMED_V1,
  DIRECTORY_UNIT_CREATED_V1,
  formatPosition,
  type AgencyRegisteredV1,
  type AgencyRenamedV1,
  type HoldClosedV1,
  type HoldOpenedV1,
  type IntegrationEvent,
  type PersonChangedV1,
  type PersonRegisteredV1,
  type TenantRegisteredV1,
  type TenantRenamedV1,
  type UnitCreatedV1,
} from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';
import type { AgencyEvent } from '../agencies/agency.events';
import type { PersonEvent, PersonSnapshot } from '../people/person.events';
import type { TenantEvent } from '../tenants/tenant.events';
import type { UnitEvent } from '../units/unit.events';
import type { UserEvent } from '../users/user.events';

const SERVICE = 'directory';

type DirectoryEvent = TenantEvent | AgencyEvent | UnitEvent | PersonEvent | UserEvent;

/**
 * Maps a stored directory event to the contract event other services read; null = not published
 * (user accounts, and their password hashes, never leave the directory).
 */
export function toContractEvent(stored: StoredEvent): IntegrationEvent | null {
  const published = contractOf({ type: stored.type, data: stored.data } as DirectoryEvent);
  if (published === null) return null;
  return {
    id: stored.eventId,
    type: published.type,
    tenantId: stored.tenantId,
    occurredAt: stored.metadata.occurredAt,
    source: {
      service: SERVICE,
      streamId: stored.streamId,
      streamVersion: stored.streamPosition,
      position: formatPosition(SERVICE, stored.transactionId, stored.globalPosition),
    },
    ...(stored.metadata.actor ? { actor: stored.metadata.actor } : {}),
    ...(stored.metadata.correlationId ? { correlationId: stored.metadata.correlationId } : {}),
    causationId: stored.metadata.causationId ?? stored.metadata.correlationId ?? stored.eventId,
    data: published.data,
  };
}

function contractOf(event: DirectoryEvent): { type: string; data: object } | null {
  switch (event.type) {
    case 'TenantRegistered': {
      const data: TenantRegisteredV1 = { ...event.data };
      return { type: DIRECTORY_TENANT_REGISTERED_V1, data };
    }
    case 'TenantRenamed': {
      const data: TenantRenamedV1 = { ...event.data };
      return { type: DIRECTORY_TENANT_RENAMED_V1, data };
    }
    case 'AgencyRegistered': {
      const data: AgencyRegisteredV1 = { ...event.data };
      return { type: DIRECTORY_AGENCY_REGISTERED_V1, data };
    }
    case 'AgencyRenamed': {
      const data: AgencyRenamedV1 = { ...event.data };
      return { type: DIRECTORY_AGENCY_RENAMED_V1, data };
    }
    case 'UnitCreated': {
      const data: UnitCreatedV1 = { ...event.data };
      return { type: DIRECTORY_UNIT_CREATED_V1, data };
    }
    case 'PersonRegistered': {
      const data: PersonRegisteredV1 = snapshotOf(event.data);
      return { type: DIRECTORY_PERSON_REGISTERED_V1, data };
    }
    case 'PersonChanged': {
      const data: PersonChangedV1 = {
        ...snapshotOf(event.data),
        effectiveOn: event.data.effectiveOn,
      };
      return { type: DIRECTORY_PERSON_CHANGED_V1, data };
    }
    case 'HoldOpened': {
      const data: HoldOpenedV1 = { ...event.data };
      return { type: DIRECTORY_HOLD_OPENED_V1, data };
    }
    case 'HoldClosed': {
      const data: HoldClosedV1 = { ...event.data };
      return { type: DIRECTORY_HOLD_CLOSED_V1, data };
    }
    case 'UserCreated':
      return null;
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

function snapshotOf(snapshot: PersonSnapshot): PersonRegisteredV1 {
  return {
    personId: snapshot.personId,
    agencyId: snapshot.agencyId,
    unitId: snapshot.unitId,
    code: snapshot.code,
    fullName: snapshot.fullName,
    dateOfBirth: snapshot.dateOfBirth,
    gender: snapshot.gender,
    position: snapshot.position,
  };
}
