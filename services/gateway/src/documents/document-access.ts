import type { AuthenticatedUser, Role } from '@ttkt/contracts';
import { isSystemAdmin } from '../auth/authorization';

/** What the access rule reads of a generated document. */
export interface DocumentAccessFacts {
  agencyId: string;
  kind: string;
  /** The person a certificate is for (null for every other kind, and for a collective). */
  subjectPersonId: string | null;
}

/**
 * How a user may read an agency's generated documents:
 * - `all`: every document of the agency (its staff, and a platform system-admin);
 * - `own-certificates`: only the certificates whose subject is the user's person;
 * - `none`: nothing (the document is `404`).
 */
export type DocumentReach = 'all' | 'own-certificates' | 'none';

/**
 * The role a person's own account holds in its agency: a `viewer` linked to a person (the
 * domain's nominee, who "sees the own dossier's status and result"). Every other role is staff.
 */
const SELF_SERVICE_ROLE: Role = 'viewer';

/**
 * What `user` reaches of `agencyId`'s documents (API.md, Documents; issue #7: "the agency's
 * members; an awardee linked to a person also the own certificate; other tenants nothing"):
 * - a system-admin, and a user holding any role in the agency other than `viewer`, or `viewer`
 *   without being linked to a person, reads all of them;
 * - a user linked to a person reads the certificates of that person — when that user is a
 *   `viewer` of the agency and nothing more (the person's own account), or of no role there at
 *   all (the directory links a user only to a person of its own agency, so that is a person
 *   moved on to another agency of the tenant);
 * - nobody else reads anything.
 *
 * The directory requires a role for every user and links a user only to a person of its own
 * agency, so an awardee who signs in always holds a grant there: without the `viewer` rule a
 * person's own account would read every other awardee's certificate and the decision.
 * The tenant is checked before: documents are read in the caller's tenant only.
 */
export function documentReach(user: AuthenticatedUser, agencyId: string): DocumentReach {
  if (isSystemAdmin(user)) return 'all';
  const roles = user.grants.filter((grant) => grant.agencyId === agencyId).map((g) => g.role);
  const staff = roles.some((role) => role !== SELF_SERVICE_ROLE);
  if (staff) return 'all';
  if (user.personId !== null) return 'own-certificates';
  return roles.length > 0 ? 'all' : 'none';
}

/** True when `user` may read (and download) `document`. */
export function canReadDocument(user: AuthenticatedUser, document: DocumentAccessFacts): boolean {
  switch (documentReach(user, document.agencyId)) {
    case 'all':
      return true;
    case 'own-certificates':
      return (
        document.kind === 'certificate' &&
        document.subjectPersonId !== null &&
        document.subjectPersonId === user.personId
      );
    case 'none':
      return false;
  }
}
