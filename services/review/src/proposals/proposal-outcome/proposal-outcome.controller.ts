import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  RecordProposalOutcomeCommand,
  REVIEW_RPC,
  type CommandResult,
  type ProposalView,
} from '@ttkt/contracts';
import { runAwardRpc } from '../../quota/award-rpc';
import { ProposalCommands } from '../proposal-commands';

/** RPC entry of `review.record-proposal-outcome` (secretariat). */
@Controller()
export class ProposalOutcomeController {
  constructor(private readonly commands: ProposalCommands) {}

  /** Records the higher authority's outcome of a sent proposal. */
  @MessagePattern(REVIEW_RPC.recordProposalOutcome)
  record(@Payload() payload: unknown): Promise<CommandResult<ProposalView>> {
    return runAwardRpc(RecordProposalOutcomeCommand, payload, (message) =>
      this.commands.recordOutcome(message),
    );
  }
}
