import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CREATE_USER, CreateUserCommand, type CommandResult, type UserView } from '@ttkt/contracts';
import { answer, validateCommand } from '@ttkt/messaging';
import { UserAccounts } from '../user-accounts';

/** `directory.create-user`: answers the user without its password hash. */
@Controller()
export class CreateUserController {
  constructor(private readonly accounts: UserAccounts) {}

  @MessagePattern(CREATE_USER)
  create(@Payload() payload: unknown): Promise<CommandResult<UserView>> {
    const { context, ...message } = validateCommand(CreateUserCommand, payload);
    return answer(() => this.accounts.create(context, message));
  }
}
