import { refusalOf } from '@ttkt/testing';
import type { UnitEvent } from '../unit.events';
import { evolveUnit, initialUnitState } from '../unit.state';
import { decideCreateUnit } from './create-unit.decide';

const given = (events: UnitEvent[]) => events.reduce(evolveUnit, initialUnitState());
const command = {
  agencyId: 'skhcn',
  unitId: 'u-vp',
  code: 'VP',
  name: 'Văn phòng Sở',
  isSecretariat: true,
};
const facts = { agencyKnown: true, parentUnitAgencyId: null };

describe('creating a unit', () => {
  it('records it in its agency', () => {
    expect(decideCreateUnit(command, given([]), facts)).toEqual([
      {
        type: 'UnitCreated',
        data: {
          unitId: 'u-vp',
          agencyId: 'skhcn',
          code: 'VP',
          name: 'Văn phòng Sở',
          isSecretariat: true,
          parentUnitId: null,
        },
      },
    ]);
  });

  it('refuses a parent unit of another agency', () => {
    const error = refusalOf(() =>
      decideCreateUnit({ ...command, parentUnitId: 'u-x' }, given([]), {
        agencyKnown: true,
        parentUnitAgencyId: 'other',
      }),
    );
    expect(error.errors).toEqual([{ path: 'parentUnitId', message: 'unknownUnit' }]);
  });

  it('refuses an unknown agency as not-found and a repeated id as invalid-state', () => {
    expect(
      refusalOf(() => decideCreateUnit(command, given([]), { ...facts, agencyKnown: false })).code,
    ).toBe('not-found');
    const created = decideCreateUnit(command, given([]), facts);
    expect(refusalOf(() => decideCreateUnit(command, given(created), facts)).code).toBe(
      'invalid-state',
    );
  });
});
