/**
 * The integration events the campaign service consumes: the directory's facts it keeps a copy of
 * (agencies' and units' codes) and the register's answers (the issue saga). Routing keys and
 * payload classes are the publishers' contracts; the consumer validates each payload on arrival.
 */
export {
  DIRECTORY_AGENCY_REGISTERED_V1,
  DIRECTORY_AGENCY_RENAMED_V1,
  DIRECTORY_UNIT_CREATED_V1,
  REGISTER_NUMBER_ASSIGNED_V1,
  REGISTER_NUMBER_REFUSED_V1,
  type AgencyRegisteredV1 as AgencyRegistered,
  type AgencyRenamedV1 as AgencyRenamed,
  type UnitCreatedV1 as UnitCreated,
  type RegisterNumberAssignedV1 as NumberAssigned,
  type RegisterNumberRefusedV1 as NumberRefused,
} from '@ttkt/contracts';
