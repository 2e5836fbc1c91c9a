import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  REVIEW_RPC,
  RevokeDecisionCommand,
  type CommandResult,
  type DecisionView,
} from '@ttkt/contracts';
import { runAwardRpc } from '../../quota/award-rpc';
import { DecisionCommands } from '../decision-commands';

/** RPC entry of `review.revoke-decision` (agency head). */
@Controller()
export class RevokeDecisionController {
  constructor(private readonly commands: DecisionCommands) {}

  /** Revokes an issued decision. */
  @MessagePattern(REVIEW_RPC.revokeDecision)
  revoke(@Payload() payload: unknown): Promise<CommandResult<DecisionView>> {
    return runAwardRpc(RevokeDecisionCommand, payload, (message) => this.commands.revoke(message));
  }
}
