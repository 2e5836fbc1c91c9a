import { CAMPAIGN_DRAFTED_V1, CampaignDraftedV1 } from './campaign-drafted.v1';
import {
  CAMPAIGN_AMENDED_V1,
  CAMPAIGN_CLOSED_V1,
  CAMPAIGN_DRAFT_UPDATED_V1,
  CAMPAIGN_ISSUE_CANCELLED_V1,
  CAMPAIGN_ISSUE_NUMBER_RELEASED_V1,
  CAMPAIGN_ISSUE_REFUSED_V1,
  CAMPAIGN_ISSUE_REQUESTED_V1,
  CAMPAIGN_ISSUED_V1,
  CampaignAmendedV1,
  CampaignClosedV1,
  CampaignDraftUpdatedV1,
  CampaignIssueCancelledV1,
  CampaignIssueNumberReleasedV1,
  CampaignIssueRefusedV1,
  CampaignIssueRequestedV1,
  CampaignIssuedV1,
} from './campaign-lifecycle.v1';

export * from './campaign-drafted.v1';
export * from './campaign-lifecycle.v1';
export * from './commands';
export * from './plan';
export * from './views';

/** The campaign service's published events: routing key → payload class (for `CONTRACT_EVENTS`). */
export const CAMPAIGN_EVENTS: Readonly<Record<string, new () => object>> = {
  [CAMPAIGN_DRAFTED_V1]: CampaignDraftedV1,
  [CAMPAIGN_DRAFT_UPDATED_V1]: CampaignDraftUpdatedV1,
  [CAMPAIGN_ISSUE_REQUESTED_V1]: CampaignIssueRequestedV1,
  [CAMPAIGN_ISSUED_V1]: CampaignIssuedV1,
  [CAMPAIGN_ISSUE_REFUSED_V1]: CampaignIssueRefusedV1,
  [CAMPAIGN_ISSUE_CANCELLED_V1]: CampaignIssueCancelledV1,
  [CAMPAIGN_ISSUE_NUMBER_RELEASED_V1]: CampaignIssueNumberReleasedV1,
  [CAMPAIGN_AMENDED_V1]: CampaignAmendedV1,
  [CAMPAIGN_CLOSED_V1]: CampaignClosedV1,
};
