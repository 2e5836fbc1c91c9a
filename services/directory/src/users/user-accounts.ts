import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  type BootstrapAdminResult,
  type CommandContext,
  type CommandResult,
  type UserView,
} from '@ttkt/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@ttkt/messaging';
// argon2id is the library's default (m = 19 MiB, t = 2, p = 1: OWASP's recommended minimum).
import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { agencyExists } from '../agencies/agency.table';
import { personInAgency } from '../people/person.table';
import { StreamWriter } from '../stream-writer';
import { agencyOfUnit } from '../units/unit.table';
import { decideCreateUser, type CreateUser } from './create-user/create-user.decide';
import { PLATFORM_TENANT, userStreamId } from './user.events';
import { userStream } from './user.state';
import { findUserByUsername, saveUser } from './user.table';

/** The user fields a sender gives (the password in clear, hashed here). */
export type NewUser = Omit<CreateUser, 'passwordHash' | 'tenantId'> & { password: string };

/** Creates users: hashes the password (argon2id), decides, appends, claims the username. */
@Injectable()
export class UserAccounts {
  constructor(
    private readonly writer: StreamWriter,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  async create(context: CommandContext | null, input: NewUser): Promise<CommandResult<UserView>> {
    const { schema } = this.infrastructure;
    const { password, ...rest } = input;
    const tenantId = context?.tenantId ?? PLATFORM_TENANT;
    const command: CreateUser = {
      ...rest,
      tenantId,
      passwordHash: await hash(password),
    };
    const { state, position } = await this.writer.write({
      context,
      ref: {
        tenantId: input.agencyId === null ? PLATFORM_TENANT : tenantId,
        streamId: userStreamId(input.userId),
      },
      stream: userStream,
      facts: async (client) => ({
        agencyKnown: await agencyExists(client, schema, tenantId, input.agencyId),
        unitAgencyId: await agencyOfUnit(client, schema, tenantId, input.unitId),
        personKnown:
          input.agencyId !== null &&
          (await personInAgency(client, schema, tenantId, input.agencyId, input.personId)),
      }),
      decide: (current, facts) => decideCreateUser(command, current, facts),
      save: (client, after) => saveUser(client, schema, after),
    });
    if (state.status !== 'created') throw new Error('a created user was expected');
    return { body: state.user, version: state.user.version, position };
  }

  /** Creates the platform's system-admin unless a user holds the username already. */
  async ensureBootstrapAdmin(username: string, password: string): Promise<BootstrapAdminResult> {
    const { pool, schema } = this.infrastructure;
    const existing = await findUserByUsername(pool, schema, username);
    if (existing) return { created: false, userId: existing.user.id };
    try {
      const { body } = await this.create(null, {
        userId: randomUUID(),
        username,
        password,
        fullName: 'Quản trị hệ thống',
        agencyId: null,
        roles: ['system-admin'],
      });
      return { created: true, userId: body.id };
    } catch (error) {
      // Another instance created it at the same moment.
      const raced = await findUserByUsername(pool, schema, username);
      if (error instanceof DomainError && raced) return { created: false, userId: raced.user.id };
      throw error;
    }
  }
}
