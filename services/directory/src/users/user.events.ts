import type { RoleGrant } from '@ttkt/contracts';

/** The events stored in a user's stream (`user-<id>`). Never published. */
export type UserEvent = UserCreated;

/** A user account was created, with its argon2id password hash and its grants. */
export interface UserCreated {
  type: 'UserCreated';
  data: {
    userId: string;
    /** Null for a platform `system-admin`. */
    tenantId: string | null;
    username: string;
    passwordHash: string;
    fullName: string;
    agencyId: string | null;
    unitId: string | null;
    personId: string | null;
    grants: RoleGrant[];
  };
}

/** The stream id of a user. */
export function userStreamId(userId: string): string {
  return `user-${userId}`;
}

/** The event-store tenant of the platform's own users (system-admins have no tenant). */
export const PLATFORM_TENANT = 'platform';
