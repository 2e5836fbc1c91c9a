import {
  AUTHENTICATE,
  CLOSE_HOLD,
  CREATE_UNIT,
  CREATE_USER,
  GET_AGENCY,
  GET_PERSON,
  GET_TENANT,
  GET_USERS,
  IMPORT_PEOPLE,
  LIST_AGENCIES,
  LIST_PEOPLE,
  LIST_TENANTS,
  LIST_UNITS,
  OPEN_HOLD,
  REGISTER_AGENCY,
  REGISTER_PERSON,
  REGISTER_TENANT,
  RENAME_AGENCY,
  RENAME_TENANT,
  UPDATE_PERSON,
} from '@ttkt/contracts';

/** The service that answers the directory's RPC. */
export const DIRECTORY_SERVICE = 'directory';

/** The directory's RPC patterns (the contracts' constants) under the names the routes use. */
export const DIRECTORY = {
  registerTenant: REGISTER_TENANT,
  renameTenant: RENAME_TENANT,
  getTenant: GET_TENANT,
  listTenants: LIST_TENANTS,
  registerAgency: REGISTER_AGENCY,
  renameAgency: RENAME_AGENCY,
  getAgency: GET_AGENCY,
  listAgencies: LIST_AGENCIES,
  createUnit: CREATE_UNIT,
  listUnits: LIST_UNITS,
  registerPerson: REGISTER_PERSON,
  updatePerson: UPDATE_PERSON,
  getPerson: GET_PERSON,
  listPeople: LIST_PEOPLE,
  openHold: OPEN_HOLD,
  closeHold: CLOSE_HOLD,
  createUser: CREATE_USER,
  authenticate: AUTHENTICATE,
  getUsers: GET_USERS,
  importPeople: IMPORT_PEOPLE,
} as const;
