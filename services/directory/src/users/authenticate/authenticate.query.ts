import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AUTHENTICATE,
  AuthenticateQuery,
  DomainError,
  type AuthenticatedUser,
} from '@ttkt/contracts';
import {
  answer,
  SERVICE_INFRASTRUCTURE,
  validateCommand,
  type ServiceInfrastructure,
} from '@ttkt/messaging';
// argon2id is the library's default (m = 19 MiB, t = 2, p = 1: OWASP's recommended minimum).
import { hash, verify } from '@node-rs/argon2';
import { authenticatedUser, findUserByUsername } from '../user.table';

/**
 * `directory.authenticate`: the signed-in user, or `unauthorized` — the same answer, after the
 * same work (one argon2 verification), for an unknown username and a wrong password.
 */
@Controller()
export class AuthenticateController {
  private readonly decoy: Promise<string> = hash('not a password of anyone');

  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @MessagePattern(AUTHENTICATE)
  authenticate(@Payload() payload: unknown): Promise<AuthenticatedUser> {
    const query = validateCommand(AuthenticateQuery, payload);
    const { pool, schema } = this.infrastructure;
    return answer(async () => {
      const found = await findUserByUsername(pool, schema, query.username);
      const ok = await verify(found?.passwordHash ?? (await this.decoy), query.password);
      if (!found || !ok) throw new DomainError('unauthorized');
      return authenticatedUser(found.user);
    });
  }
}
