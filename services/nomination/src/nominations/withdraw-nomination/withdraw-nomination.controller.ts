import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  WITHDRAW_NOMINATION,
  WithdrawNominationCommand,
  type CommandResult,
  type NominationView,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import { runCommand } from '../../command-rpc';
import { actorOf, metadataOf, NominationCommands } from '../nomination-commands';
import { decideWithdraw } from './withdraw-nomination.decide';

/** RPC entry of `nomination.withdraw` (before a decision). */
@Controller()
export class WithdrawNominationController {
  constructor(
    private readonly commands: NominationCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(WITHDRAW_NOMINATION)
  withdraw(@Payload() payload: unknown): Promise<CommandResult<NominationView>> {
    return runCommand(WithdrawNominationCommand, payload, (message) =>
      this.commands.answer(message.context, message.nominationId, {
        decide: (state) =>
          decideWithdraw(
            {
              type: 'WithdrawNomination',
              nominationId: message.nominationId,
              ...(message.reason === undefined ? {} : { reason: message.reason }),
              actor: actorOf(metadataOf(message.context)),
              now: this.clock.now(),
            },
            state,
          ),
      }),
    );
  }
}
