import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DRAFT_CAMPAIGN, DraftCampaignCommand, type CommandResult } from '@ttkt/contracts';
import { answer, validateCommand } from '@ttkt/messaging';
import { DraftCampaignHandler, type CampaignDraftView } from './draft-campaign.handler';

/** RPC entry: checks the message, builds the command, maps domain errors to their codes. */
@Controller()
export class DraftCampaignController {
  constructor(private readonly handler: DraftCampaignHandler) {}

  @MessagePattern(DRAFT_CAMPAIGN)
  async draft(@Payload() payload: unknown): Promise<CommandResult<CampaignDraftView>> {
    const message = validateCommand(DraftCampaignCommand, payload);
    const { agencyId, title, ...plan } = message.plan;
    return answer(() =>
      this.handler.execute(message.context, {
        campaignId: message.campaignId,
        agencyId: typeof agencyId === 'string' ? agencyId : '',
        title: typeof title === 'string' ? title : '',
        plan,
      }),
    );
  }
}
