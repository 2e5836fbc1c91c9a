import { refusalOf } from '@ttkt/testing';
import {
  CHAIR,
  M3,
  M5,
  OPEN_FORM,
  SECRETARY,
  SECRET_FORM,
  SESSION_ID,
  STRANGER,
  agendaForm,
  at,
  ballot,
  given,
  opened,
  rules,
  session,
  user,
  vote,
} from '../session.spec-fixture';
import { decideCastVote, type CastVote } from './cast-vote.decide';
import { decideCloseSession } from '../close-session/close-session.decide';
import type { SessionEvent } from '../session.events';

function command(voter: string, nominationId: string, approve: boolean): CastVote {
  return {
    type: 'CastVote',
    sessionId: SESSION_ID,
    nominationId,
    approve,
    actor: user(voter),
    now: at('2021-05-20T09:10:00+07:00'),
  };
}

describe('an open ballot', () => {
  it('records the member’s vote with the choice', () => {
    expect(decideCastVote(command(M3, 'n-lan', true), given([opened()]))).toEqual([
      {
        type: 'VoteCast',
        data: {
          sessionId: SESSION_ID,
          voterUserId: M3,
          nominationId: 'n-lan',
          approve: true,
          at: '2021-05-20T02:10:00.000Z',
          by: user(M3),
        },
      },
    ]);
  });

  it('records a changed vote, and the tally counts the member once with the last choice', () => {
    const history: SessionEvent[] = [opened(), vote(M3, 'n-lan', true), vote(CHAIR, 'n-lan', true)];
    const changed = decideCastVote(command(M3, 'n-lan', false), given(history));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toEqual(expect.objectContaining({ type: 'VoteCast' }));
    expect(changed[0]?.data).toEqual(expect.objectContaining({ approve: false }));
    const state = session([...history, ...changed]);
    expect(state.openVotes['n-lan']).toEqual({ [M3]: false, [CHAIR]: true });
    const [closed] = decideCloseSession(
      {
        type: 'CloseSession',
        sessionId: SESSION_ID,
        secretCounts: {},
        leftOut: [],
        actor: user(SECRETARY),
        now: at('2021-05-20T11:00:00+07:00'),
      },
      state,
    );
    if (closed?.type !== 'SessionClosed') throw new Error('expected SessionClosed');
    const line = closed.data.forms[0]?.tally.find(
      (candidate) => candidate.nominationId === 'n-lan',
    );
    expect(line).toEqual(expect.objectContaining({ yes: 1, no: 1, ballots: 2 }));
  });

  it('records nothing for the same choice again', () => {
    expect(
      decideCastVote(command(M3, 'n-lan', true), given([opened(), vote(M3, 'n-lan', true)])),
    ).toEqual([]);
  });
});

describe('a secret ballot', () => {
  it('records that the member voted, never the choice', () => {
    const events = decideCastVote(command(M3, 'n-tuan', false), given([opened()]));
    expect(events).toEqual([
      {
        type: 'BallotCast',
        data: {
          sessionId: SESSION_ID,
          voterUserId: M3,
          nominationId: 'n-tuan',
          at: '2021-05-20T02:10:00.000Z',
          by: user(M3),
        },
      },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/approve|false|true/);
  });

  it('refuses a second ballot by the same member on the same dossier: invalid-state', () => {
    for (const approve of [true, false]) {
      const refusal = refusalOf(() =>
        decideCastVote(command(M3, 'n-tuan', approve), given([opened(), ballot(M3, 'n-tuan')])),
      );
      expect(refusal.code).toBe('invalid-state');
      expect(refusal.params).toEqual(
        expect.objectContaining({ reason: 'ballot-already-cast', nominationId: 'n-tuan' }),
      );
    }
  });

  it('accepts the same member’s ballot on another dossier', () => {
    expect(
      decideCastVote(command(M3, 'n-binh', true), given([opened(), ballot(M3, 'n-tuan')])),
    ).toHaveLength(1);
  });
});

describe('who may vote', () => {
  it('refuses a non-member: not-a-council-member', () => {
    const refusal = refusalOf(() =>
      decideCastVote(command(STRANGER, 'n-lan', true), given([opened()])),
    );
    expect(refusal.code).toBe('not-a-council-member');
    expect(refusal.params).toEqual({ userId: STRANGER });
  });

  it('refuses an API key even with a member’s id: not-a-council-member', () => {
    const refusal = refusalOf(() =>
      decideCastVote(
        { ...command(M3, 'n-lan', true), actor: { kind: 'api-key', id: M3 } },
        given([opened()]),
      ),
    );
    expect(refusal.code).toBe('not-a-council-member');
  });

  it('takes an absent member’s written vote where the rules allow it', () => {
    expect(decideCastVote(command(M5, 'n-lan', true), given([opened()]))).toHaveLength(1);
  });

  it('refuses an absent member where written votes are not allowed: invalid-state', () => {
    const state = given([opened({ rules: rules({ allowWrittenVotes: false }) })]);
    const refusal = refusalOf(() => decideCastVote(command(M5, 'n-lan', true), state));
    expect(refusal.code).toBe('invalid-state');
    expect(refusal.params).toEqual(
      expect.objectContaining({ reason: 'absent-member', userId: M5 }),
    );
  });
});

describe('what may be voted on', () => {
  it('refuses a dossier not on the agenda: not-found', () => {
    const refusal = refusalOf(() =>
      decideCastVote(command(M3, 'n-other', true), given([opened()])),
    );
    expect(refusal.code).toBe('not-found');
    expect(refusal.params).toEqual({ sessionId: SESSION_ID, nominationId: 'n-other' });
  });

  it('refuses a vote in an unknown session: not-found', () => {
    expect(refusalOf(() => decideCastVote(command(M3, 'n-lan', true), given([]))).code).toBe(
      'not-found',
    );
  });

  it('refuses a vote after closing: session-closed', () => {
    const state = given([opened({ agenda: [agendaForm(OPEN_FORM, ['n-lan'])] })]);
    const closed = decideCloseSession(
      {
        type: 'CloseSession',
        sessionId: SESSION_ID,
        secretCounts: {},
        leftOut: [],
        actor: user(SECRETARY),
        now: at('2021-05-20T11:00:00+07:00'),
      },
      state,
    );
    for (const nominationId of ['n-lan', 'n-other']) {
      const refusal = refusalOf(() =>
        decideCastVote(
          command(M3, nominationId, true),
          given([opened({ agenda: [agendaForm(OPEN_FORM, ['n-lan'])] }), ...closed]),
        ),
      );
      expect(refusal.code).toBe('session-closed');
    }
  });

  it('refuses a secret ballot after closing too: session-closed', () => {
    const first = given([opened({ agenda: [agendaForm(SECRET_FORM, ['n-tuan'])] })]);
    const closed = decideCloseSession(
      {
        type: 'CloseSession',
        sessionId: SESSION_ID,
        secretCounts: {},
        leftOut: [],
        actor: user(SECRETARY),
        now: at('2021-05-20T11:00:00+07:00'),
      },
      first,
    );
    const refusal = refusalOf(() =>
      decideCastVote(
        command(M3, 'n-tuan', true),
        given([opened({ agenda: [agendaForm(SECRET_FORM, ['n-tuan'])] }), ...closed]),
      ),
    );
    expect(refusal.code).toBe('session-closed');
  });
});
