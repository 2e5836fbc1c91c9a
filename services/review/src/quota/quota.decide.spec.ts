import { refusalOf } from '@ttkt/testing';
import { CAMPAIGN_ID, GIAY_KHEN, NOW, ledger, taken } from './award.spec-fixture';
import { decideReleasePlaces, decideTakePlaces, type TakePlaces } from './quota.decide';
import { evolveQuota, placesUsed, type QuotaLedgerState } from './quota.state';

function take(id: string, nominationIds: string[], quota = 3): TakePlaces {
  return {
    type: 'TakePlaces',
    campaignId: CAMPAIGN_ID,
    awardFormCode: GIAY_KHEN,
    kind: 'decision',
    id,
    nominationIds,
    quota,
    now: NOW,
  };
}

function after(state: QuotaLedgerState, events: ReturnType<typeof decideTakePlaces>) {
  return events.reduce(evolveQuota, state);
}

describe('the quota ledger', () => {
  it('takes places up to the quota: the 3rd of 3 is taken, the 4th refused', () => {
    let state = ledger();
    for (const [index, id] of ['a', 'b', 'c'].entries()) {
      state = after(state, decideTakePlaces(take(`d${index}`, [id]), state));
    }
    expect(placesUsed(state)).toBe(3);
    const refusal = refusalOf(() => decideTakePlaces(take('d3', ['d']), state));
    expect(refusal.code).toBe('quota-exceeded');
    expect(refusal.params).toEqual({ awardFormCode: GIAY_KHEN, quota: 3, used: 3, requested: 1 });
  });

  it('takes all 3 places in one decision, and refuses 2 when 2 of 3 are used', () => {
    expect(decideTakePlaces(take('d1', ['a', 'b', 'c']), ledger())).toEqual([
      {
        type: 'PlacesTaken',
        data: {
          campaignId: CAMPAIGN_ID,
          awardFormCode: GIAY_KHEN,
          kind: 'decision',
          id: 'd1',
          nominationIds: ['a', 'b', 'c'],
          quota: 3,
          at: NOW.toISOString(),
        },
      },
    ]);
    const refusal = refusalOf(() =>
      decideTakePlaces(take('d2', ['c', 'd']), ledger(taken('d1', ['a', 'b']))),
    );
    expect(refusal.params).toEqual(expect.objectContaining({ used: 2, requested: 2 }));
  });

  it('gives places back when released, so they can be taken again', () => {
    const full = ledger(taken('d1', ['a', 'b', 'c']));
    const released = decideReleasePlaces(
      {
        type: 'ReleasePlaces',
        campaignId: CAMPAIGN_ID,
        awardFormCode: GIAY_KHEN,
        kind: 'decision',
        id: 'd1',
        reason: 'revoked',
        now: NOW,
      },
      full,
    );
    expect(released).toEqual([
      {
        type: 'PlacesReleased',
        data: expect.objectContaining({
          id: 'd1',
          nominationIds: ['a', 'b', 'c'],
          reason: 'revoked',
        }) as unknown,
      },
    ]);
    const state = released.reduce(evolveQuota, full);
    expect(placesUsed(state)).toBe(0);
    expect(decideTakePlaces(take('d2', ['a', 'b', 'c']), state)).toHaveLength(1);
  });

  it('gives back the places of withdrawn dossiers only; the holder keeps the rest', () => {
    const full = ledger(taken('d1', ['a', 'b', 'c']), taken('d2', ['d']));
    const release = {
      type: 'ReleasePlaces' as const,
      campaignId: CAMPAIGN_ID,
      awardFormCode: GIAY_KHEN,
      kind: 'decision' as const,
      id: 'd1',
      reason: 'withdrawn' as const,
      nominationIds: ['b', 'x'],
      now: NOW,
    };
    const released = decideReleasePlaces(release, full);
    expect(released).toEqual([
      {
        type: 'PlacesReleased',
        data: expect.objectContaining({
          id: 'd1',
          nominationIds: ['b'],
          reason: 'withdrawn',
        }) as unknown,
      },
    ]);
    const state = released.reduce(evolveQuota, full);
    expect(state.entries).toEqual([
      { kind: 'decision', id: 'd1', nominationIds: ['a', 'c'] },
      { kind: 'decision', id: 'd2', nominationIds: ['d'] },
    ]);
    expect(placesUsed(state)).toBe(3);
    // Released once: the same release again gives nothing back.
    expect(decideReleasePlaces(release, state)).toEqual([]);
    // The last of a holder's dossiers leaves it holding nothing.
    const last = decideReleasePlaces({ ...release, nominationIds: ['a', 'c'] }, state);
    expect(last.reduce(evolveQuota, state).entries).toEqual([
      { kind: 'decision', id: 'd2', nominationIds: ['d'] },
    ]);
    // A later release of all of the holder's places gives back only those it still holds.
    expect(decideReleasePlaces({ ...release, nominationIds: undefined }, state)).toEqual([
      {
        type: 'PlacesReleased',
        data: expect.objectContaining({ nominationIds: ['a', 'c'] }) as unknown,
      },
    ]);
  });

  it('releases nothing for a holder without places (a redelivered refusal)', () => {
    const release = {
      type: 'ReleasePlaces' as const,
      campaignId: CAMPAIGN_ID,
      awardFormCode: GIAY_KHEN,
      kind: 'decision' as const,
      id: 'd9',
      reason: 'number-refused' as const,
      now: NOW,
    };
    expect(decideReleasePlaces(release, ledger(taken('d1', ['a'])))).toEqual([]);
  });

  it('refuses a holder taking places twice: invalid-state', () => {
    const refusal = refusalOf(() =>
      decideTakePlaces(take('d1', ['b']), ledger(taken('d1', ['a']))),
    );
    expect(refusal.code).toBe('invalid-state');
  });
});
