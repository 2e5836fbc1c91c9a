import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CLOSE_CAMPAIGN,
  CloseCampaignCommand,
  type CampaignView,
  type CommandResult,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { answer, CLOCK, validateCommand } from '@ttkt/messaging';
import { CampaignCommands } from '../campaign-commands';
import { decideCloseCampaign } from './close-campaign.decide';

/** RPC entry of `campaign.close-campaign`. */
@Controller()
export class CloseCampaignController {
  constructor(
    private readonly commands: CampaignCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(CLOSE_CAMPAIGN)
  async close(@Payload() payload: unknown): Promise<CommandResult<CampaignView>> {
    const message = validateCommand(CloseCampaignCommand, payload);
    return answer(() =>
      this.commands.answer(message.context, message.campaignId, (state) =>
        decideCloseCampaign(
          { type: 'CloseCampaign', campaignId: message.campaignId, now: this.clock.now() },
          state,
        ),
      ),
    );
  }
}
