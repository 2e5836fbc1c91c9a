import type { AuthenticatedUser, Role } from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { RemoteDomainError, type CommandSender } from '@ttkt/messaging';
import type { DomainErrorPayload } from '@ttkt/contracts';
import { signAccessToken } from '../src/auth/access-token';

/** The JWT secret of the gateway tests. */
export const TEST_JWT_SECRET = 'test-secret-of-the-gateway-tests-0123456789';

/** Agencies of the tests. */
export const AGENCY_A = '0b6e4c1a-1111-4a1a-8a1a-000000000001';
export const AGENCY_B = '0b6e4c1a-2222-4a1a-8a1a-000000000002';
export const TENANT = 'bac-kan';

/** A user of the tests with `roles` in `agencyId` (or a platform system-admin). */
export function testUser(
  roles: Role[],
  agencyId: string | null = AGENCY_A,
  userId = `user-${roles.join('-')}`,
): AuthenticatedUser {
  const platform = agencyId === null;
  return {
    userId,
    tenantId: platform ? null : TENANT,
    username: userId,
    fullName: 'Nguyễn Văn Thử',
    agencyId,
    unitId: null,
    personId: null,
    grants: roles.map((role) => ({ role, agencyId, unitId: null })),
  };
}

/** `Authorization: Bearer …` for `user`. */
export async function bearer(user: AuthenticatedUser, clock?: Clock): Promise<string> {
  const { accessToken } = await signAccessToken(user, {
    secret: TEST_JWT_SECRET,
    clock: clock ?? { now: () => new Date() },
  });
  return `Bearer ${accessToken}`;
}

/** A command the fake sender received. */
export interface SentCommand {
  service: string;
  pattern: string;
  payload: Record<string, unknown>;
}

/** How the fake answers a pattern. */
export type FakeHandler = (payload: Record<string, unknown>) => unknown;

/**
 * A {@link CommandSender} that records what it is sent and answers with `handlers[pattern]`
 * (a handler may return a promise or throw); an unexpected pattern fails the request.
 */
export class FakeSender implements CommandSender {
  readonly sent: SentCommand[] = [];
  handlers: Record<string, FakeHandler> = {};

  async send<TResult>(service: string, pattern: string, payload: unknown): Promise<TResult> {
    const copy = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
    this.sent.push({ service, pattern, payload: copy });
    const handler = this.handlers[pattern];
    if (!handler) throw new Error(`unexpected ${pattern}`);
    return (await handler(copy)) as TResult;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** The payloads sent with `pattern`. */
  payloads(pattern: string): Record<string, unknown>[] {
    return this.sent.filter((sent) => sent.pattern === pattern).map((sent) => sent.payload);
  }
}

/** A domain refusal as the RPC client raises it. */
export function refusal(pattern: string, payload: DomainErrorPayload): RemoteDomainError {
  return new RemoteDomainError({ service: 'directory', pattern }, payload);
}
