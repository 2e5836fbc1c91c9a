import { REVIEW_RPC, type NominationHistoryItem } from '@ttkt/contracts';
import { FakeSender, refusal } from '../../test/gateway-test-kit';
import { mergeDossierHistory, reviewHistory } from './dossier-history';

function item(type: string, at: string, data: Record<string, unknown> = {}): NominationHistoryItem {
  return { type, at, actor: { kind: 'user', id: 'u1' }, data };
}

describe('a dossier’s whole history', () => {
  it('orders both sources by instant, whatever their offsets', () => {
    const merged = mergeDossierHistory(
      [
        item('NominationDrafted', '2021-10-01T08:00:00+07:00'),
        item('NominationSubmitted', '2021-10-03T00:00:00Z'),
      ],
      [item('DossierAccepted', '2021-10-02T23:59:59.999-01:00')],
    );
    expect(merged.items.map((entry) => entry.type)).toEqual([
      'NominationDrafted',
      'NominationSubmitted',
      'DossierAccepted',
    ]);
  });

  it('is stable: on equal instants the nomination’s items first, each source in its own order', () => {
    const at = '2021-10-02T08:00:00+07:00';
    const same = '2021-10-02T01:00:00.000Z';
    const merged = mergeDossierHistory(
      [item('NominationSubmitted', at), item('NominationStatusChanged', same)],
      [item('DossierReceived', same), item('DossierAccepted', at)],
    );
    expect(merged.items.map((entry) => [entry.type, entry.source])).toEqual([
      ['NominationSubmitted', 'nomination'],
      ['NominationStatusChanged', 'nomination'],
      ['DossierReceived', 'review'],
      ['DossierAccepted', 'review'],
    ]);
  });

  it('keeps every field of every item and adds its source', () => {
    const ballot = {
      type: 'BallotCast',
      at: '2021-12-10T09:00:00+07:00',
      actor: { kind: 'user', id: 'm1' },
      data: { sessionId: 's1', voterUserId: 'm1' },
    };
    const merged = mergeDossierHistory([], [ballot]);
    expect(merged.items).toEqual([{ ...ballot, source: 'review' }]);
  });

  it('reads no review history for a dossier review has not heard of, and lets other failures through', async () => {
    const sender = new FakeSender();
    sender.handlers[REVIEW_RPC.dossierHistory] = () => {
      throw refusal(REVIEW_RPC.dossierHistory, { code: 'not-found' });
    };
    await expect(reviewHistory(sender, 't', 'n')).resolves.toEqual([]);
    sender.handlers[REVIEW_RPC.dossierHistory] = () => {
      throw refusal(REVIEW_RPC.dossierHistory, { code: 'service-unavailable' });
    };
    await expect(reviewHistory(sender, 't', 'n')).rejects.toMatchObject({
      code: 'service-unavailable',
    });
  });
});
