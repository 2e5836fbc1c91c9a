import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CLOSE_HOLD, CloseHoldCommand, type CommandResult, type PersonView } from '@ttkt/contracts';
import { answer, validateCommand } from '@ttkt/messaging';
import { PersonCommands } from '../person-commands';
import { decideCloseHold } from './close-hold.decide';

/** `directory.close-hold`. */
@Controller()
export class CloseHoldController {
  constructor(private readonly people: PersonCommands) {}

  @MessagePattern(CLOSE_HOLD)
  close(@Payload() payload: unknown): Promise<CommandResult<PersonView>> {
    const { context, ...message } = validateCommand(CloseHoldCommand, payload);
    const today = this.people.today();
    return answer(() =>
      this.people.run(
        context,
        message.personId,
        () => Promise.resolve(null),
        (state) => decideCloseHold({ ...message, today }, state),
      ),
    );
  }
}
