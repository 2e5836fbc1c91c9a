import { Inject, Injectable, Scope } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import type { CommandContext } from '@ttkt/contracts';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';

/**
 * The tenant used until sign-in exists (#4 replaces this with the signed-in user's tenant and
 * identity). Every command and query already carries a tenant, so nothing else changes then.
 */
export const DEFAULT_TENANT = 'default';

/** Who is asking, for which tenant, under which request id. */
@Injectable({ scope: Scope.REQUEST })
export class RequestContext {
  private readonly correlationId: string;

  constructor(@Inject(REQUEST) private readonly request: Request) {
    const header = request.headers['x-request-id'];
    this.correlationId =
      typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
  }

  tenantId(): string {
    return DEFAULT_TENANT;
  }

  commandContext(): CommandContext {
    const key = this.request.headers['idempotency-key'];
    return {
      tenantId: this.tenantId(),
      actor: { kind: 'system', id: 'anonymous' },
      correlationId: this.correlationId,
      ...(typeof key === 'string' && key.length > 0 ? { idempotencyKey: key } : {}),
    };
  }
}
