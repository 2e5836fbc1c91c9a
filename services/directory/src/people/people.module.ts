import { Module } from '@nestjs/common';
import { StreamWriter } from '../stream-writer';
import { CloseHoldController } from './close-hold/close-hold.controller';
import { OpenHoldController } from './open-hold/open-hold.controller';
import { PersonCommands } from './person-commands';
import { PeopleQueryController } from './read-people/people.query';
import { RegisterPersonController } from './register-person/register-person.controller';
import { UpdatePersonController } from './update-person/update-person.controller';

/** People of agencies: register, dated changes, holds, read. */
@Module({
  controllers: [
    RegisterPersonController,
    UpdatePersonController,
    OpenHoldController,
    CloseHoldController,
    PeopleQueryController,
  ],
  providers: [StreamWriter, PersonCommands],
  exports: [PersonCommands],
})
export class PeopleModule {}
