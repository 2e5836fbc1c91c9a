import { Module } from '@nestjs/common';
import { DraftCampaignController } from './draft-campaign/draft-campaign.controller';
import { DraftCampaignHandler } from './draft-campaign/draft-campaign.handler';

/** The campaign stream's commands. */
@Module({
  controllers: [DraftCampaignController],
  providers: [DraftCampaignHandler],
})
export class CampaignsModule {}
