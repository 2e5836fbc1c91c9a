import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  UPDATE_DRAFT,
  UpdateDraftCommand,
  type CampaignView,
  type CommandResult,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { answer, CLOCK, validateCommand } from '@ttkt/messaging';
import { DirectoryCopy } from '../../directory-copy/directory-copy';
import { CampaignReadRepository } from '../../read-model/campaign-read.repository';
import { CampaignCommands } from '../campaign-commands';
import { unitReferences } from '../plan/validate-plan';
import { decideUpdateDraft } from './update-draft.decide';

/** RPC entry of `campaign.update-draft`. */
@Controller()
export class UpdateDraftController {
  constructor(
    private readonly commands: CampaignCommands,
    private readonly reads: CampaignReadRepository,
    private readonly directory: DirectoryCopy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(UPDATE_DRAFT)
  async update(@Payload() payload: unknown): Promise<CommandResult<CampaignView>> {
    const message = validateCommand(UpdateDraftCommand, payload);
    return answer(async () => {
      const { tenantId } = message.context;
      const current = await this.reads.getDraft(tenantId, message.campaignId);
      const facts = await this.directory.await(
        tenantId,
        current.agencyId,
        unitReferences(message.changes).map((reference) => reference.code),
      );
      return this.commands.answer(message.context, message.campaignId, (state) =>
        decideUpdateDraft(
          {
            type: 'UpdateDraft',
            campaignId: message.campaignId,
            expectedVersion: message.expectedVersion,
            changes: message.changes,
            directory: facts,
            now: this.clock.now(),
          },
          state,
        ),
      );
    });
  }
}
