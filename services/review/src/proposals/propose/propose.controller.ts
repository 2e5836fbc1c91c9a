import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ProposeCommand,
  REVIEW_RPC,
  type NumberedCommandResult,
  type ProposalView,
} from '@ttkt/contracts';
import { runAwardRpc } from '../../quota/award-rpc';
import { ProposalCommands } from '../proposal-commands';

/** RPC entry of `review.propose` (agency head). */
@Controller()
export class ProposeController {
  constructor(private readonly commands: ProposalCommands) {}

  /** Proposes dossiers upward within the quota; answers once numbered, refused, or after `waitMs`. */
  @MessagePattern(REVIEW_RPC.propose)
  propose(@Payload() payload: unknown): Promise<NumberedCommandResult<ProposalView>> {
    return runAwardRpc(ProposeCommand, payload, (message) => this.commands.propose(message));
  }
}
