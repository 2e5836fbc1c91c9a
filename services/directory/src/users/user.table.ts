import type { AuthenticatedUser, UserView } from '@ttkt/contracts';
import type { Pool, PoolClient } from 'pg';
import type { UserState } from './user.state';

/** Writes a user's row and claims the username (a taken one fails on `usernames_pkey`). */
export async function saveUser(
  client: PoolClient,
  schema: string,
  state: UserState,
): Promise<void> {
  if (state.status !== 'created') return;
  const { user } = state;
  await client.query(`INSERT INTO "${schema}".usernames (username_key, user_id) VALUES ($1, $2)`, [
    usernameKey(user.username),
    user.id,
  ]);
  await client.query(
    `INSERT INTO "${schema}".users (id, tenant_id, username, password_hash, view, version)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET view = EXCLUDED.view, version = EXCLUDED.version`,
    [user.id, user.tenantId, user.username, state.passwordHash, JSON.stringify(user), user.version],
  );
}

/** Usernames compare without case. */
export function usernameKey(username: string): string {
  return username.normalize('NFC').toLowerCase();
}

/** The user holding a username, with the password hash; null when none does. */
export async function findUserByUsername(
  db: Pool | PoolClient,
  schema: string,
  username: string,
): Promise<{ user: UserView; passwordHash: string } | null> {
  const { rows } = await db.query<{ view: UserView; password_hash: string }>(
    `SELECT u.view, u.password_hash FROM "${schema}".usernames n
       JOIN "${schema}".users u ON u.id = n.user_id WHERE n.username_key = $1`,
    [usernameKey(username)],
  );
  const row = rows[0];
  return row ? { user: row.view, passwordHash: row.password_hash } : null;
}

/**
 * The users of `tenantId` among `userIds`, from the read table's views (which hold no password
 * hash); unknown ids and other tenants' users are left out.
 */
export async function usersByIds(
  db: Pool | PoolClient,
  schema: string,
  tenantId: string,
  userIds: readonly string[],
): Promise<UserView[]> {
  if (userIds.length === 0) return [];
  const { rows } = await db.query<{ view: UserView }>(
    `SELECT view FROM "${schema}".users WHERE tenant_id = $1 AND id = ANY($2::text[]) ORDER BY id`,
    [tenantId, [...userIds]],
  );
  return rows.map((row) => row.view);
}

/** What the gateway puts in the token. */
export function authenticatedUser(user: UserView): AuthenticatedUser {
  return {
    userId: user.id,
    tenantId: user.tenantId,
    username: user.username,
    fullName: user.fullName,
    agencyId: user.agencyId,
    unitId: user.unitId,
    personId: user.personId,
    grants: user.grants,
  };
}
