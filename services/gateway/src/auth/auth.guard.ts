import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@ttkt/contracts';
import { ProblemException } from '../problem/problem.exception';
import { verifyAccessToken } from './access-token';
import { holdsAnyRole, type AuthenticatedRequest } from './authorization';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway-config';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/**
 * The global guard: every route but `@Public()` ones needs `Authorization: Bearer <token>`
 * signed by this gateway and not expired (else `401 unauthorized`); a route's `@Roles(...)` needs
 * one of them in some agency (else `403 forbidden`). The verified user is put on the request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(request.headers.authorization ?? '');
    const user = match?.[1]
      ? await verifyAccessToken(match[1], {
          secret: this.config.jwtSecret,
          clock: this.config.clock,
        })
      : undefined;
    if (!user) {
      throw new ProblemException('unauthorized', [], { 'WWW-Authenticate': 'Bearer' });
    }
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && roles.length > 0 && !holdsAnyRole(user, roles)) {
      throw new ProblemException('forbidden');
    }
    return true;
  }
}
