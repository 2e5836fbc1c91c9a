import type { CampaignEvent } from '../campaign.events';
import { campaignIn } from '../campaign.guards';
import type { CampaignState } from '../campaign.state';

/** Close the campaign: no more nominations. */
export interface CloseCampaign {
  type: 'CloseCampaign';
  campaignId: string;
  now: Date;
}

/** Issued only. */
export function decideCloseCampaign(command: CloseCampaign, state: CampaignState): CampaignEvent[] {
  const campaign = campaignIn(state, command.campaignId, 'issued');
  return [
    {
      type: 'CampaignClosed',
      data: {
        campaignId: campaign.campaignId,
        agencyId: campaign.agencyId,
        closedAt: command.now.toISOString(),
      },
    },
  ];
}
