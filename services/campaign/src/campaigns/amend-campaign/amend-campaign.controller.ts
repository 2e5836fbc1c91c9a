import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AMEND_CAMPAIGN,
  AmendCampaignCommand,
  type CampaignView,
  type CommandResult,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { answer, CLOCK, validateCommand } from '@ttkt/messaging';
import { CampaignCommands } from '../campaign-commands';
import { decideAmendCampaign } from './amend-campaign.decide';

/** RPC entry of `campaign.amend-campaign`. */
@Controller()
export class AmendCampaignController {
  constructor(
    private readonly commands: CampaignCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(AMEND_CAMPAIGN)
  async amend(@Payload() payload: unknown): Promise<CommandResult<CampaignView>> {
    const message = validateCommand(AmendCampaignCommand, payload);
    return answer(() =>
      this.commands.answer(message.context, message.campaignId, (state) =>
        decideAmendCampaign(
          {
            type: 'AmendCampaign',
            campaignId: message.campaignId,
            reason: message.reason,
            changes: {
              awardForms: message.changes.awardForms.map((form) => ({ ...form })),
            },
            actor: { kind: message.context.actor.kind, id: message.context.actor.id },
            now: this.clock.now(),
          },
          state,
        ),
      ),
    );
  }
}
