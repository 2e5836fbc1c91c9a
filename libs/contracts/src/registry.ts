import { CAMPAIGN_DRAFTED_V1, CampaignDraftedV1 } from './campaign/campaign-drafted.v1';

/** A payload class constructor, as class-validator and class-transformer take it. */
export type PayloadClass = new () => object;

/** The campaign service's published events: routing key → payload class. */
const CAMPAIGN_EVENTS: Readonly<Record<string, PayloadClass>> = {
  [CAMPAIGN_DRAFTED_V1]: CampaignDraftedV1,
};

/** The directory service's published events. */
const DIRECTORY_EVENTS: Readonly<Record<string, PayloadClass>> = {};

/** The register's (document service's) published events. */
const REGISTER_EVENTS: Readonly<Record<string, PayloadClass>> = {};

/** Every published contract event: routing key → payload class. Consumers validate against it. */
export const CONTRACT_EVENTS: Readonly<Record<string, PayloadClass>> = {
  ...CAMPAIGN_EVENTS,
  ...DIRECTORY_EVENTS,
  ...REGISTER_EVENTS,
};
