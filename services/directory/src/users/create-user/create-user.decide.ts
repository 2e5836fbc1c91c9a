import { DomainError, type Role, type ValidationIssue } from '@ttkt/contracts';
import { normalizeText } from '../../vietnamese-name';
import type { UserEvent } from '../user.events';
import type { UserState } from '../user.state';

/** Create a user; the password arrives already hashed (argon2id). */
export interface CreateUser {
  userId: string;
  /** The sender's tenant (the agency's). */
  tenantId: string;
  username: string;
  passwordHash: string;
  fullName: string;
  agencyId: string | null;
  unitId?: string;
  personId?: string;
  roles: Role[];
}

/** What the read tables know about the agency, unit and person named. */
export interface CreateUserFacts {
  agencyKnown: boolean;
  unitAgencyId: string | null;
  personKnown: boolean;
}

/**
 * A user is created once. `system-admin` is granted only without an agency, and a user without
 * an agency is only a `system-admin`; the unit and person belong to the agency. The username's
 * uniqueness (without case) is the read table's.
 */
export function decideCreateUser(
  command: CreateUser,
  state: UserState,
  facts: CreateUserFacts,
): UserEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('invalid-state', { userId: command.userId, status: state.status });
  }
  const roles = [...new Set(command.roles)];
  const platform = command.agencyId === null;
  const errors: ValidationIssue[] = [];
  if (roles.includes('system-admin') && (!platform || roles.length > 1)) {
    errors.push({ path: 'roles', message: 'systemAdminWithoutAgency' });
  }
  if (platform && !roles.includes('system-admin')) {
    errors.push({ path: 'agencyId', message: 'isNotEmpty' });
  }
  if (!platform && !facts.agencyKnown) {
    throw new DomainError('not-found', { agencyId: command.agencyId });
  }
  if (command.unitId !== undefined && (platform || facts.unitAgencyId !== command.agencyId)) {
    errors.push({ path: 'unitId', message: 'unknownUnit' });
  }
  if (command.personId !== undefined && (platform || !facts.personKnown)) {
    errors.push({ path: 'personId', message: 'unknownPerson' });
  }
  const fullName = normalizeText(command.fullName);
  if (fullName === '') errors.push({ path: 'fullName', message: 'isNotEmpty' });
  if (errors.length > 0) throw new DomainError('validation-failed', {}, errors);
  return [
    {
      type: 'UserCreated',
      data: {
        userId: command.userId,
        tenantId: platform ? null : command.tenantId,
        username: command.username.normalize('NFC'),
        passwordHash: command.passwordHash,
        fullName,
        agencyId: command.agencyId,
        unitId: command.unitId ?? null,
        personId: command.personId ?? null,
        grants: roles.map((role) => ({
          role,
          agencyId: command.agencyId,
          unitId: command.unitId ?? null,
        })),
      },
    },
  ];
}
