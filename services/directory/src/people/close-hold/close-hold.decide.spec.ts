import { refusalOf } from '@ttkt/testing';
import type { PersonEvent } from '../person.events';
import { evolvePerson, initialPersonState } from '../person.state';
import { decideCloseHold } from './close-hold.decide';

const given = (events: PersonEvent[]) => events.reduce(evolvePerson, initialPersonState());
const history: PersonEvent[] = [
  {
    type: 'PersonRegistered',
    data: {
      personId: 'p-1',
      agencyId: 'skhcn',
      code: null,
      fullName: 'Lê Văn Tám',
      dateOfBirth: '1980-01-02',
      gender: 'male',
      unitId: 'u-vp',
      position: 'Chuyên viên',
    },
  },
  {
    type: 'HoldOpened',
    data: {
      personId: 'p-1',
      agencyId: 'skhcn',
      holdId: 'h-1',
      kind: 'discipline',
      reason: 'Khiển trách',
      source: 'QĐ 5/QĐ-SKHCN',
      openedOn: '2021-01-10',
    },
  },
];
const close = { personId: 'p-1', holdId: 'h-1', reason: 'Hết thời hạn', today: '2021-03-30' };

describe('closing a hold', () => {
  it('takes the person off hold when no other hold is open', () => {
    const events = decideCloseHold(close, given(history));
    const state = given([...history, ...events]);
    expect(state.status === 'registered' && state.person).toMatchObject({
      onHold: false,
      holds: [{ id: 'h-1', status: 'closed', closedOn: '2021-03-30', closeReason: 'Hết thời hạn' }],
    });
  });

  it('refuses a closed hold as invalid-state and an unknown one as not-found', () => {
    const closed = decideCloseHold(close, given(history));
    expect(refusalOf(() => decideCloseHold(close, given([...history, ...closed]))).code).toBe(
      'invalid-state',
    );
    expect(refusalOf(() => decideCloseHold({ ...close, holdId: 'h-9' }, given(history))).code).toBe(
      'not-found',
    );
  });

  it('refuses a close before the day the hold opened', () => {
    const early = { ...close, closedOn: '2021-01-09' };
    expect(refusalOf(() => decideCloseHold(early, given(history))).errors).toEqual([
      { path: 'closedOn', message: 'minDate' },
    ]);
  });
});
