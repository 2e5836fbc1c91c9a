import { Module } from '@nestjs/common';
import { StreamWriter } from '../stream-writer';
import { AuthenticateController } from './authenticate/authenticate.query';
import { CreateUserController } from './create-user/create-user.controller';
import { EnsureBootstrapAdminController } from './ensure-bootstrap-admin/ensure-bootstrap-admin.controller';
import { UserAccounts } from './user-accounts';

/** User accounts: create, authenticate, the bootstrap administrator. */
@Module({
  controllers: [CreateUserController, AuthenticateController, EnsureBootstrapAdminController],
  providers: [StreamWriter, UserAccounts],
  exports: [UserAccounts],
})
export class UsersModule {}
