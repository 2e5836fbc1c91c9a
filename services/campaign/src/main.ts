import 'reflect-metadata';
import { runStandalone } from '@ttkt/messaging';
import { CAMPAIGN_SERVICE, startCampaignService } from './campaign.service';

void runStandalone(CAMPAIGN_SERVICE, { port: 3002 }, startCampaignService);
