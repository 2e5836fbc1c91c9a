import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OPEN_HOLD, OpenHoldCommand, type CommandResult, type PersonView } from '@ttkt/contracts';
import { answer, validateCommand } from '@ttkt/messaging';
import { PersonCommands } from '../person-commands';
import { decideOpenHold } from './open-hold.decide';

/** `directory.open-hold`. */
@Controller()
export class OpenHoldController {
  constructor(private readonly people: PersonCommands) {}

  @MessagePattern(OPEN_HOLD)
  open(@Payload() payload: unknown): Promise<CommandResult<PersonView>> {
    const { context, ...message } = validateCommand(OpenHoldCommand, payload);
    const today = this.people.today();
    return answer(() =>
      this.people.run(
        context,
        message.personId,
        () => Promise.resolve(null),
        (state) => decideOpenHold({ ...message, today }, state),
      ),
    );
  }
}
