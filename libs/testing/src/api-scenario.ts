import { ApiClient, expectStatus } from './api-client';
import { loadBacKanFixture, type JsonObject } from './fixtures';

/** The password every user a scenario creates signs in with. */
export const SCENARIO_PASSWORD = 'Thi-dua-khen-thuong-2021!';

/** A unit to create in an agency (`POST /agencies/{id}/units`). */
export interface ScenarioUnit {
  /** The unit's code (`VP`). */
  code: string;
  /** Its name (`Văn phòng Sở`). */
  name: string;
  /** True for the emulation secretariat. */
  isSecretariat?: boolean;
}

/** A user to create in an agency (`POST /users`) and sign in. */
export interface ScenarioUser {
  /** Unique in the platform. */
  username: string;
  /** Shown name. */
  fullName: string;
  /** Roles granted in the agency (or unit). */
  roles: string[];
  /** The code of the user's unit, if any. */
  unitCode?: string;
}

/** An agency built through the API, with its units and signed-in users. */
export interface ScenarioAgency {
  /** The tenant it belongs to. */
  tenantId: string;
  /** The agency's id. */
  agencyId: string;
  /** The agency as `POST /agencies` answered. */
  agency: Record<string, unknown>;
  /** Signed in as the agency's first admin (`agency-admin`), whom the system admin created. */
  agencyAdmin: ApiClient;
  /** Unit ids by unit code. */
  units: Record<string, string>;
  /** A client signed in as each user, by username. */
  users: Record<string, ApiClient>;
  /** User ids by username (the agency admin's included). */
  userIds: Record<string, string>;
}

/** What {@link buildAgency} creates. */
export interface AgencySpec {
  tenantId: string;
  code: string;
  name: string;
  parentAgencyId?: string;
  validFrom?: string;
  validUntil?: string;
  predecessorAgencyId?: string;
  /** The username of the agency's first admin (default `qt.<code in lower case>`). */
  adminUsername?: string;
  units?: ScenarioUnit[];
  users?: ScenarioUser[];
}

/** `POST /tenants` as the signed-in system administrator; returns the tenant's id. */
export async function registerTenant(
  admin: ApiClient,
  code: string,
  name: string,
): Promise<string> {
  const body = expectStatus(await admin.post<{ id: string }>('/tenants', { code, name }), 201);
  return body.id;
}

/**
 * Builds an agency through the public API as an agency would be onboarded: the system
 * administrator registers it (`POST /agencies`) and creates its first `agency-admin`
 * (`POST /users`); that admin signs in and creates the units, then the other users, who each
 * sign in. Throws with the answer at the first step that fails, so a broken setup says which
 * route refused what.
 */
export async function buildAgency(admin: ApiClient, spec: AgencySpec): Promise<ScenarioAgency> {
  const { units = [], users = [], adminUsername, ...agencyBody } = spec;
  const agency = expectStatus(
    await admin.post<Record<string, unknown> & { id: string }>('/agencies', agencyBody),
    201,
  );
  const userIds: Record<string, string> = {};
  const firstAdmin = adminUsername ?? `qt.${spec.code.toLowerCase()}`;
  userIds[firstAdmin] = expectStatus(
    await admin.post<{ id: string }>('/users', {
      username: firstAdmin,
      password: SCENARIO_PASSWORD,
      fullName: `Quản trị ${spec.name}`,
      tenantId: spec.tenantId,
      agencyId: agency.id,
      roles: ['agency-admin'],
    }),
    201,
  ).id;
  const agencyAdmin = await ApiClient.login(admin.server, firstAdmin, SCENARIO_PASSWORD);

  const unitIds: Record<string, string> = {};
  for (const unit of units) {
    const created = expectStatus(
      await agencyAdmin.post<{ id: string }>(`/agencies/${agency.id}/units`, unit),
      201,
    );
    unitIds[unit.code] = created.id;
  }
  const clients: Record<string, ApiClient> = {};
  for (const user of users) {
    const unitId = user.unitCode === undefined ? undefined : unitIds[user.unitCode];
    const created = expectStatus(
      await agencyAdmin.post<{ id: string }>('/users', {
        username: user.username,
        password: SCENARIO_PASSWORD,
        fullName: user.fullName,
        agencyId: agency.id,
        ...(unitId === undefined ? {} : { unitId }),
        roles: user.roles,
      }),
      201,
    );
    userIds[user.username] = created.id;
    clients[user.username] = await ApiClient.login(admin.server, user.username, SCENARIO_PASSWORD);
  }
  return {
    tenantId: spec.tenantId,
    agencyId: agency.id,
    agency,
    agencyAdmin,
    units: unitIds,
    users: clients,
    userIds,
  };
}

/** The units of the Bắc Kạn plan's department, `VP` being the secretariat. */
export function bacKanUnits(): ScenarioUnit[] {
  const fixture = loadBacKanFixture();
  const units = (fixture['agency'] as JsonObject)['units'] as JsonObject[];
  return units.map((unit) => ({
    code: unit['code'] as string,
    name: unit['name'] as string,
    ...(unit['role'] === 'emulation-secretariat' ? { isSecretariat: true } : {}),
  }));
}

/**
 * The province of Bắc Kạn (`BK`) and the plan's department in it, Sở Khoa học và Công nghệ tỉnh
 * Bắc Kạn (`SKHCN`) with the fixture's units and `users`, built through the API as
 * {@link buildAgency} builds an agency; the tenant's id is the agency's `tenantId`.
 */
export async function buildBacKanDepartment(
  admin: ApiClient,
  users: ScenarioUser[] = [],
): Promise<ScenarioAgency> {
  const tenantId = await registerTenant(admin, 'BK', 'Tỉnh Bắc Kạn');
  return buildAgency(admin, {
    tenantId,
    code: 'SKHCN',
    name: 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
    units: bacKanUnits(),
    users,
  });
}

/**
 * The plan 27/KH-SKHCN as `POST /campaigns` takes it: the fixture's `campaign` without what
 * issuing sets (`documentType`, `planNumber`, `issuedOn`) and the place line (`issuedAt`), plus
 * the agency. A fresh copy on each call.
 */
export function bacKanDraft(agencyId: string, overrides: JsonObject = {}): JsonObject {
  const campaign = loadBacKanFixture()['campaign'] as JsonObject;
  const {
    documentType: _type,
    planNumber: _number,
    issuedOn: _on,
    issuedAt: _at,
    ...draft
  } = campaign;
  return { ...draft, agencyId, ...overrides };
}
