import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CLOSE_HOLD, CloseHoldCommand, type CommandResult, type PersonView } from '@ttkt/contracts';
import { runCommand } from '../../command-rpc';
import { PersonCommands } from '../person-commands';
import { decideCloseHold } from './close-hold.decide';

/** `directory.close-hold`. */
@Controller()
export class CloseHoldController {
  constructor(private readonly people: PersonCommands) {}

  @MessagePattern(CLOSE_HOLD)
  close(@Payload() payload: unknown): Promise<CommandResult<PersonView>> {
    return runCommand(CloseHoldCommand, payload, ({ context, ...message }) => {
      const today = this.people.today();
      return this.people.run(
        context,
        message.personId,
        () => Promise.resolve(null),
        (state) => decideCloseHold({ ...message, today }, state),
      );
    });
  }
}
