import type { CampaignEvent } from './campaign.events';

/** A campaign's state, folded from its stream. */
export type CampaignState =
  | { status: 'none' }
  | {
      status: 'draft';
      campaignId: string;
      agencyId: string;
      title: string;
      plan: Record<string, unknown>;
    };

/** The state of a stream with no events. */
export function initialCampaignState(): CampaignState {
  return { status: 'none' };
}

/** Applies one stored event. */
export function evolveCampaign(state: CampaignState, event: CampaignEvent): CampaignState {
  switch (event.type) {
    case 'CampaignDrafted':
      return {
        status: 'draft',
        campaignId: event.data.campaignId,
        agencyId: event.data.agencyId,
        title: event.data.title,
        plan: event.data.plan,
      };
    default: {
      const unexpected: never = event.type;
      return unexpected;
    }
  }
}
