import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@ttkt/contracts';
import type { AppendMetadata, NewEvent, StoredEvent, StreamRef } from '@ttkt/event-store';
import { contractEnvelope } from '@ttkt/messaging';

/** The tenant every benchmark stream belongs to. */
export const BENCH_TENANT = 'tenant-bench-hanoi';

/** The event type appended, and the contract (routing key) the relay publishes it as. */
export const BENCH_EVENT_TYPE = 'CampaignDrafted';
export const BENCH_ROUTING_KEY = 'campaign.drafted.v1';

/** A stream ref shaped like the real ones (`campaign-<uuid>`). */
export function benchStream(): StreamRef {
  return { tenantId: BENCH_TENANT, streamId: `campaign-${randomUUID()}` };
}

/**
 * The data of one benchmark event: a realistic command result (ids, a Vietnamese title, a date),
 * about 330 bytes of JSON. The same object is reused; its size, not its content, is what counts.
 */
export const BENCH_EVENT_DATA = {
  campaignId: '0b6e2f9a-6c1d-4f5e-9a7b-3c2d1e0f4a5b',
  agencyId: 'agency-so-noi-vu-ha-noi',
  title: 'Phong trào thi đua "Cán bộ, công chức thi đua thực hiện văn hóa công sở" năm 2025',
  period: { from: '2025-01-01', to: '2025-12-31' },
  criteria: ['hoan-thanh-xuat-sac', 'sang-kien', 'chuyen-doi-so'],
  draftedAt: '2025-03-14T09:26:53.589+07:00',
};

/** The metadata of each benchmark append (who and why), as a command handler passes it. */
export const BENCH_METADATA: AppendMetadata = {
  actor: { kind: 'user', id: 'user-7f3c9e21-can-bo-thi-dua' },
  correlationId: 'c0ffee00-1234-4abc-8def-0123456789ab',
};

/** `count` new events (fresh ids). */
export function benchEvents(count: number): NewEvent[] {
  const events: NewEvent[] = [];
  for (let i = 0; i < count; i += 1)
    events.push({ type: BENCH_EVENT_TYPE, data: BENCH_EVENT_DATA });
  return events;
}

/**
 * The `data` and `metadata` JSON as the event store stores them (metadata gains `tenantId` and
 * `occurredAt`), so the pgbench reference can insert rows of the same byte size.
 */
export function storedJsonSample(): { data: string; metadata: string } {
  return {
    data: JSON.stringify(BENCH_EVENT_DATA),
    metadata: JSON.stringify({
      ...BENCH_METADATA,
      tenantId: BENCH_TENANT,
      occurredAt: new Date().toISOString(),
    }),
  };
}

/** Maps a stored benchmark event to its integration event (the shape the campaign service publishes). */
export function benchToContract(stored: StoredEvent): IntegrationEvent {
  return contractEnvelope('campaign', stored, {
    type: BENCH_ROUTING_KEY,
    data: stored.data as object,
  });
}
