import type { AuthenticatedUser, Role } from '@ttkt/contracts';
import type { Request } from 'express';

/** A file uploaded as `multipart/form-data` (kept in memory, as multer gives it). */
export interface UploadedFile {
  /** The form field's name. */
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** A request the guard has authenticated: the verified user rides on it. */
export interface AuthenticatedRequest extends Request {
  user?: AuthenticatedUser;
}

/** The file multer read from a `multipart/form-data` request, if any. */
export function uploadedFile(request: Request): UploadedFile | undefined {
  return (request as unknown as { file?: UploadedFile }).file;
}

/** True when the user holds the platform's `system-admin` role. */
export function isSystemAdmin(user: AuthenticatedUser): boolean {
  return user.grants.some((grant) => grant.role === 'system-admin');
}

/** True when the user holds one of `roles` in some agency, or is a system-admin. */
export function holdsAnyRole(user: AuthenticatedUser, roles: readonly Role[]): boolean {
  return isSystemAdmin(user) || user.grants.some((grant) => roles.includes(grant.role));
}

/** True when the user holds a grant in `agencyId`, or is a system-admin. */
export function canSeeAgency(user: AuthenticatedUser, agencyId: string): boolean {
  return isSystemAdmin(user) || user.grants.some((grant) => grant.agencyId === agencyId);
}

/** True when the user holds one of `roles` in `agencyId`, or is a system-admin. */
export function holdsRoleIn(
  user: AuthenticatedUser,
  agencyId: string,
  roles: readonly Role[],
): boolean {
  return (
    isSystemAdmin(user) ||
    user.grants.some((grant) => grant.agencyId === agencyId && roles.includes(grant.role))
  );
}

/** The agencies the user may see: `all` for a system-admin, else those it holds a grant in. */
export function visibleAgencies(user: AuthenticatedUser): string[] | 'all' {
  if (isSystemAdmin(user)) return 'all';
  return [
    ...new Set(user.grants.flatMap((grant) => (grant.agencyId === null ? [] : [grant.agencyId]))),
  ];
}
