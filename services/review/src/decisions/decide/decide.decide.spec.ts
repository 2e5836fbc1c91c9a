import { refusalOf } from '@ttkt/testing';
import {
  BANG_KHEN,
  CAMPAIGN_ID,
  DECISION_ID,
  GIAY_KHEN,
  HEAD,
  NOW,
  REQUEST_ID,
  campaign,
  dossier,
  facts,
  ledger,
  taken,
} from '../../quota/award.spec-fixture';
import type { AwardSelectionFacts } from '../../quota/award-selection';
import { evolveQuota, placesUsed } from '../../quota/quota.state';
import { foldDecision, initialDecisionState } from '../decision.state';
import { decideDecide, type Decide } from './decide.decide';

function decide(nominationIds: string[], overrides: Partial<Decide> = {}): Decide {
  return {
    type: 'Decide',
    decisionId: DECISION_ID,
    requestId: REQUEST_ID,
    campaignId: CAMPAIGN_ID,
    awardFormCode: GIAY_KHEN,
    nominationIds,
    decidedOn: '2021-05-20',
    actor: HEAD,
    now: NOW,
    ...overrides,
  };
}

const approved = ['a', 'b', 'c', 'd'].map((id) => dossier(id));

function when(command: Decide, given: AwardSelectionFacts) {
  return decideDecide(command, initialDecisionState(), given);
}

function refused(command: Decide, given: AwardSelectionFacts) {
  return refusalOf(() => when(command, given));
}

