import { Module } from '@nestjs/common';
import { StreamWriter } from '../stream-writer';
import { AgencyCommands } from './agency-commands';
import { AgenciesQueryController } from './read-agencies/agencies.query';
import { RegisterAgencyController } from './register-agency/register-agency.controller';
import { RenameAgencyController } from './rename-agency/rename-agency.controller';

/** Agencies: register (with succession), rename, read. */
@Module({
  controllers: [RegisterAgencyController, RenameAgencyController, AgenciesQueryController],
  providers: [StreamWriter, AgencyCommands],
})
export class AgenciesModule {}
