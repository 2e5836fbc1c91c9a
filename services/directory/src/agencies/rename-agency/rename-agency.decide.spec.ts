import { refusalOf } from '@ttkt/testing';
import type { AgencyEvent } from '../agency.events';
import { evolveAgency, initialAgencyState } from '../agency.state';
import { decideRenameAgency } from './rename-agency.decide';

const given = (events: AgencyEvent[]) => events.reduce(evolveAgency, initialAgencyState());
const registered: AgencyEvent = {
  type: 'AgencyRegistered',
  data: {
    agencyId: 'sct',
    tenantId: 'bac-kan',
    code: 'SCT',
    name: 'Sở Công Thương',
    parentAgencyId: null,
    validFrom: '2010-01-01',
    validUntil: null,
    predecessorAgencyId: null,
  },
};

describe('renaming an agency', () => {
  it('ends the current name the day before the new one', () => {
    const rename = {
      agencyId: 'sct',
      name: 'Sở Công Thương tỉnh Bắc Kạn',
      effectiveFrom: '2021-01-01',
    };
    const events = decideRenameAgency(rename, given([registered]));
    const state = given([registered, ...events]);
    expect(state.status === 'registered' && state.names).toEqual([
      { name: 'Sở Công Thương', from: '2010-01-01', until: '2020-12-31' },
      { name: 'Sở Công Thương tỉnh Bắc Kạn', from: '2021-01-01', until: null },
    ]);
  });

  it('refuses a name from before the current one started', () => {
    const rename = { agencyId: 'sct', name: 'Khác', effectiveFrom: '2009-12-31' };
    expect(refusalOf(() => decideRenameAgency(rename, given([registered]))).errors).toEqual([
      { path: 'effectiveFrom', message: 'minDate' },
    ]);
  });

  it('refuses an unknown agency as not-found', () => {
    const rename = { agencyId: 'sct', name: 'Khác', effectiveFrom: '2021-01-01' };
    expect(refusalOf(() => decideRenameAgency(rename, given([]))).code).toBe('not-found');
  });
});
