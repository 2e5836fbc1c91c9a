import { refusalOf } from '@ttkt/testing';
import {
  CHAIR,
  M3,
  M4,
  MEMBERS,
  OPEN_FORM,
  SECRETARY,
  SECRET_FORM,
  SESSION_ID,
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
import type { SessionClosed, SessionEvent } from '../session.events';
import { decideCloseSession, type CloseSession } from './close-session.decide';

function command(overrides: Partial<CloseSession> = {}): CloseSession {
  return {
    type: 'CloseSession',
    sessionId: SESSION_ID,
    secretCounts: {},
    leftOut: [],
    actor: user(SECRETARY),
    now: at('2021-05-20T11:00:00+07:00'),
    ...overrides,
  };
}

function closedData(events: SessionEvent[]): SessionClosed['data'] {
  const [event] = events;
  if (event?.type !== 'SessionClosed') throw new Error('expected SessionClosed');
  return event.data;
}

describe('the quorum', () => {
  it('refuses to close with 3 of 5 members present for 2/3: quorum-not-met', () => {
    const refusal = refusalOf(() =>
      decideCloseSession(command(), given([opened({ present: MEMBERS.slice(0, 3) })])),
    );
    expect(refusal.code).toBe('quorum-not-met');
    expect(refusal.params).toEqual(
      expect.objectContaining({ members: 5, present: 3, required: '2/3' }),
    );
  });

  it('closes with 4 of 6 members present for 2/3 (the exact boundary)', () => {
    const state = given([opened({ present: MEMBERS.slice(0, 4) })]);
    if (state.status === 'none') throw new Error('no session');
    const six = {
      ...state,
      council: { ...state.council, memberUserIds: [...MEMBERS, 'u-thanh-vien-6'] },
    };
    const data = closedData(decideCloseSession(command(), six));
    expect(data.quorum).toEqual({ members: 6, present: 4, required: '2/3', met: true });
  });

  it('refuses when the quorum is met but not the minimum attendance: quorum-not-met', () => {
    const strict = rules({ quorum: '1/2', minAttendance: '4/5' });
    const refusal = refusalOf(() =>
      decideCloseSession(
        command(),
        given([opened({ rules: strict, present: MEMBERS.slice(0, 3) })]),
      ),
    );
    expect(refusal.code).toBe('quorum-not-met');
    expect(refusal.params).toEqual(expect.objectContaining({ minAttendance: '4/5', present: 3 }));
  });

  it('closes when the minimum attendance is met exactly (4 of 5 for 4/5)', () => {
    const strict = rules({ quorum: '1/2', minAttendance: '4/5' });
    const events = decideCloseSession(
      command(),
      given([opened({ rules: strict, present: MEMBERS.slice(0, 4) })]),
    );
    expect(closedData(events).quorum.met).toBe(true);
  });
});

describe('closing', () => {
  const history: SessionEvent[] = [
    opened(),
    // Giấy khen, open ballot, 1/2 of the 4 present, quota 2.
    vote(CHAIR, 'n-lan', true),
    vote(SECRETARY, 'n-lan', true),
    vote(M3, 'n-lan', true),
    vote(CHAIR, 'n-minh', true),
    vote(SECRETARY, 'n-minh', true),
    vote(M3, 'n-minh', false),
    vote(CHAIR, 'n-hoa', true),
    vote(SECRETARY, 'n-hoa', false),
    vote(M3, 'n-hoa', false),
    // Bằng khen, secret ballot: only who voted.
    ballot(CHAIR, 'n-tuan'),
    ballot(SECRETARY, 'n-tuan'),
    ballot(M3, 'n-tuan'),
    ballot(M4, 'n-tuan'),
    ballot(CHAIR, 'n-binh'),
  ];

  it('tallies each form, counting secret ballots from their counters, with counts only', () => {
    const events = decideCloseSession(
      command({ secretCounts: { 'n-tuan': { yes: 4, no: 0 }, 'n-binh': { yes: 0, no: 1 } } }),
      given(history),
    );
    const data = closedData(events);
    expect(data).toEqual(
      expect.objectContaining({
        sessionId: SESSION_ID,
        heldOn: '2021-05-20',
        chairUserId: CHAIR,
        secretaryUserId: SECRETARY,
        memberUserIds: MEMBERS,
        presentUserIds: MEMBERS.slice(0, 4),
        rulesSource: 'Quy chế hoạt động của Hội đồng TĐKT Sở, Điều 6',
        quorum: { members: 5, present: 4, required: '2/3', met: true },
        at: '2021-05-20T04:00:00.000Z',
        by: user(SECRETARY),
      }),
    );
    expect(data.forms).toEqual([
      {
        awardFormCode: OPEN_FORM,
        quota: 2,
        threshold: { fraction: '1/2', of: 'present' },
        secretBallot: false,
        tally: [
          {
            nominationId: 'n-lan',
            yes: 3,
            no: 0,
            ballots: 3,
            denominator: 4,
            approved: true,
            rank: 1,
          },
          {
            nominationId: 'n-minh',
            yes: 2,
            no: 1,
            ballots: 3,
            denominator: 4,
            approved: true,
            rank: 2,
          },
          {
            nominationId: 'n-hoa',
            yes: 1,
            no: 2,
            ballots: 3,
            denominator: 4,
            approved: false,
            rank: null,
          },
        ],
        tie: null,
      },
      {
        awardFormCode: SECRET_FORM,
        quota: 1,
        threshold: { fraction: '2/3', of: 'all-members' },
        secretBallot: true,
        tally: [
          {
            nominationId: 'n-tuan',
            yes: 4,
            no: 0,
            ballots: 4,
            denominator: 5,
            approved: true,
            rank: 1,
          },
          {
            nominationId: 'n-binh',
            yes: 0,
            no: 1,
            ballots: 1,
            denominator: 5,
            approved: false,
            rank: null,
          },
        ],
        tie: null,
      },
    ]);
    expect(session([...history, ...events]).status).toBe('closed');
  });

  it('reports a tie at the quota’s last place', () => {
    const tied: SessionEvent[] = [
      opened({ agenda: [agendaForm(OPEN_FORM, ['n-lan', 'n-minh', 'n-hoa'], { quota: 1 })] }),
      vote(CHAIR, 'n-lan', true),
      vote(SECRETARY, 'n-lan', true),
      vote(CHAIR, 'n-minh', true),
      vote(SECRETARY, 'n-minh', true),
      vote(CHAIR, 'n-hoa', true),
    ];
    const data = closedData(decideCloseSession(command(), given(tied)));
    expect(data.forms[0]?.tie).toEqual({ nominationIds: ['n-lan', 'n-minh'], places: 1, yes: 2 });
  });

  it('leaves out the dossiers no longer open to the vote', () => {
    const data = closedData(decideCloseSession(command({ leftOut: ['n-minh'] }), given(history)));
    expect(data.forms[0]?.tally.map((line) => line.nominationId)).toEqual(['n-lan', 'n-hoa']);
  });

  it('tallies a dossier nobody voted on as no ballots', () => {
    const data = closedData(decideCloseSession(command(), given([opened()])));
    expect(data.forms[1]?.tally[0]).toEqual({
      nominationId: 'n-tuan',
      yes: 0,
      no: 0,
      ballots: 0,
      denominator: 5,
      approved: false,
      rank: null,
    });
  });

  it('refuses to close twice: session-closed', () => {
    const closed = decideCloseSession(command(), given([opened()]));
    const refusal = refusalOf(() => decideCloseSession(command(), given([opened(), ...closed])));
    expect(refusal.code).toBe('session-closed');
  });

  it('refuses an unknown session: not-found', () => {
    expect(refusalOf(() => decideCloseSession(command(), given([]))).code).toBe('not-found');
  });
});
