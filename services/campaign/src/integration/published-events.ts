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
  formatPosition,
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
import type { CampaignEvent } from '../campaigns/campaign.events';
import { planWithCutoffs } from '../campaigns/campaign.view';

const SERVICE = 'campaign';

/**
 * Maps a stored campaign event to the contract event other services read; null = not published.
 * Every event of the stream is published (the dashboard follows each source's whole chain).
 */
export function toContractEvent(stored: StoredEvent): IntegrationEvent | null {
  const position = formatPosition(SERVICE, stored.transactionId, stored.globalPosition);
  const event = { type: stored.type, data: stored.data } as CampaignEvent;
  const envelope = (type: string, data: object): IntegrationEvent => ({
    id: stored.eventId,
    type,
    tenantId: stored.tenantId,
    occurredAt: stored.metadata.occurredAt,
    source: {
      service: SERVICE,
      streamId: stored.streamId,
      streamVersion: stored.streamPosition,
      position,
    },
    ...(stored.metadata.actor ? { actor: stored.metadata.actor } : {}),
    ...(stored.metadata.correlationId ? { correlationId: stored.metadata.correlationId } : {}),
    causationId: stored.metadata.causationId ?? stored.metadata.correlationId ?? stored.eventId,
    data,
  });
  switch (event.type) {
    case 'CampaignDrafted': {
      const data: CampaignDraftedV1 = {
        campaignId: event.data.campaignId,
        agencyId: event.data.agencyId,
        title: event.data.title,
        status: 'draft',
        draftedAt: event.data.draftedAt,
      };
      return envelope(CAMPAIGN_DRAFTED_V1, data);
    }
    case 'CampaignDraftUpdated': {
      const data: CampaignDraftUpdatedV1 = {
        campaignId: event.data.campaignId,
        agencyId: event.data.agencyId,
        title: event.data.title,
        changedFields: Object.keys(event.data.changes),
        status: 'draft',
        updatedAt: event.data.updatedAt,
      };
      return envelope(CAMPAIGN_DRAFT_UPDATED_V1, data);
    }
    case 'CampaignIssueRequested': {
      const data: CampaignIssueRequestedV1 = {
        campaignId: event.data.campaignId,
        agencyId: event.data.agencyId,
        agencyCode: event.data.agencyCode,
        requestId: event.data.requestId,
        documentKind: 'KH',
        issuedOn: event.data.issuedOn,
        requestedNumber: event.data.registerNumber,
      };
      return envelope(CAMPAIGN_ISSUE_REQUESTED_V1, data);
    }
    case 'CampaignIssued': {
      const data: CampaignIssuedV1 = {
        campaignId: event.data.campaignId,
        agencyId: event.data.agencyId,
        title: event.data.title,
        planNumber: event.data.planNumber,
        number: event.data.number,
        year: event.data.year,
        issuedOn: event.data.issuedOn,
        plan: planWithCutoffs(event.data.plan),
      };
      return envelope(CAMPAIGN_ISSUED_V1, data);
    }
    case 'CampaignIssueRefused': {
      const data: CampaignIssueRefusedV1 = {
        campaignId: event.data.campaignId,
        agencyId: event.data.agencyId,
        requestId: event.data.requestId,
        code: event.data.code,
      };
      return envelope(CAMPAIGN_ISSUE_REFUSED_V1, data);
    }
    case 'CampaignIssueCancelled': {
      const data: CampaignIssueCancelledV1 = {
        campaignId: event.data.campaignId,
        agencyId: event.data.agencyId,
        requestId: event.data.requestId,
        reason: event.data.reason,
      };
      return envelope(CAMPAIGN_ISSUE_CANCELLED_V1, data);
    }
    case 'CampaignIssueNumberReleased': {
      const data: CampaignIssueNumberReleasedV1 = {
        campaignId: event.data.campaignId,
        agencyId: event.data.agencyId,
        year: event.data.year,
        number: event.data.number,
        requestId: event.data.requestId,
        reason: event.data.reason,
      };
      return envelope(CAMPAIGN_ISSUE_NUMBER_RELEASED_V1, data);
    }
    case 'CampaignAmended': {
      const data: CampaignAmendedV1 = {
        campaignId: event.data.campaignId,
        agencyId: event.data.agencyId,
        reason: event.data.reason,
        changes: event.data.changes,
        plan: planWithCutoffs(event.data.plan),
      };
      return envelope(CAMPAIGN_AMENDED_V1, data);
    }
    case 'CampaignClosed': {
      const data: CampaignClosedV1 = {
        campaignId: event.data.campaignId,
        agencyId: event.data.agencyId,
        closedAt: event.data.closedAt,
      };
      return envelope(CAMPAIGN_CLOSED_V1, data);
    }
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
