import { refusalOf } from '@ttkt/testing';
import type { PersonEvent } from '../person.events';
import { evolvePerson, initialPersonState } from '../person.state';
import { decideRegisterPerson, type RegisterPerson } from './register-person.decide';

const given = (events: PersonEvent[]) => events.reduce(evolvePerson, initialPersonState());
const command: RegisterPerson = {
  agencyId: 'skhcn',
  personId: 'p-1',
  fullName: '  Nguyễn   Thị Hồng Nhung '.normalize('NFD'),
  dateOfBirth: '1985-05-12',
  gender: 'female',
  unitId: 'u-vp',
  position: 'Chánh Văn phòng',
  today: '2021-03-30',
};
const facts = { agencyKnown: true, unitAgencyId: 'skhcn' };

describe('registering a person', () => {
  it('records the name in NFC with single spaces; the given name is the last word', () => {
    const events = decideRegisterPerson(command, given([]), facts);
    expect(events[0]?.data).toMatchObject({ fullName: 'Nguyễn Thị Hồng Nhung', code: null });
    const state = given(events);
    expect(state.status === 'registered' && state.person).toMatchObject({
      givenName: 'Nhung',
      onHold: false,
      history: [],
      version: 1,
    });
  });

  it('refuses a date of birth after today and a unit of another agency', () => {
    const error = refusalOf(() =>
      decideRegisterPerson({ ...command, dateOfBirth: '2021-03-31' }, given([]), {
        agencyKnown: true,
        unitAgencyId: 'other',
      }),
    );
    expect(error.errors).toEqual([
      { path: 'dateOfBirth', message: 'maxDate' },
      { path: 'unitId', message: 'unknownUnit' },
    ]);
  });

  it('refuses an unknown agency as not-found and a repeated id as invalid-state', () => {
    expect(
      refusalOf(() => decideRegisterPerson(command, given([]), { ...facts, agencyKnown: false }))
        .code,
    ).toBe('not-found');
    const registered = decideRegisterPerson(command, given([]), facts);
    expect(refusalOf(() => decideRegisterPerson(command, given(registered), facts)).code).toBe(
      'invalid-state',
    );
  });
});
