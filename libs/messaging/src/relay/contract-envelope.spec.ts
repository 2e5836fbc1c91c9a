import type { StoredEvent } from '@ttkt/event-store';
import { contractEnvelope } from './contract-envelope';

function stored(metadata: Partial<StoredEvent['metadata']> = {}): StoredEvent {
  return {
    tenantId: 'bac-kan',
    streamId: 'campaign-0b6e',
    streamPosition: 3,
    globalPosition: 42n,
    transactionId: 7n,
    eventId: '5d0c3f55-5d7a-4a43-9d43-3f2f6a0c1b11',
    type: 'CampaignDrafted',
    schemaVersion: 1,
    data: {},
    metadata: { tenantId: 'bac-kan', occurredAt: '2021-03-30T02:00:00.000Z', ...metadata },
    recordedAt: new Date('2021-03-30T02:00:00.000Z'),
  };
}

describe('contractEnvelope', () => {
  it('wraps the payload in the stored event’s id, tenant, time, source and position', () => {
    const envelope = contractEnvelope(
      'campaign',
      stored({ actor: { kind: 'user', id: 'u-1' }, correlationId: 'c-1', causationId: 'k-1' }),
      { type: 'campaign.drafted.v1', data: { campaignId: '0b6e' } },
    );
    expect(envelope).toEqual({
      id: '5d0c3f55-5d7a-4a43-9d43-3f2f6a0c1b11',
      type: 'campaign.drafted.v1',
      tenantId: 'bac-kan',
      occurredAt: '2021-03-30T02:00:00.000Z',
      source: {
        service: 'campaign',
        streamId: 'campaign-0b6e',
        streamVersion: 3,
        position: 'campaign:7.42',
      },
      actor: { kind: 'user', id: 'u-1' },
      correlationId: 'c-1',
      causationId: 'k-1',
      data: { campaignId: '0b6e' },
    });
  });

  it('leaves out a missing actor and correlation id and takes the event as its own cause', () => {
    const envelope = contractEnvelope('document', stored(), {
      type: 'register.number-voided.v1',
      data: {},
    });
    expect(envelope).not.toHaveProperty('actor');
    expect(envelope).not.toHaveProperty('correlationId');
    expect(envelope.causationId).toBe('5d0c3f55-5d7a-4a43-9d43-3f2f6a0c1b11');
    expect(envelope.source.position).toBe('document:7.42');
  });

  it('falls back to the correlation id when no causation id was stored', () => {
    expect(
      contractEnvelope('directory', stored({ correlationId: 'c-1' }), {
        type: 'directory.tenant-registered.v1',
        data: {},
      }).causationId,
    ).toBe('c-1');
  });
});
