import type { StoredEvent } from '@ttkt/event-store';
import { decideCloseSession } from './close-session/close-session.decide';
import { sessionHistoryItems } from './session-history';
import type { SessionEvent } from './session.events';
import {
  CHAIR,
  M3,
  OPEN_FORM,
  SECRETARY,
  SESSION_ID,
  agendaForm,
  at,
  ballot,
  given,
  opened,
  user,
  vote,
} from './session.spec-fixture';

function stored(events: SessionEvent[]): StoredEvent[] {
  return events.map((event, index) => ({
    tenantId: 'bac-kan',
    streamId: `session-${SESSION_ID}`,
    streamPosition: index + 1,
    globalPosition: BigInt(index + 1),
    transactionId: 1n,
    eventId: `e-${index}`,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: {
      tenantId: 'bac-kan',
      occurredAt: event.data.at,
      ...(event.data.by ? { actor: { kind: 'user' as const, id: event.data.by.id } } : {}),
    },
    recordedAt: new Date(event.data.at),
  }));
}

describe('a dossier’s session history', () => {
  const voting: SessionEvent[] = [
    opened({
      agenda: [
        agendaForm(OPEN_FORM, ['n-lan', 'n-minh'], { quota: 1 }),
        agendaForm('BANG_KHEN_CT_UBND', ['n-tuan']),
      ],
    }),
    vote(CHAIR, 'n-lan', true),
    vote(SECRETARY, 'n-lan', true),
    vote(CHAIR, 'n-minh', true),
    vote(SECRETARY, 'n-minh', true),
    ballot(CHAIR, 'n-tuan'),
    ballot(M3, 'n-tuan'),
  ];
  const events: SessionEvent[] = [
    ...voting,
    ...decideCloseSession(
      {
        type: 'CloseSession',
        sessionId: SESSION_ID,
        secretCounts: { 'n-tuan': { yes: 2, no: 0 } },
        leftOut: [],
        actor: user(SECRETARY),
        now: at('2021-05-20T11:00:00+07:00'),
      },
      given(voting),
    ),
    {
      type: 'TieBreakRecorded',
      data: {
        sessionId: SESSION_ID,
        awardFormCode: OPEN_FORM,
        chosenNominationIds: ['n-minh'],
        reason: 'Ưu tiên nữ',
        byUserId: CHAIR,
        at: '2021-05-20T04:30:00.000Z',
        by: user(CHAIR),
      },
    },
  ];

  it('shows a secret ballot’s voter only, and the dossier’s tally line', () => {
    const items = sessionHistoryItems(stored(events), 'n-tuan');
    expect(items).toEqual([
      {
        type: 'BallotCast',
        at: '2021-05-20T02:00:00.000Z',
        actor: { kind: 'user', id: CHAIR },
        data: { sessionId: SESSION_ID, voterUserId: CHAIR },
      },
      {
        type: 'BallotCast',
        at: '2021-05-20T02:00:00.000Z',
        actor: { kind: 'user', id: M3 },
        data: { sessionId: SESSION_ID, voterUserId: M3 },
      },
      {
        type: 'SessionClosed',
        at: '2021-05-20T04:00:00.000Z',
        actor: { kind: 'user', id: SECRETARY },
        data: {
          sessionId: SESSION_ID,
          heldOn: '2021-05-20',
          awardFormCode: 'BANG_KHEN_CT_UBND',
          threshold: { fraction: '2/3', of: 'all-members' },
          secretBallot: true,
          nominationId: 'n-tuan',
          yes: 2,
          no: 0,
          ballots: 2,
          denominator: 5,
          approved: false,
          rank: null,
          tied: false,
        },
      },
    ]);
  });

  it('shows an open vote with its choice, and the tie-break of a tied dossier', () => {
    const items = sessionHistoryItems(stored(events), 'n-lan');
    expect(items.map((item) => item.type)).toEqual([
      'VoteCast',
      'VoteCast',
      'SessionClosed',
      'TieBreakRecorded',
    ]);
    expect(items[0]?.data).toEqual({ sessionId: SESSION_ID, voterUserId: CHAIR, approve: true });
    expect(items[2]?.data).toEqual(expect.objectContaining({ tied: true, rank: 1 }));
    expect(items[3]?.data).toEqual({
      sessionId: SESSION_ID,
      awardFormCode: OPEN_FORM,
      chosen: false,
      reason: 'Ưu tiên nữ',
    });
  });

  it('shows nothing of a session the dossier was not on', () => {
    expect(sessionHistoryItems(stored(events), 'n-other')).toEqual([]);
  });
});
