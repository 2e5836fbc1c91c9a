import {
  CAMPAIGN_AMENDED_V1,
  CAMPAIGN_CLOSED_V1,
  CAMPAIGN_DRAFT_UPDATED_V1,
  CAMPAIGN_DRAFTED_V1,
  CAMPAIGN_ISSUE_CANCELLED_V1,
  CAMPAIGN_ISSUE_NUMBER_RELEASED_V1,
  CAMPAIGN_ISSUE_REFUSED_V1,
  CAMPAIGN_ISSUE_REQUESTED_V1,
  CAMPAIGN_ISSUED_V1,
  type CampaignAmendedV1,
  type CampaignClosedV1,
  type CampaignDraftedV1,
  type CampaignDraftUpdatedV1,
  type CampaignIssueCancelledV1,
  type CampaignIssuedV1,
  type CampaignIssueNumberReleasedV1,
  type CampaignIssueRefusedV1,
  type CampaignIssueRequestedV1,
  type IntegrationEvent,
} from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';
import { contractEnvelope, type ContractPayload } from '@ttkt/messaging';
import type { CampaignEvent } from '../campaigns/campaign.events';
import { planWithCutoffs } from '../campaigns/campaign.view';

const SERVICE = 'campaign';

/**
 * Maps a stored campaign event to the contract event other services read; null = not published.
 * Every event of the stream is published (the dashboard follows each source's whole chain).
 */
export function toContractEvent(stored: StoredEvent): IntegrationEvent | null {
  return contractEnvelope(
    SERVICE,
    stored,
    contractOf({ type: stored.type, data: stored.data } as CampaignEvent),
  );
}

function contractOf(event: CampaignEvent): ContractPayload {
  const { campaignId, agencyId } = event.data;
  switch (event.type) {
    case 'CampaignDrafted': {
      const { title, draftedAt } = event.data;
      const data: CampaignDraftedV1 = { campaignId, agencyId, title, status: 'draft', draftedAt };
      return { type: CAMPAIGN_DRAFTED_V1, data };
    }
    case 'CampaignDraftUpdated': {
      const { title, changes, updatedAt } = event.data;
      const data: CampaignDraftUpdatedV1 = {
        campaignId,
        agencyId,
        title,
        changedFields: Object.keys(changes),
        status: 'draft',
        updatedAt,
      };
      return { type: CAMPAIGN_DRAFT_UPDATED_V1, data };
    }
    case 'CampaignIssueRequested': {
      const { agencyCode, requestId, issuedOn, registerNumber } = event.data;
      const data: CampaignIssueRequestedV1 = {
        campaignId,
        agencyId,
        agencyCode,
        requestId,
        documentKind: 'KH',
        issuedOn,
        requestedNumber: registerNumber,
      };
      return { type: CAMPAIGN_ISSUE_REQUESTED_V1, data };
    }
    case 'CampaignIssued': {
      const { title, planNumber, number, year, issuedOn, plan } = event.data;
      const data: CampaignIssuedV1 = {
        campaignId,
        agencyId,
        title,
        planNumber,
        number,
        year,
        issuedOn,
        plan: planWithCutoffs(plan),
      };
      return { type: CAMPAIGN_ISSUED_V1, data };
    }
    case 'CampaignIssueRefused': {
      const { requestId, code } = event.data;
      const data: CampaignIssueRefusedV1 = { campaignId, agencyId, requestId, code };
      return { type: CAMPAIGN_ISSUE_REFUSED_V1, data };
    }
    case 'CampaignIssueCancelled': {
      const { requestId, reason, issuedOn } = event.data;
      const data: CampaignIssueCancelledV1 = {
        campaignId,
        agencyId,
        requestId,
        reason,
        ...(issuedOn === undefined ? {} : { issuedOn }),
      };
      return { type: CAMPAIGN_ISSUE_CANCELLED_V1, data };
    }
    case 'CampaignIssueNumberReleased': {
      const { year, number, requestId, reason } = event.data;
      const data: CampaignIssueNumberReleasedV1 = {
        campaignId,
        agencyId,
        year,
        number,
        requestId,
        reason,
      };
      return { type: CAMPAIGN_ISSUE_NUMBER_RELEASED_V1, data };
    }
    case 'CampaignAmended': {
      const { reason, changes, plan } = event.data;
      const data: CampaignAmendedV1 = {
        campaignId,
        agencyId,
        reason,
        changes,
        plan: planWithCutoffs(plan),
      };
      return { type: CAMPAIGN_AMENDED_V1, data };
    }
    case 'CampaignClosed': {
      const data: CampaignClosedV1 = { campaignId, agencyId, closedAt: event.data.closedAt };
      return { type: CAMPAIGN_CLOSED_V1, data };
    }
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
