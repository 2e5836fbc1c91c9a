/**
 * The roles a user may be granted, per agency (or per unit of an agency). `system-admin` is the
 * platform's: it manages tenants, agencies and the first agency admins, and is granted without an
 * agency.
 */
export const ROLES = [
  'system-admin',
  'agency-admin',
  /** The office that runs campaigns (văn phòng / thường trực hội đồng). */
  'secretariat',
  /** Văn thư: numbers and dispatches documents. */
  'registry-clerk',
  'unit-head',
  'council-member',
  /** Decides and signs (Giám đốc Sở). */
  'agency-head',
  'viewer',
] as const;

/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** A role held in an agency (and optionally only for one of its units). */
export interface RoleGrant {
  role: Role;
  /** Null only for `system-admin`. */
  agencyId: string | null;
  unitId: string | null;
}

/** Who signed in, as the directory vouches for it (the gateway puts it in the token). */
export interface AuthenticatedUser {
  userId: string;
  /** The user's tenant; null for a platform `system-admin`. */
  tenantId: string | null;
  username: string;
  fullName: string;
  agencyId: string | null;
  unitId: string | null;
  personId: string | null;
  grants: RoleGrant[];
}
