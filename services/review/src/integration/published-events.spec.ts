import { formatPosition } from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';
import { history, NOMINATION_ID, CAMPAIGN_ID, AT } from '../dossiers/dossier.spec-fixture';
import type { DossierEvent } from '../dossiers/dossier.events';
import { dossierContractEvents, toContractEvent } from './published-events';

function stored(event: DossierEvent): StoredEvent {
  return {
    tenantId: 'bac-kan',
    streamId: `review-${NOMINATION_ID}`,
    streamPosition: 2,
    globalPosition: 7n,
    transactionId: 42n,
    eventId: 'e-1',
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: {
      tenantId: 'bac-kan',
      occurredAt: AT,
      actor: { kind: 'user', id: 'van-phong' },
      correlationId: 'c-1',
    },
    recordedAt: new Date(AT),
  };
}

const facts = { nominationId: NOMINATION_ID, campaignId: CAMPAIGN_ID, at: AT };

describe('review dossier events as contract events', () => {
  it.each<[string, DossierEvent, string, object]>([
    ['accepted', history.accepted(), 'review.dossier-accepted.v1', facts],
    [
      'returned',
      history.returned(),
      'review.dossier-returned.v1',
      { ...facts, reasons: ['Thiếu biên bản'], resubmitBefore: null },
    ],
    ['approved', history.approved(), 'review.dossier-approved.v1', facts],
    ['not approved', history.notApproved(), 'review.dossier-not-approved.v1', facts],
    [
      'awarded',
      history.awarded(),
      'review.dossier-awarded.v1',
      { ...facts, decisionId: 'd-1', decisionNumber: '05/QĐ-SKHCN' },
    ],
    ['proposed', history.proposed(), 'review.dossier-proposed.v1', { ...facts, proposalId: 'p-1' }],
    [
      'award revoked',
      history.revoked(),
      'review.dossier-award-revoked.v1',
      { ...facts, decisionId: 'd-1' },
    ],
  ])('publishes %s', (_name, event, type, data) => {
    expect(dossierContractEvents(event)).toEqual([{ type, data }]);
    expect(toContractEvent(stored(event))).toEqual({
      id: 'e-1',
      type,
      tenantId: 'bac-kan',
      occurredAt: AT,
      source: {
        service: 'review',
        streamId: `review-${NOMINATION_ID}`,
        streamVersion: 2,
        position: formatPosition('review', 42n, 7n),
      },
      actor: { kind: 'user', id: 'van-phong' },
      correlationId: 'c-1',
      causationId: 'c-1',
      data,
    });
  });

  it('keeps nomination facts inside (received, withdrawn)', () => {
    expect(toContractEvent(stored(history.received()))).toBeNull();
    expect(toContractEvent(stored(history.withdrawn()))).toBeNull();
  });

  it('leaves other areas’ events to their mappers', () => {
    expect(dossierContractEvents({ type: 'SessionOpened', data: {} })).toEqual([]);
  });
});