describe('deciding awards', () => {
  it('takes places and asks the register for a QĐ number, with the plan’s signer and recipients', () => {
    const outcome = when(decide(['a', 'b']), facts(approved));
    expect(outcome.ledger).toEqual([
      {
        type: 'PlacesTaken',
        data: expect.objectContaining({
          kind: 'decision',
          id: DECISION_ID,
          nominationIds: ['a', 'b'],
        }) as unknown,
      },
    ]);
    expect(outcome.decision).toEqual([
      {
        type: 'DecisionRequested',
        data: {
          decisionId: DECISION_ID,
          requestId: REQUEST_ID,
          campaignId: CAMPAIGN_ID,
          agencyId: 'skhcn-bac-kan',
          agencyCode: 'SKHCN',
          awardFormCode: GIAY_KHEN,
          awardFormName: 'Giấy khen của Giám đốc Sở',
          decidedOn: '2021-05-20',
          planNumber: '27/KH-SKHCN',
          planTitle: 'Kế hoạch tổ chức phong trào thi đua năm 2021',
          planIssuedOn: '2021-03-30',
          signer: { capacity: 'KT.', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' },
          recipients: [{ name: 'Ban TĐKT tỉnh', purpose: 'b/c' }, { name: 'Lưu: VT' }],
          awardees: ['a', 'b'].map((id) => ({
            nominationId: id,
            nominee: dossier(id).nominee,
            personId: `p-${id}`,
            unitId: null,
            nominatingUnitId: 'u-vp',
            achievementSummary: `Thành tích của ${id}`,
            goldenBookNumber: null,
          })),
          sessionId: 'session-1',
          at: NOW.toISOString(),
          by: HEAD,
        },
      },
    ]);
  });

  it('takes the given signer and recipients, in NFC', () => {
    const [requested] = when(
      decide(['a'], {
        signer: { title: 'GIÁM ĐỐC'.normalize('NFD'), name: 'Trần Văn Bình'.normalize('NFD') },
        recipients: [{ name: 'Như Điều 3'.normalize('NFD') }],
      }),
      facts(approved),
    ).decision;
    expect(requested?.type === 'DecisionRequested' && requested.data.signer).toEqual({
      title: 'GIÁM ĐỐC',
      name: 'Trần Văn Bình',
    });
    expect(requested?.type === 'DecisionRequested' && requested.data.recipients).toEqual([
      { name: 'Như Điều 3' },
    ]);
  });

  describe('the quota', () => {
    it('decides 3 of a quota of 3 in one decision', () => {
      expect(when(decide(['a', 'b', 'c']), facts(approved)).ledger).toHaveLength(1);
    });

    it('refuses a 4th when 3 of 3 places are taken: quota-exceeded', () => {
      let state = ledger();
      for (const id of ['a', 'b', 'c']) {
        const outcome = when(
          decide([id], { decisionId: `d-${id}` }),
          facts(approved, { ledger: state }),
        );
        state = outcome.ledger.reduce(evolveQuota, state);
      }
      expect(placesUsed(state)).toBe(3);
      const refusal = refused(
        decide(['d'], { decisionId: 'd-d' }),
        facts(approved, { ledger: state }),
      );
      expect(refusal.code).toBe('quota-exceeded');
      expect(refusal.params).toEqual({ awardFormCode: GIAY_KHEN, quota: 3, used: 3, requested: 1 });
    });

    it('refuses 4 at once: quota-exceeded', () => {
      expect(refused(decide(['a', 'b', 'c', 'd']), facts(approved)).code).toBe('quota-exceeded');
    });
  });

  describe('the dossiers', () => {
    it.each([
      ['awarded', dossier('a', { status: 'awarded', decisionId: 'd-0' })],
      ['proposed', dossier('a', { status: 'proposed', proposalId: 'p-0' })],
    ])('refuses the %s dossier: already-decided', (_status, given) => {
      expect(refused(decide(['a']), facts([given])).code).toBe('already-decided');
    });

    it('refuses an approved dossier held by a decision waiting for its number: already-decided', () => {
      const refusal = refused(
        decide(['a']),
        facts(approved, { ledger: ledger(taken('d-0', ['a'])) }),
      );
      expect(refusal.code).toBe('already-decided');
      expect(refusal.params).toEqual({ nominationId: 'a', status: 'approved', decisionId: 'd-0' });
    });

    it.each(['submitted', 'returned', 'accepted', 'not-approved'] as const)(
      'refuses the %s dossier: not-recommended',
      (status) => {
        const refusal = refused(decide(['a']), facts([dossier('a', { status })]));
        expect(refusal.code).toBe('not-recommended');
        expect(refusal.params).toEqual({ nominationId: 'a', status });
      },
    );

    it('refuses a withdrawn dossier: invalid-state', () => {
      const refusal = refused(decide(['a']), facts([dossier('a', { status: 'withdrawn' })]));
      expect(refusal.code).toBe('invalid-state');
      expect(refusal.params).toEqual({ nominationId: 'a', status: 'withdrawn' });
    });

    it.each([
      ['unknown to review', []],
      ['of another campaign', [dossier('a', { campaignId: 'other' })]],
      ['of another form', [dossier('a', { awardFormCode: BANG_KHEN })]],
    ])('refuses a dossier %s: not-found', (_case, given) => {
      const refusal = refused(decide(['a']), facts(given));
      expect(refusal.code).toBe('not-found');
      expect(refusal.params).toEqual({ nominationId: 'a' });
    });

    it('refuses a person with an open hold: nominee-on-hold', () => {
      const holds = new Map([
        ['p-b', [{ holdId: 'h-1', kind: 'discipline', openedOn: '2021-05-01' }]],
      ]);
      const refusal = refused(decide(['a', 'b']), facts(approved, { openHolds: holds }));
      expect(refusal.code).toBe('nominee-on-hold');
      expect(refusal.params).toEqual({ nominationId: 'b', personId: 'p-b', holdIds: 'h-1' });
    });

    it('does not look for holds of a collective', () => {
      const collective = dossier('a', {
        nomineeRef: { kind: 'collective', unitId: 'u-vp' },
        nominee: { kind: 'collective', unitId: 'u-vp', unitName: 'Văn phòng' } as never,
      });
      const holds = new Map([
        ['p-a', [{ holdId: 'h-1', kind: 'discipline', openedOn: '2021-05-01' }]],
      ]);
      const [requested] = when(decide(['a']), facts([collective], { openHolds: holds })).decision;
      expect(requested?.type === 'DecisionRequested' && requested.data.awardees[0]).toEqual(
        expect.objectContaining({ personId: null, unitId: 'u-vp' }),
      );
    });
  });

  describe('a tie at the quota boundary', () => {
    // Quota 3: a (9 yes), b (8), c and d (7 each) → c and d share the last place.
    const tie = { nominationIds: ['c', 'd'], places: 1, yes: 7 };
    const unresolved = {
      latestSessionId: 'session-1',
      unresolvedTies: [{ sessionId: 'session-1', tie }],
    };
    // The chair broke it: no tie waits any more.
    const resolved = { latestSessionId: 'session-1', unresolvedTies: [] };
    const five = [...approved, dossier('e'), dossier('f')];

    it('refuses a set holding some but not all of the tied dossiers before the tie-break', () => {
      const refusal = refused(decide(['a', 'b', 'c']), facts(approved, { sessions: unresolved }));
      expect(refusal.code).toBe('tie-unresolved');
      expect(refusal.params).toEqual({
        awardFormCode: GIAY_KHEN,
        sessionId: 'session-1',
        nominationIds: 'c,d',
        places: 1,
      });
    });

    it('refuses all the tied dossiers beyond the quota before the tie-break, before the quota check', () => {
      expect(
        refused(decide(['a', 'b', 'c', 'd']), facts(approved, { sessions: unresolved })).code,
      ).toBe('tie-unresolved');
    });

    it('counts the places already taken against the quota for all the tied dossiers', () => {
      const given = facts(approved, { sessions: unresolved, ledger: ledger(taken('d-0', ['a'])) });
      expect(refused(decide(['b', 'c', 'd']), given).code).toBe('tie-unresolved');
    });

    it('decides all the tied dossiers when they fit within the quota, before the tie-break', () => {
      expect(
        when(decide(['a', 'c', 'd']), facts(approved, { sessions: unresolved })).ledger,
      ).toHaveLength(1);
      expect(when(decide(['c', 'd']), facts(approved, { sessions: unresolved })).ledger).toEqual([
        {
          type: 'PlacesTaken',
          data: expect.objectContaining({ nominationIds: ['c', 'd'] }) as unknown,
        },
      ]);
    });

    it('counts a tied dossier already holding a place as part of the set', () => {
      // c already holds a place: with d, every tied dossier holds one, within the quota.
      const given = facts(approved, { sessions: unresolved, ledger: ledger(taken('d-0', ['c'])) });
      expect(when(decide(['d']), given).ledger).toHaveLength(1);
      const full = facts(approved, {
        sessions: unresolved,
        ledger: ledger(taken('d-0', ['c']), taken('d-1', ['a', 'b'])),
      });
      expect(refused(decide(['d']), full).code).toBe('tie-unresolved');
    });

    it('decides dossiers outside the tie before the tie-break', () => {
      expect(
        when(decide(['a', 'b']), facts(approved, { sessions: unresolved })).ledger,
      ).toHaveLength(1);
    });

    it('decides any set within the quota after the tie-break', () => {
      expect(
        when(decide(['a', 'b', 'd']), facts(approved, { sessions: resolved })).ledger,
      ).toHaveLength(1);
      expect(when(decide(['c']), facts(approved, { sessions: resolved })).ledger).toHaveLength(1);
    });

    it('checks the tie of every session, not only the latest one', () => {
      // session-1 left c and d tied; session-2, later, voted on e and f and tied them too.
      const sessions = {
        latestSessionId: 'session-2',
        unresolvedTies: [
          { sessionId: 'session-1', tie },
          { sessionId: 'session-2', tie: { nominationIds: ['e', 'f'], places: 1, yes: 5 } },
        ],
      };
      const refusal = refused(decide(['a', 'c']), facts(five, { sessions }));
      expect(refusal.code).toBe('tie-unresolved');
      expect(refusal.params).toEqual(expect.objectContaining({ sessionId: 'session-1' }));
      expect(refused(decide(['a', 'f']), facts(five, { sessions })).params).toEqual(
        expect.objectContaining({ sessionId: 'session-2', nominationIds: 'e,f' }),
      );
      expect(when(decide(['e', 'f']), facts(five, { sessions })).ledger).toHaveLength(1);
    });
  });

  describe('the dates and texts', () => {
    it('decides on a day in the past (recorded from paper) or today', () => {
      expect(when(decide(['a'], { decidedOn: '2020-12-31' }), facts(approved)).ledger).toHaveLength(
        1,
      );
      expect(when(decide(['a'], { decidedOn: '2021-05-20' }), facts(approved)).ledger).toHaveLength(
        1,
      );
    });

    it('refuses a decision dated after today in Asia/Ho_Chi_Minh: validation-failed at decidedOn', () => {
      const refusal = refused(decide(['a'], { decidedOn: '2021-05-21' }), facts(approved));
      expect(refusal.code).toBe('validation-failed');
      expect(refusal.errors).toEqual([{ path: 'decidedOn', message: 'maxDate' }]);
      // 20/5/2021 23:30 in Hà Nội is the 20th there (16:30 UTC): the 21st is still tomorrow.
      const late = new Date('2021-05-20T23:30:00+07:00');
      expect(
        refused(decide(['a'], { decidedOn: '2021-05-21', now: late }), facts(approved)).code,
      ).toBe('validation-failed');
      // 21/5/2021 00:30 in Hà Nội is still the 20th in UTC: the 21st is today.
      const early = new Date('2021-05-21T00:30:00+07:00');
      expect(
        when(decide(['a'], { decidedOn: '2021-05-21', now: early }), facts(approved)).ledger,
      ).toHaveLength(1);
    });

    it('refuses a signer or recipient whose text is blank once trimmed: validation-failed at each', () => {
      const refusal = refused(
        decide(['a'], {
          signer: { title: ' \u00a0', name: '\t' },
          recipients: [{ name: 'Ban TĐKT tỉnh' }, { name: '   ', purpose: 'b/c' }],
        }),
        facts(approved),
      );
      expect(refusal.code).toBe('validation-failed');
      expect(refusal.errors).toEqual([
        { path: 'signer.title', message: 'isNotEmpty' },
        { path: 'signer.name', message: 'isNotEmpty' },
        { path: 'recipients[1].name', message: 'isNotEmpty' },
      ]);
    });

    it('prints the given texts trimmed, leaving a blank purpose out', () => {
      const [requested] = when(
        decide(['a'], {
          signer: { capacity: 'KT.', title: ' PHÓ GIÁM ĐỐC ', name: 'Trần Văn Bình ' },
          recipients: [{ name: ' Như Điều 3', purpose: '  ' }],
        }),
        facts(approved),
      ).decision;
      expect(requested?.type === 'DecisionRequested' && requested.data.signer).toEqual({
        capacity: 'KT.',
        title: 'PHÓ GIÁM ĐỐC',
        name: 'Trần Văn Bình',
      });
      expect(requested?.type === 'DecisionRequested' && requested.data.recipients).toEqual([
        { name: 'Như Điều 3' },
      ]);
    });
  });

  describe('the campaign and the form', () => {
    it('refuses a form a higher authority decides: invalid-state', () => {
      const given = facts([dossier('a', { awardFormCode: BANG_KHEN })]);
      const refusal = refused(decide(['a'], { awardFormCode: BANG_KHEN }), given);
      expect(refusal.code).toBe('invalid-state');
      expect(refusal.params).toEqual({
        awardFormCode: BANG_KHEN,
        reason: 'decided-by-higher-authority',
      });
    });

    it('refuses a form not in the plan: unknown-award-form', () => {
      expect(refused(decide(['a'], { awardFormCode: 'NONE' }), facts(approved)).code).toBe(
        'unknown-award-form',
      );
    });

    it.each([
      ['unknown', null],
      ['closed', campaign({ status: 'closed' })],
    ])('refuses the %s campaign: campaign-not-open', (_case, given) => {
      expect(refused(decide(['a']), facts(approved, { campaign: given })).code).toBe(
        'campaign-not-open',
      );
    });

    it('checks the campaign before the dossiers, the dossiers before the quota', () => {
      expect(refused(decide(['x']), facts([], { campaign: null })).code).toBe('campaign-not-open');
      const full = ledger(taken('d-0', ['b', 'c', 'd']));
      expect(refused(decide(['x']), facts(approved, { ledger: full })).code).toBe('not-found');
    });

    it('refuses a decision id already used: invalid-state', () => {
      const first = when(decide(['a']), facts(approved)).decision;
      const state = foldDecision(first);
      const refusal = refusalOf(() => decideDecide(decide(['b']), state, facts(approved)));
      expect(refusal.code).toBe('invalid-state');
    });
  });
});
