import { Module } from '@nestjs/common';
import { CampaignsModule } from './campaigns/campaigns.module';

/** The campaign service: plans from draft to issue. */
@Module({ imports: [CampaignsModule] })
export class CampaignServiceModule {}
