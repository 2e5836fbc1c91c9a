import type { DossierReviewHistoryItem } from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';
import { history } from '../dossier.spec-fixture';
import type { DossierEvent } from '../dossier.events';
import { dossierHistoryItems, mergeHistory } from './dossier-history';

function stored(event: DossierEvent, occurredAt: string): StoredEvent {
  return {
    tenantId: 'bac-kan',
    streamId: 'review-n',
    streamPosition: 1,
    globalPosition: 1n,
    transactionId: 1n,
    eventId: 'e',
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { tenantId: 'bac-kan', occurredAt, actor: { kind: 'user', id: 'van-phong' } },
    recordedAt: new Date(occurredAt),
  };
}

describe('a dossier review history', () => {
  it('shows review outcomes with their instant, actor and own data; not nomination facts', () => {
    const items = dossierHistoryItems([
      stored(history.received(), '2021-05-06T02:00:00.000Z'),
      stored(history.returned(), '2021-05-07T02:00:00.000Z'),
      stored(history.withdrawn(), '2021-05-08T02:00:00.000Z'),
    ]);
    expect(items).toEqual([
      {
        type: 'DossierReturned',
        at: '2021-05-07T02:00:00.000Z',
        actor: { kind: 'user', id: 'van-phong' },
        data: { reasons: ['Thiếu biên bản'], resubmitBefore: null },
      },
    ]);
  });

  it('merges with session items by instant, stable', () => {
    const item = (type: string, at: string): DossierReviewHistoryItem => ({
      type,
      at,
      actor: null,
      data: {},
    });
    expect(
      mergeHistory(
        [
          item('DossierAccepted', '2021-05-13T02:00:00Z'),
          item('DossierApproved', '2021-05-20T02:00:00Z'),
        ],
        [
          item('VoteCast', '2021-05-20T01:00:00Z'),
          item('SessionClosed', '2021-05-20T02:00:00.000Z'),
        ],
      ).map((entry) => entry.type),
    ).toEqual(['DossierAccepted', 'VoteCast', 'DossierApproved', 'SessionClosed']);
  });
});
