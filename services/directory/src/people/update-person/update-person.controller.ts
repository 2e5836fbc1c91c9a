import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  UPDATE_PERSON,
  UpdatePersonCommand,
  type CommandResult,
  type PersonView,
} from '@ttkt/contracts';
import { runCommand } from '../../command-rpc';
import { agencyOfUnit } from '../../units/unit.table';
import { PersonCommands } from '../person-commands';
import { decideUpdatePerson } from './update-person.decide';

/** `directory.update-person`. */
@Controller()
export class UpdatePersonController {
  constructor(private readonly people: PersonCommands) {}

  @MessagePattern(UPDATE_PERSON)
  update(@Payload() payload: unknown): Promise<CommandResult<PersonView>> {
    return runCommand(UpdatePersonCommand, payload, ({ context, ...message }) => {
      const today = this.people.today();
      const changes = { ...message.changes };
      return this.people.run(
        context,
        message.personId,
        async (client, schema) => ({
          unitAgencyId: await agencyOfUnit(client, schema, context.tenantId, changes.unitId),
        }),
        (state, facts) => decideUpdatePerson({ ...message, changes, today }, state, facts),
      );
    });
  }
}
