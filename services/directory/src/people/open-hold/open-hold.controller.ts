import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OPEN_HOLD, OpenHoldCommand, type CommandResult, type PersonView } from '@ttkt/contracts';
import { runCommand } from '../../command-rpc';
import { PersonCommands } from '../person-commands';
import { decideOpenHold } from './open-hold.decide';

/** `directory.open-hold`. */
@Controller()
export class OpenHoldController {
  constructor(private readonly people: PersonCommands) {}

  @MessagePattern(OPEN_HOLD)
  open(@Payload() payload: unknown): Promise<CommandResult<PersonView>> {
    return runCommand(OpenHoldCommand, payload, ({ context, ...message }) => {
      const today = this.people.today();
      return this.people.run(
        context,
        message.personId,
        () => Promise.resolve(null),
        (state) => decideOpenHold({ ...message, today }, state),
      );
    });
  }
}
