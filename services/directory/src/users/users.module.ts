import { Module } from '@nestjs/common';
import { StreamWriter } from '../stream-writer';
import { AuthenticateController } from './authenticate/authenticate.query';
import { CreateUserController } from './create-user/create-user.controller';
import { EnsureBootstrapAdminController } from './ensure-bootstrap-admin/ensure-bootstrap-admin.controller';
import { UsersQueryController } from './read-users/users.query';
import { UserAccounts } from './user-accounts';

/** User accounts: create, authenticate, the bootstrap administrator, look-up by id. */
@Module({
  controllers: [
    CreateUserController,
    AuthenticateController,
    EnsureBootstrapAdminController,
    UsersQueryController,
  ],
  providers: [StreamWriter, UserAccounts],
  exports: [UserAccounts],
})
export class UsersModule {}
