import { ROLES, type AuthenticatedUser, type Role, type RoleGrant } from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { jwtVerify, SignJWT } from 'jose';

/** Who issues and who accepts the gateway's tokens. */
const ISSUER = 'ttkt-gateway';
const AUDIENCE = 'ttkt-api';

/** How to sign or verify an access token. */
export interface AccessTokenOptions {
  secret: string;
  clock: Clock;
  /** Lifetime in seconds (signing only). */
  lifetimeSeconds?: number;
}

/** The claims the gateway writes: the user as the directory vouched for it. */
interface UserClaims {
  tenant: string | null;
  username: string;
  name: string;
  agency: string | null;
  unit: string | null;
  person: string | null;
  grants: RoleGrant[];
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs an HS256 access token carrying `user`; answers the token and its lifetime (seconds). */
export async function signAccessToken(
  user: AuthenticatedUser,
  options: AccessTokenOptions,
): Promise<{ accessToken: string; expiresIn: number }> {
  const expiresIn = options.lifetimeSeconds ?? 8 * 60 * 60;
  const now = Math.floor(options.clock.now().getTime() / 1000);
  const claims: UserClaims = {
    tenant: user.tenantId,
    username: user.username,
    name: user.fullName,
    agency: user.agencyId,
    unit: user.unitId,
    person: user.personId,
    grants: user.grants,
  };
  const accessToken = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .sign(keyOf(options.secret));
  return { accessToken, expiresIn };
}

/**
 * Verifies a token's signature, issuer, audience and expiry and answers its user, or undefined
 * when any of it fails (the caller answers `401`).
 */
export async function verifyAccessToken(
  token: string,
  options: AccessTokenOptions,
): Promise<AuthenticatedUser | undefined> {
  try {
    const { payload } = await jwtVerify(token, keyOf(options.secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: options.clock.now(),
      requiredClaims: ['sub', 'exp'],
    });
    const claims = payload as Partial<UserClaims> & { sub?: string };
    if (typeof claims.sub !== 'string' || !Array.isArray(claims.grants)) return undefined;
    if (!claims.grants.every(isGrant)) return undefined;
    const grants = claims.grants.map((grant) => ({
      role: grant.role,
      agencyId: grant.agencyId,
      unitId: grant.unitId ?? null,
    }));
    return {
      userId: claims.sub,
      tenantId: stringOrNull(claims.tenant),
      username: typeof claims.username === 'string' ? claims.username : '',
      fullName: typeof claims.name === 'string' ? claims.name : '',
      agencyId: stringOrNull(claims.agency),
      unitId: stringOrNull(claims.unit),
      personId: stringOrNull(claims.person),
      grants,
    };
  } catch {
    return undefined;
  }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function isGrant(value: unknown): value is RoleGrant & { unitId?: string | null } {
  if (typeof value !== 'object' || value === null) return false;
  const { role, agencyId, unitId } = value as Record<string, unknown>;
  return (
    (ROLES as readonly string[]).includes(role as Role) &&
    (agencyId === null || typeof agencyId === 'string') &&
    (unitId === null || unitId === undefined || typeof unitId === 'string')
  );
}
