import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GET_USERS, GetUsersQuery, type UserView } from '@ttkt/contracts';
import {
  answer,
  SERVICE_INFRASTRUCTURE,
  validateCommand,
  type ServiceInfrastructure,
} from '@ttkt/messaging';
import { usersByIds } from '../user.table';

/**
 * `directory.get-users`: the tenant's users among the ids asked, with their grants, from the
 * users table (its views never hold the password hash); unknown ids are absent.
 */
@Controller()
export class UsersQueryController {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @MessagePattern(GET_USERS)
  get(@Payload() payload: unknown): Promise<{ items: UserView[] }> {
    const query = validateCommand(GetUsersQuery, payload);
    const { pool, schema } = this.infrastructure;
    return answer(async () => ({
      items: await usersByIds(pool, schema, query.tenantId, query.userIds),
    }));
  }
}
