// The register's published language (document service): its integration events and queries.
import {
  REGISTER_NUMBER_ASSIGNED_V1,
  RegisterNumberAssignedV1,
} from './register-number-assigned.v1';
import { REGISTER_NUMBER_REFUSED_V1, RegisterNumberRefusedV1 } from './register-number-refused.v1';
import { REGISTER_NUMBER_REVOKED_V1, RegisterNumberRevokedV1 } from './register-number-revoked.v1';
import { REGISTER_NUMBER_VOIDED_V1, RegisterNumberVoidedV1 } from './register-number-voided.v1';

export * from './queries';
export * from './register-number-bounds';
export * from './register-number-assigned.v1';
export * from './register-number-refused.v1';
export * from './register-number-revoked.v1';
export * from './register-number-voided.v1';
export * from './register-requester';

/** The register's (document service's) published events: routing key → payload class. */
export const REGISTER_EVENTS: Readonly<Record<string, new () => object>> = {
  [REGISTER_NUMBER_ASSIGNED_V1]: RegisterNumberAssignedV1,
  [REGISTER_NUMBER_REFUSED_V1]: RegisterNumberRefusedV1,
  [REGISTER_NUMBER_VOIDED_V1]: RegisterNumberVoidedV1,
  [REGISTER_NUMBER_REVOKED_V1]: RegisterNumberRevokedV1,
};
