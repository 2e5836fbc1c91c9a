import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DecideCommand,
  REVIEW_RPC,
  type DecisionView,
  type NumberedCommandResult,
} from '@ttkt/contracts';
import { runAwardRpc } from '../../quota/award-rpc';
import { DecisionCommands } from '../decision-commands';

/** RPC entry of `review.decide` (agency head). */
@Controller()
export class DecideController {
  constructor(private readonly commands: DecisionCommands) {}

  /** Decides awards within the quota and answers once numbered, refused, or after `waitMs`. */
  @MessagePattern(REVIEW_RPC.decide)
  decide(@Payload() payload: unknown): Promise<NumberedCommandResult<DecisionView>> {
    return runAwardRpc(DecideCommand, payload, (message) => this.commands.decide(message));
  }
}
