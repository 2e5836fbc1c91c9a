import { randomUUID } from 'node:crypto';
import {
  CAMPAIGN_DRAFTED_V1,
  type CampaignDraftedV1,
  type IntegrationEvent,
} from '@ttkt/contracts';
import type { OutboundMessage } from '../../src/transport';

/** A valid `campaign.drafted.v1` envelope (override any part). */
export function campaignDrafted(
  overrides: Partial<IntegrationEvent<CampaignDraftedV1>> = {},
): IntegrationEvent<CampaignDraftedV1> {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    type: CAMPAIGN_DRAFTED_V1,
    tenantId: 'bac-kan',
    occurredAt: '2021-04-20T09:00:00+07:00',
    source: {
      service: 'campaign',
      streamId: `campaign-${id}`,
      streamVersion: 1,
      position: 'campaign:1.1',
    },
    actor: { kind: 'user', id: 'secretariat-1' },
    data: {
      campaignId: randomUUID(),
      agencyId: 'so-khcn-bac-kan',
      title: 'Tổ chức phong trào thi đua năm 2021',
      status: 'draft',
      draftedAt: '2021-04-20T09:00:00+07:00',
    },
    ...overrides,
  };
}

/** The message the outbox relay would publish for `event`. */
export function messageOf(event: IntegrationEvent): OutboundMessage {
  return { messageId: event.id, routingKey: event.type, body: JSON.stringify(event) };
}

/** A plain test message (not an envelope) with a fresh id. */
export function plainMessage(
  routingKey: string,
  body: Record<string, unknown> = {},
  headers?: Record<string, string | number>,
): OutboundMessage {
  const messageId = randomUUID();
  return {
    messageId,
    routingKey,
    body: JSON.stringify({ messageId, ...body }),
    ...(headers ? { headers } : {}),
  };
}
