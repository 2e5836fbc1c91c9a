import { refusalOf } from '@ttkt/testing';
import { decideCloseSession } from '../close-session/close-session.decide';
import type { SessionEvent } from '../session.events';
import {
  CHAIR,
  M3,
  OPEN_FORM,
  SECRETARY,
  SECRET_FORM,
  SESSION_ID,
  agendaForm,
  at,
  given,
  opened,
  session,
  user,
  vote,
} from '../session.spec-fixture';
import {
  SUGGESTED_TIE_BREAK_REASON,
  decideRecordTieBreak,
  type RecordTieBreak,
} from './record-tie-break.decide';

/** Giấy khen with a quota of 2: n-lan 3 yes, n-minh, n-hoa and n-mai 2 yes each → 1 place for 3. */
const voting: SessionEvent[] = [
  opened({
    agenda: [
      agendaForm(OPEN_FORM, ['n-lan', 'n-minh', 'n-hoa', 'n-mai']),
      agendaForm(SECRET_FORM, ['n-tuan']),
    ],
  }),
  vote(CHAIR, 'n-lan', true),
  vote(SECRETARY, 'n-lan', true),
  vote(M3, 'n-lan', true),
  ...['n-minh', 'n-hoa', 'n-mai'].flatMap((id) => [
    vote(CHAIR, id, true),
    vote(SECRETARY, id, true),
  ]),
];
const closed: SessionEvent[] = [
  ...voting,
  ...decideCloseSession(
    {
      type: 'CloseSession',
      sessionId: SESSION_ID,
      secretCounts: {},
      leftOut: [],
      actor: user(SECRETARY),
      now: at('2021-05-20T11:00:00+07:00'),
    },
    given(voting),
  ),
];

function command(overrides: Partial<RecordTieBreak> = {}): RecordTieBreak {
  return {
    type: 'RecordTieBreak',
    sessionId: SESSION_ID,
    awardFormCode: OPEN_FORM,
    chosenNominationIds: ['n-hoa'],
    reason: SUGGESTED_TIE_BREAK_REASON,
    actor: user(CHAIR),
    now: at('2021-05-20T11:30:00+07:00'),
    ...overrides,
  };
}

describe('the chair’s tie-break', () => {
  it('is tied as expected by the close', () => {
    expect(session(closed).result?.forms[0]?.tie).toEqual({
      nominationIds: ['n-minh', 'n-hoa', 'n-mai'],
      places: 1,
      yes: 2,
    });
  });

  it('records the chair’s choice of exactly the places among the tied, with the reason', () => {
    const events = decideRecordTieBreak(command(), given(closed));
    expect(events).toEqual([
      {
        type: 'TieBreakRecorded',
        data: {
          sessionId: SESSION_ID,
          awardFormCode: OPEN_FORM,
          chosenNominationIds: ['n-hoa'],
          reason: 'Ưu tiên nữ theo khoản 6 Điều 4 Nghị định 152/2025/NĐ-CP',
          byUserId: CHAIR,
          at: '2021-05-20T04:30:00.000Z',
          by: user(CHAIR),
        },
      },
    ]);
    expect(session([...closed, ...events]).tieBreaks[OPEN_FORM]).toEqual({
      chosenNominationIds: ['n-hoa'],
      reason: SUGGESTED_TIE_BREAK_REASON,
      byUserId: CHAIR,
      at: '2021-05-20T04:30:00.000Z',
    });
  });

  it('refuses anyone but the chair: forbidden', () => {
    for (const actor of [user(SECRETARY), user(M3), { kind: 'api-key', id: CHAIR }]) {
      expect(refusalOf(() => decideRecordTieBreak(command({ actor }), given(closed))).code).toBe(
        'forbidden',
      );
    }
  });

  it('refuses a choice of more or fewer than the places: validation-failed', () => {
    for (const chosen of [['n-hoa', 'n-mai'], []]) {
      const refusal = refusalOf(() =>
        decideRecordTieBreak(command({ chosenNominationIds: chosen }), given(closed)),
      );
      expect(refusal.code).toBe('validation-failed');
      expect(refusal.errors).toContainEqual({ path: 'chosenNominationIds', message: 'tiePlaces' });
    }
  });

  it('refuses a dossier outside the tie: validation-failed at its index', () => {
    const refusal = refusalOf(() =>
      decideRecordTieBreak(command({ chosenNominationIds: ['n-lan'] }), given(closed)),
    );
    expect(refusal.code).toBe('validation-failed');
    expect(refusal.errors).toEqual([{ path: 'chosenNominationIds[0]', message: 'notTied' }]);
  });

  it('refuses a blank reason: validation-failed', () => {
    const refusal = refusalOf(() => decideRecordTieBreak(command({ reason: '  ' }), given(closed)));
    expect(refusal.errors).toEqual([{ path: 'reason', message: 'isNotEmpty' }]);
  });

  it('refuses a second tie-break for the form: invalid-state', () => {
    const once = [...closed, ...decideRecordTieBreak(command(), given(closed))];
    const refusal = refusalOf(() =>
      decideRecordTieBreak(command({ chosenNominationIds: ['n-mai'] }), given(once)),
    );
    expect(refusal.code).toBe('invalid-state');
    expect(refusal.params).toEqual(expect.objectContaining({ reason: 'tie-break-recorded' }));
  });

  it('refuses a form without a tie: invalid-state', () => {
    const refusal = refusalOf(() =>
      decideRecordTieBreak(
        command({ awardFormCode: SECRET_FORM, chosenNominationIds: ['n-tuan'] }),
        given(closed),
      ),
    );
    expect(refusal.code).toBe('invalid-state');
    expect(refusal.params).toEqual(expect.objectContaining({ reason: 'no-tie' }));
  });

  it('refuses a form not on the agenda: unknown-award-form', () => {
    expect(
      refusalOf(() => decideRecordTieBreak(command({ awardFormCode: 'KHAC' }), given(closed))).code,
    ).toBe('unknown-award-form');
  });

  it('refuses while the session is open: invalid-state', () => {
    const refusal = refusalOf(() => decideRecordTieBreak(command(), given(voting)));
    expect(refusal.code).toBe('invalid-state');
    expect(refusal.params).toEqual(expect.objectContaining({ reason: 'session-open' }));
  });

  it('refuses an unknown session: not-found', () => {
    expect(refusalOf(() => decideRecordTieBreak(command(), given([]))).code).toBe('not-found');
  });
});
