import { Module } from '@nestjs/common';
import { StreamWriter } from '../stream-writer';
import { AgenciesQueryController } from './read-agencies/agencies.query';
import { RegisterAgencyController } from './register-agency/register-agency.controller';
import { RenameAgencyController } from './rename-agency/rename-agency.controller';

/** Agencies: register (with succession), rename, read. */
@Module({
  controllers: [RegisterAgencyController, RenameAgencyController, AgenciesQueryController],
  providers: [StreamWriter],
})
export class AgenciesModule {}
