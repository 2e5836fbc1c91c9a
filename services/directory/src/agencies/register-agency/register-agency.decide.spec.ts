import { refusalOf } from '@ttkt/testing';
import type { AgencyEvent } from '../agency.events';
import { evolveAgency, initialAgencyState } from '../agency.state';
import { decideRegisterAgency, type RegisterAgency } from './register-agency.decide';

const given = (events: AgencyEvent[]) => events.reduce(evolveAgency, initialAgencyState());
const known = { tenantKnown: true, parentKnown: true, predecessorKnown: true };
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
        predecessorKnown: false,
      }),
    );
    expect(error.errors).toEqual([
      { path: 'parentAgencyId', message: 'unknownAgency' },
      { path: 'predecessorAgencyId', message: 'unknownAgency' },
    ]);
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
