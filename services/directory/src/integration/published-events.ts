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
import { contractEnvelope, type ContractPayload } from '@ttkt/messaging';
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
  return published && contractEnvelope(SERVICE, stored, published);
}

function contractOf(event: DirectoryEvent): ContractPayload | null {
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
