import { REVIEW_SESSION_CLOSED_V1, SessionClosedV1 } from '@ttkt/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { decideCloseSession } from './close-session/close-session.decide';
import { sessionContractEvents } from './session.published';
import {
  CHAIR,
  M3,
  SECRETARY,
  SESSION_ID,
  at,
  ballot,
  given,
  opened,
  user,
  vote,
} from './session.spec-fixture';
import type { SessionEvent } from './session.events';

const history: SessionEvent[] = [
  opened(),
  vote(CHAIR, 'n-lan', true),
  vote(M3, 'n-lan', false),
  ballot(CHAIR, 'n-tuan'),
  ballot(SECRETARY, 'n-tuan'),
];
const closed = decideCloseSession(
  {
    type: 'CloseSession',
    sessionId: SESSION_ID,
    secretCounts: { 'n-tuan': { yes: 1, no: 1 } },
    leftOut: [],
    actor: user(SECRETARY),
    now: at('2021-05-20T11:00:00+07:00'),
  },
  given(history),
);

describe('the session’s published events', () => {
  it('publishes the close as review.session-closed.v1, valid against the contract', () => {
    const [payload] = sessionContractEvents(closed[0] as SessionEvent);
    expect(payload?.type).toBe(REVIEW_SESSION_CLOSED_V1);
    const data = payload?.data as SessionClosedV1;
    expect(
      validateSync(plainToInstance(SessionClosedV1, data), { forbidUnknownValues: false }),
    ).toEqual([]);
    expect(data).toEqual(
      expect.objectContaining({
        sessionId: SESSION_ID,
        heldOn: '2021-05-20',
        chairUserId: CHAIR,
        closedAt: '2021-05-20T04:00:00.000Z',
      }),
    );
    expect(data.forms[1]).toEqual({
      awardFormCode: 'BANG_KHEN_CT_UBND',
      quota: 1,
      fraction: '2/3',
      of: 'all-members',
      secretBallot: true,
      tally: [
        {
          nominationId: 'n-tuan',
          yes: 1,
          no: 1,
          ballots: 2,
          denominator: 5,
          approved: false,
          rank: null,
        },
        {
          nominationId: 'n-binh',
          yes: 0,
          no: 0,
          ballots: 0,
          denominator: 5,
          approved: false,
          rank: null,
        },
      ],
      tie: null,
    });
  });

  it('keeps the opening, votes, ballots and tie-breaks inside, and ignores other areas’ events', () => {
    for (const event of history) expect(sessionContractEvents(event)).toEqual([]);
    expect(sessionContractEvents({ type: 'DossierAccepted', data: {} })).toEqual([]);
  });
});
