import { refusalOf } from '@ttkt/testing';
import type { AgencyEvent } from '../agency.events';
import { evolveAgency, initialAgencyState } from '../agency.state';
import {
  decideRegisterAgency,
  type RegisterAgency,
  type RegisterAgencyFacts,
} from './register-agency.decide';

const given = (events: AgencyEvent[]) => events.reduce(evolveAgency, initialAgencyState());
const known: RegisterAgencyFacts = {
  tenantKnown: true,
  parentKnown: true,
  predecessor: { validUntil: '2025-06-30', successorAgencyId: null },
};
const successor: RegisterAgency = {
  tenantId: 'thai-nguyen',
  agencyId: 'skhcn-thai-nguyen',
  code: 'SKHCN',
  name: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên',
  validFrom: '2025-07-01',
  predecessorAgencyId: 'skhcn-bac-kan',
};

describe('registering an agency', () => {
  it('records a successor with its predecessor and its first name from validFrom', () => {
    const events = decideRegisterAgency(successor, given([]), known);
    expect(events).toEqual([
      {
        type: 'AgencyRegistered',
        data: {
          agencyId: 'skhcn-thai-nguyen',
          tenantId: 'thai-nguyen',
          code: 'SKHCN',
          name: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên',
          parentAgencyId: null,
          validFrom: '2025-07-01',
          validUntil: null,
          predecessorAgencyId: 'skhcn-bac-kan',
        },
      },
    ]);
    const state = given(events);
    expect(state.status === 'registered' && state.names).toEqual([
      { name: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên', from: '2025-07-01', until: null },
    ]);
  });

  it('refuses a predecessor or parent that is not an agency of the tenant', () => {
    const error = refusalOf(() =>
      decideRegisterAgency({ ...successor, parentAgencyId: 'x' }, given([]), {
        tenantKnown: true,
        parentKnown: false,
        predecessor: null,
      }),
    );
    expect(error.errors).toEqual([
      { path: 'parentAgencyId', message: 'unknownAgency' },
      { path: 'predecessorAgencyId', message: 'unknownAgency' },
    ]);
  });

  it('refuses a predecessor still in force on the day its successor begins', () => {
    const stillValid = (validUntil: string | null, validFrom?: string) => {
      const { validFrom: _from, ...rest } = successor;
      const command = validFrom === undefined ? rest : { ...rest, validFrom };
      return refusalOf(() =>
        decideRegisterAgency(command, given([]), {
          ...known,
          predecessor: { validUntil, successorAgencyId: null },
        }),
      );
    };
    for (const error of [
      stillValid(null, '2025-07-01'),
      stillValid('2025-07-01', '2025-07-01'),
      stillValid('2025-08-01', '2025-07-01'),
      stillValid('2025-06-30'),
    ]) {
      expect(error.code).toBe('validation-failed');
      expect(error.errors).toEqual([
        { path: 'predecessorAgencyId', message: 'predecessorStillValid' },
      ]);
    }
  });

  it('refuses a second successor of the same predecessor as invalid-state', () => {
    const error = refusalOf(() =>
      decideRegisterAgency(successor, given([]), {
        ...known,
        predecessor: { validUntil: '2025-06-30', successorAgencyId: 'skhcn-other' },
      }),
    );
    expect(error.code).toBe('invalid-state');
    expect(error.errors).toEqual([{ path: 'predecessorAgencyId', message: 'alreadyTaken' }]);
  });

  it('refuses an agency that ends before it starts', () => {
    const error = refusalOf(() =>
      decideRegisterAgency({ ...successor, validUntil: '2025-06-30' }, given([]), known),
    );
    expect(error.errors).toEqual([{ path: 'validUntil', message: 'minDate' }]);
  });

  it('refuses an unknown tenant as not-found and a repeated id as invalid-state', () => {
    const unknownTenant = { ...known, tenantKnown: false };
    expect(refusalOf(() => decideRegisterAgency(successor, given([]), unknownTenant)).code).toBe(
      'not-found',
    );
    const registered = decideRegisterAgency(successor, given([]), known);
    expect(refusalOf(() => decideRegisterAgency(successor, given(registered), known)).code).toBe(
      'invalid-state',
    );
  });
});
