import { CHAIR, M3, M4, ballot, opened, session, vote } from './session.spec-fixture';
import { toSessionView } from './session.view';

describe('the session’s view while open', () => {
  const view = toSessionView(
    session([
      opened(),
      vote(CHAIR, 'n-lan', true),
      vote(M3, 'n-lan', true),
      vote(M3, 'n-lan', false),
      ballot(CHAIR, 'n-tuan'),
      ballot(M4, 'n-tuan'),
    ]),
  );

  it('shows each member’s current open vote', () => {
    expect(view.votes.find((line) => line.nominationId === 'n-lan')).toEqual({
      nominationId: 'n-lan',
      voters: 2,
      votes: [
        { voterUserId: CHAIR, approve: true },
        { voterUserId: M3, approve: false },
      ],
      votedUserIds: [],
    });
  });

  it('shows only who cast a secret ballot, and how many', () => {
    expect(view.votes.find((line) => line.nominationId === 'n-tuan')).toEqual({
      nominationId: 'n-tuan',
      voters: 2,
      votes: [],
      votedUserIds: [CHAIR, M4],
    });
    expect(view.votes.find((line) => line.nominationId === 'n-binh')).toEqual({
      nominationId: 'n-binh',
      voters: 0,
      votes: [],
      votedUserIds: [],
    });
  });

  it('has no result until closed', () => {
    expect(view.status).toBe('open');
    expect(view.result).toBeNull();
    expect(view.version).toBe(6);
  });
});
