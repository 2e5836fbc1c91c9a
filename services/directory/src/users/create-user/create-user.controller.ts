import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CREATE_USER, CreateUserCommand, type CommandResult, type UserView } from '@ttkt/contracts';
import { runCommand } from '../../command-rpc';
import { UserAccounts } from '../user-accounts';

/** `directory.create-user`: answers the user without its password hash. */
@Controller()
export class CreateUserController {
  constructor(private readonly accounts: UserAccounts) {}

  @MessagePattern(CREATE_USER)
  create(@Payload() payload: unknown): Promise<CommandResult<UserView>> {
    return runCommand(CreateUserCommand, payload, ({ context, ...message }) =>
      this.accounts.create(context, message),
    );
  }
}
