/**
 * The events stored in a campaign's stream (`campaign-<id>`). They never leave the service as they
 * are: `integration/published-events.ts` maps them to contract events.
 */
export type CampaignEvent = CampaignDrafted;

/** A plan was drafted: its agency, title and the plan's fields as posted. */
export interface CampaignDrafted {
  type: 'CampaignDrafted';
  data: {
    campaignId: string;
    agencyId: string;
    title: string;
    /** The plan's remaining fields, in the shape of the Bắc Kạn fixture. */
    plan: Record<string, unknown>;
    draftedAt: string;
  };
}

/** The stream id of a campaign. */
export function campaignStreamId(campaignId: string): string {
  return `campaign-${campaignId}`;
}
