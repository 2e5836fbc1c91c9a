import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CANCEL_ISSUE,
  CancelIssueCommand,
  type CampaignView,
  type CommandResult,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { answer, CLOCK, validateCommand } from '@ttkt/messaging';
import { CampaignCommands } from '../campaign-commands';
import { decideCancelIssue } from './cancel-issue.decide';

/** RPC entry of `campaign.cancel-issue`. */
@Controller()
export class CancelIssueController {
  constructor(
    private readonly commands: CampaignCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(CANCEL_ISSUE)
  async cancel(@Payload() payload: unknown): Promise<CommandResult<CampaignView>> {
    const message = validateCommand(CancelIssueCommand, payload);
    return answer(() =>
      this.commands.answer(message.context, message.campaignId, (state) =>
        decideCancelIssue(
          {
            type: 'CancelIssue',
            campaignId: message.campaignId,
            reason: message.reason,
            now: this.clock.now(),
          },
          state,
        ),
      ),
    );
  }
}
