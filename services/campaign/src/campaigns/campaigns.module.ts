import { Module } from '@nestjs/common';
import { DirectoryCopy } from '../directory-copy/directory-copy';
import { CampaignQueriesController } from '../read-model/campaign-queries.controller';
import { CampaignReadRepository } from '../read-model/campaign-read.repository';
import { AmendCampaignController } from './amend-campaign/amend-campaign.controller';
import { CampaignCommands } from './campaign-commands';
import { CancelIssueController } from './cancel-issue/cancel-issue.controller';
import { CloseCampaignController } from './close-campaign/close-campaign.controller';
import { DraftCampaignController } from './draft-campaign/draft-campaign.controller';
import { IssueCampaignController } from './issue-campaign/issue-campaign.controller';
import { RegisterAnswersHandler } from './register-answers/register-answers.handler';
import { UpdateDraftController } from './update-draft/update-draft.controller';

/** The campaign stream's commands, its read table, the register's answers, the directory copy. */
@Module({
  controllers: [
    DraftCampaignController,
    UpdateDraftController,
    IssueCampaignController,
    CancelIssueController,
    AmendCampaignController,
    CloseCampaignController,
    CampaignQueriesController,
  ],
  providers: [CampaignCommands, CampaignReadRepository, DirectoryCopy, RegisterAnswersHandler],
  exports: [DirectoryCopy, RegisterAnswersHandler],
})
export class CampaignsModule {}
