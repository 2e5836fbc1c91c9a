import type { RoleGrant } from './roles';

/** A name of a tenant or an agency and the days it is in force (both ends included). */
export interface NamePeriod {
  /** The name, NFC ("Tỉnh Bắc Kạn"). */
  name: string;
  /** First day in force (`YYYY-MM-DD`); null = since the beginning. */
  from: string | null;
  /** Last day in force (`YYYY-MM-DD`); null = still in force. */
  until: string | null;
}

/** A tenant (a province or a ministry) as the directory answers it. */
export interface TenantView {
  id: string;
  code: string;
  /** The name in force on the query's `asOf` (default today). */
  name: string;
  /** Every name it has had, oldest first. */
  names: NamePeriod[];
  version: number;
}

/** An agency (Sở, Ban, …) as the directory answers it. */
export interface AgencyView {
  id: string;
  tenantId: string;
  /** Not unique: a successor may keep its predecessor's code (SKHCN). */
  code: string;
  /** The name in force on the query's `asOf` (default today). */
  name: string;
  names: NamePeriod[];
  parentAgencyId: string | null;
  validFrom: string | null;
  validUntil: string | null;
  predecessorAgencyId: string | null;
  /** The agency that names this one as its predecessor (derived), if any. */
  successorAgencyId: string | null;
  version: number;
}

/** A unit (phòng, đơn vị) of an agency. */
export interface UnitView {
  id: string;
  agencyId: string;
  /** Unique within the agency. */
  code: string;
  name: string;
  /** The unit is the agency's secretariat (văn phòng). */
  isSecretariat: boolean;
  parentUnitId: string | null;
  version: number;
}

/** The gender recorded for a person. */
export type Gender = 'male' | 'female';

/** The fields of a person that change over time. */
export interface PersonFields {
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
  unitId: string;
  position: string;
}

/** A dated change of a person: the fields that changed, with their new values. */
export interface PersonHistoryEntry {
  effectiveOn: string;
  changes: Partial<PersonFields>;
}

/** The kinds of hold: kỷ luật, đang bị điều tra, khiếu nại chưa giải quyết. */
export const HOLD_KINDS = ['discipline', 'investigation', 'complaint'] as const;

/** One of {@link HOLD_KINDS}. */
export type HoldKind = (typeof HOLD_KINDS)[number];

/** A hold on a person: while open, no award or proposal for them. */
export interface HoldView {
  id: string;
  kind: HoldKind;
  reason: string;
  /** Where it comes from (a decision, a letter: "QĐ 12/QĐ-UBND"). */
  source: string;
  openedOn: string;
  status: 'open' | 'closed';
  closedOn: string | null;
  closeReason: string | null;
}

/** A person (cán bộ) of an agency. */
export interface PersonView extends PersonFields {
  id: string;
  agencyId: string;
  code: string | null;
  /** The last word of the full name (tên), which lists sort by. */
  givenName: string;
  history: PersonHistoryEntry[];
  holds: HoldView[];
  /** True while any hold is open. */
  onHold: boolean;
  version: number;
}

/** A user account; the password hash never leaves the directory. */
export interface UserView {
  id: string;
  /** Null for a platform `system-admin`. */
  tenantId: string | null;
  username: string;
  fullName: string;
  agencyId: string | null;
  unitId: string | null;
  personId: string | null;
  grants: RoleGrant[];
  version: number;
}

/** A page of a list. */
export interface ListPage<T> {
  items: T[];
  /** Pass it as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** One refused row of an import. */
export interface ImportRowError {
  /** The row number as the file counts it. */
  row: number;
  /** The column key (`fullName`, `dateOfBirth`, …). */
  column: string;
  /** The constraint key (`isNotEmpty`, `isDateString`, `isIn`, `unknownUnit`, …). */
  message: string;
}

/** The outcome of `directory.import-people`. */
export interface ImportPeopleResult {
  /** Rows that created or changed something. */
  imported: number;
  /** Rows whose person already existed with the same data. */
  unchanged: number;
  errors: ImportRowError[];
}

/** The outcome of `directory.ensure-bootstrap-admin`. */
export interface BootstrapAdminResult {
  /** False when a user with the username already existed. */
  created: boolean;
  userId: string;
}
