import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  REGISTER_PERSON,
  RegisterPersonCommand,
  type CommandResult,
  type PersonView,
} from '@ttkt/contracts';
import { agencyExists } from '../../agencies/agency.table';
import { runCommand } from '../../command-rpc';
import { agencyOfUnit } from '../../units/unit.table';
import { PersonCommands } from '../person-commands';
import { decideRegisterPerson } from './register-person.decide';

/** `directory.register-person`. */
@Controller()
export class RegisterPersonController {
  constructor(private readonly people: PersonCommands) {}

  @MessagePattern(REGISTER_PERSON)
  register(@Payload() payload: unknown): Promise<CommandResult<PersonView>> {
    return runCommand(RegisterPersonCommand, payload, ({ context, ...message }) => {
      const today = this.people.today();
      return this.people.run(
        context,
        message.personId,
        async (client, schema) => ({
          agencyKnown: await agencyExists(client, schema, context.tenantId, message.agencyId),
          unitAgencyId: await agencyOfUnit(client, schema, context.tenantId, message.unitId),
        }),
        (state, facts) => decideRegisterPerson({ ...message, today }, state, facts),
      );
    });
  }
}
