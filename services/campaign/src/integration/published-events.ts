import {
  CAMPAIGN_DRAFTED_V1,
  formatPosition,
  type CampaignDraftedV1,
  type IntegrationEvent,
} from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';
import type { CampaignEvent } from '../campaigns/campaign.events';

const SERVICE = 'campaign';

/** Maps a stored campaign event to the contract event other services read; null = not published. */
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
    default:
      return null;
  }
}
