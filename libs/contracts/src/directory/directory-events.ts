import { AgencyRegisteredV1, DIRECTORY_AGENCY_REGISTERED_V1 } from './agency-registered.v1';
import { AgencyRenamedV1, DIRECTORY_AGENCY_RENAMED_V1 } from './agency-renamed.v1';
import { DIRECTORY_HOLD_CLOSED_V1, HoldClosedV1 } from './hold-closed.v1';
import { DIRECTORY_HOLD_OPENED_V1, HoldOpenedV1 } from './hold-opened.v1';
import { DIRECTORY_PERSON_CHANGED_V1, PersonChangedV1 } from './person-changed.v1';
import { DIRECTORY_PERSON_REGISTERED_V1, PersonRegisteredV1 } from './person-registered.v1';
import { DIRECTORY_TENANT_REGISTERED_V1, TenantRegisteredV1 } from './tenant-registered.v1';
import { DIRECTORY_TENANT_RENAMED_V1, TenantRenamedV1 } from './tenant-renamed.v1';
import { DIRECTORY_UNIT_CREATED_V1, UnitCreatedV1 } from './unit-created.v1';

/** The directory service's published events: routing key → payload class. Users are not published. */
export const DIRECTORY_EVENTS: Readonly<Record<string, new () => object>> = {
  [DIRECTORY_TENANT_REGISTERED_V1]: TenantRegisteredV1,
  [DIRECTORY_TENANT_RENAMED_V1]: TenantRenamedV1,
  [DIRECTORY_AGENCY_REGISTERED_V1]: AgencyRegisteredV1,
  [DIRECTORY_AGENCY_RENAMED_V1]: AgencyRenamedV1,
  [DIRECTORY_UNIT_CREATED_V1]: UnitCreatedV1,
  [DIRECTORY_PERSON_REGISTERED_V1]: PersonRegisteredV1,
  [DIRECTORY_PERSON_CHANGED_V1]: PersonChangedV1,
  [DIRECTORY_HOLD_OPENED_V1]: HoldOpenedV1,
  [DIRECTORY_HOLD_CLOSED_V1]: HoldClosedV1,
};
