import { Module } from '@nestjs/common';
import { CampaignsHttpController } from './campaigns.http.controller';

/** The gateway's `campaigns` routes. */
@Module({ controllers: [CampaignsHttpController] })
export class CampaignsHttpModule {}
