import { refusalOf } from '@ttkt/testing';
import type { PersonEvent } from '../person.events';
import { evolvePerson, initialPersonState } from '../person.state';
import { decideOpenHold } from './open-hold.decide';

const given = (events: PersonEvent[]) => events.reduce(evolvePerson, initialPersonState());
const registered: PersonEvent = {
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
};
const open = {
  personId: 'p-1',
  holdId: 'h-1',
  kind: 'complaint' as const,
  reason: 'Đơn khiếu nại chưa giải quyết',
  source: 'Công văn 12/TTr',
  today: '2021-03-30',
};

describe('opening a hold', () => {
  it('puts the person on hold from today by default', () => {
    const events = decideOpenHold(open, given([registered]));
    expect(events[0]?.data).toMatchObject({
      holdId: 'h-1',
      openedOn: '2021-03-30',
      agencyId: 'skhcn',
    });
    const state = given([registered, ...events]);
    expect(state.status === 'registered' && state.person.onHold).toBe(true);
  });

  it('refuses the same hold id twice as invalid-state', () => {
    const opened = decideOpenHold(open, given([registered]));
    expect(refusalOf(() => decideOpenHold(open, given([registered, ...opened]))).code).toBe(
      'invalid-state',
    );
  });

  it('refuses an unknown person as not-found', () => {
    expect(refusalOf(() => decideOpenHold(open, given([]))).code).toBe('not-found');
  });
});
