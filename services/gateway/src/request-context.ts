import { Inject, Injectable, Scope } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import type { AuthenticatedUser, CommandContext, Role } from '@ttkt/contracts';
import { randomUUID } from 'node:crypto';
import {
  canSeeAgency,
  holdsRoleIn,
  isSystemAdmin,
  visibleAgencies,
  type AuthenticatedRequest,
} from './auth/authorization';
import { ProblemException } from './problem/problem.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who is asking (the user the guard verified), for which tenant, under which request id, and the
 * checks of what that user may see and do. Request-scoped: inject it into controllers.
 */
@Injectable({ scope: Scope.REQUEST })
export class RequestContext {
  private readonly correlationId: string;

  constructor(@Inject(REQUEST) private readonly request: AuthenticatedRequest) {
    const header = request.headers['x-request-id'];
    this.correlationId =
      typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
  }

  /** The signed-in user (a `@Public()` route has none: calling this there is a bug). */
  user(): AuthenticatedUser {
    const user = this.request.user;
    if (!user) throw new ProblemException('unauthorized');
    return user;
  }

  /** True when the user is a platform `system-admin`. */
  isSystemAdmin(): boolean {
    return isSystemAdmin(this.user());
  }

  /**
   * The tenant to act in: the user's own. A platform system-admin (no tenant of its own) names it
   * explicitly — `explicit` (e.g. a body's `tenantId`) or the `X-Tenant-Id` header — else `400`
   * at path `tenantId`; a tenant's user naming another tenant gets `404`.
   */
  tenantId(explicit?: string): string {
    const user = this.user();
    if (user.tenantId === null) {
      const header = this.request.headers['x-tenant-id'];
      // `explicit` comes from a validated body or the gateway itself; the header is checked here.
      if (explicit !== undefined) return explicit;
      if (typeof header === 'string' && UUID.test(header)) return header;
      throw new ProblemException('validation-failed', [
        typeof header === 'string' && header !== ''
          ? { path: 'X-Tenant-Id', message: 'isUuid' }
          : { path: 'tenantId', message: 'isDefined' },
      ]);
    }
    if (explicit !== undefined && explicit !== user.tenantId && !isSystemAdmin(user)) {
      throw new ProblemException('not-found');
    }
    return explicit ?? user.tenantId;
  }

  /** The context every RPC command carries: tenant, the user as actor, request id, key. */
  commandContext(tenantId?: string): CommandContext {
    const key = this.request.headers['idempotency-key'];
    return {
      tenantId: this.tenantId(tenantId),
      actor: { kind: 'user', id: this.user().userId },
      correlationId: this.correlationId,
      ...(typeof key === 'string' && key.length > 0 ? { idempotencyKey: key } : {}),
    };
  }

  /** `404 not-found` unless the user is a system-admin or holds a grant in `agencyId`. */
  assertCanSee(agencyId: string): void {
    if (!canSeeAgency(this.user(), agencyId)) throw new ProblemException('not-found');
  }

  /** {@link assertCanSee}, then `403 forbidden` unless one of `roles` is held in `agencyId`. */
  assertRole(agencyId: string, ...roles: Role[]): void {
    this.assertCanSee(agencyId);
    if (!holdsRoleIn(this.user(), agencyId, roles)) throw new ProblemException('forbidden');
  }

  /** The agencies the user may see (`all` for a system-admin), to filter lists. */
  visibleAgencyIds(): string[] | 'all' {
    return visibleAgencies(this.user());
  }
}
