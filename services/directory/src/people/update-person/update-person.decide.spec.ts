import { refusalOf } from '@ttkt/testing';
import type { PersonEvent } from '../person.events';
import { evolvePerson, initialPersonState } from '../person.state';
import { decideUpdatePerson } from './update-person.decide';

const given = (events: PersonEvent[]) => events.reduce(evolvePerson, initialPersonState());
const registered: PersonEvent = {
  type: 'PersonRegistered',
  data: {
    personId: 'p-1',
    agencyId: 'skhcn',
    code: 'CB01',
    fullName: 'Hoàng Văn Đức',
    dateOfBirth: '1980-01-02',
    gender: 'male',
    unitId: 'u-vp',
    position: 'Chuyên viên',
  },
};
const transfer = {
  personId: 'p-1',
  expectedVersion: 1,
  effectiveOn: '2021-04-01',
  changes: { unitId: 'u-khtc', position: 'Phó Trưởng phòng' },
  today: '2021-03-30',
};

describe('changing a person', () => {
  it('records a dated transfer with the person after it, and keeps it in the history', () => {
    const events = decideUpdatePerson(transfer, given([registered]), { unitAgencyId: 'skhcn' });
    expect(events[0]?.data).toMatchObject({
      unitId: 'u-khtc',
      position: 'Phó Trưởng phòng',
      fullName: 'Hoàng Văn Đức',
      effectiveOn: '2021-04-01',
      changes: { unitId: 'u-khtc', position: 'Phó Trưởng phòng' },
    });
    const state = given([registered, ...events]);
    expect(state.status === 'registered' && state.person).toMatchObject({
      unitId: 'u-khtc',
      version: 2,
      history: [
        { effectiveOn: '2021-04-01', changes: { unitId: 'u-khtc', position: 'Phó Trưởng phòng' } },
      ],
    });
  });

  it('refuses a stale version as precondition-failed', () => {
    const stale = { ...transfer, expectedVersion: 2 };
    const error = refusalOf(() =>
      decideUpdatePerson(stale, given([registered]), { unitAgencyId: 'skhcn' }),
    );
    expect(error.code).toBe('precondition-failed');
    expect(error.params).toEqual({ expected: 2, actual: 1 });
  });

  it('records nothing when nothing changes, and dates a change today by default', () => {
    const same = { ...transfer, changes: { position: 'Chuyên viên' } };
    expect(decideUpdatePerson(same, given([registered]), { unitAgencyId: null })).toEqual([]);
    const { effectiveOn: _dated, ...undated } = transfer;
    const [event] = decideUpdatePerson(
      { ...undated, changes: { fullName: 'Hoàng Văn Đạt' } },
      given([registered]),
      { unitAgencyId: null },
    );
    expect(event?.data).toMatchObject({ effectiveOn: '2021-03-30' });
  });

  it('refuses a unit of another agency', () => {
    const error = refusalOf(() =>
      decideUpdatePerson(transfer, given([registered]), { unitAgencyId: 'x' }),
    );
    expect(error.errors).toEqual([{ path: 'changes.unitId', message: 'unknownUnit' }]);
  });
});
