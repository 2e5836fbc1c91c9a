import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DRAFT_CAMPAIGN,
  DraftCampaignCommand,
  type CampaignView,
  type CommandResult,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { answer, CLOCK, validateCommand } from '@ttkt/messaging';
import { DirectoryCopy } from '../../directory-copy/directory-copy';
import { CampaignCommands } from '../campaign-commands';
import { unitReferences } from '../plan/validate-plan';
import { decideDraftCampaign } from './draft-campaign.decide';

/** RPC entry: checks the message, looks up the directory's facts, drafts. */
@Controller()
export class DraftCampaignController {
  constructor(
    private readonly commands: CampaignCommands,
    private readonly directory: DirectoryCopy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(DRAFT_CAMPAIGN)
  async draft(@Payload() payload: unknown): Promise<CommandResult<CampaignView>> {
    const message = validateCommand(DraftCampaignCommand, payload);
    const { agencyId, title, ...plan } = message.plan;
    return answer(async () => {
      const agency = typeof agencyId === 'string' ? agencyId.normalize('NFC') : '';
      const facts = await this.directory.await(
        message.context.tenantId,
        agency,
        unitReferences(plan).map((reference) => reference.code),
      );
      return this.commands.answer(message.context, message.campaignId, (state) =>
        decideDraftCampaign(
          {
            type: 'DraftCampaign',
            campaignId: message.campaignId,
            agencyId: agency,
            title: typeof title === 'string' ? title : '',
            plan,
            directory: facts,
            now: this.clock.now(),
          },
          state,
        ),
      );
    });
  }
}
