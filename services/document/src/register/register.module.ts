import { Module } from '@nestjs/common';
import { AssignNumberHandler } from './assign-number/assign-number.handler';
import { GetRegisterController } from './get-register/get-register.controller';
import { RevokeNumberHandler } from './revoke-number/revoke-number.handler';
import { VoidNumberHandler } from './void-number/void-number.handler';

/** The register of official numbers: one stream per agency and year. */
@Module({
  controllers: [GetRegisterController],
  providers: [AssignNumberHandler, VoidNumberHandler, RevokeNumberHandler],
  exports: [AssignNumberHandler, VoidNumberHandler, RevokeNumberHandler],
})
export class RegisterModule {}
