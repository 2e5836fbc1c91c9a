import { CAMPAIGN_DRAFTED_V1, CampaignDraftedV1 } from './campaign/campaign-drafted.v1';

/** A payload class constructor, as class-validator and class-transformer take it. */
export type PayloadClass = new () => object;

/** Every published contract event: routing key → payload class. Consumers validate against it. */
export const CONTRACT_EVENTS: Readonly<Record<string, PayloadClass>> = {
  [CAMPAIGN_DRAFTED_V1]: CampaignDraftedV1,
};
