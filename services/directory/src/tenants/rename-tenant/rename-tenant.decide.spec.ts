import { refusalOf } from '@ttkt/testing';
import type { TenantEvent } from '../tenant.events';
import { evolveTenant, initialTenantState } from '../tenant.state';
import { decideRenameTenant } from './rename-tenant.decide';

const given = (events: TenantEvent[]) => events.reduce(evolveTenant, initialTenantState());
const registered: TenantEvent = {
  type: 'TenantRegistered',
  data: { tenantId: 'bac-kan', code: 'BK', name: 'Tỉnh Bắc Kạn' },
};
const rename = { tenantId: 'bac-kan', name: 'Tỉnh Thái Nguyên', effectiveFrom: '2025-07-01' };

describe('renaming a tenant', () => {
  it('records the new name; the old one ends the day before', () => {
    const events = decideRenameTenant(rename, given([registered]));
    expect(events).toEqual([{ type: 'TenantRenamed', data: rename }]);
    const state = given([registered, ...events]);
    expect(state.status === 'registered' && state.names).toEqual([
      { name: 'Tỉnh Bắc Kạn', from: null, until: '2025-06-30' },
      { name: 'Tỉnh Thái Nguyên', from: '2025-07-01', until: null },
    ]);
  });

  it('refuses a new name that does not start after the current one', () => {
    const renamed = decideRenameTenant(rename, given([registered]));
    const again = { ...rename, name: 'Tỉnh Khác', effectiveFrom: '2025-07-01' };
    expect(
      refusalOf(() => decideRenameTenant(again, given([registered, ...renamed]))).errors,
    ).toEqual([{ path: 'effectiveFrom', message: 'minDate' }]);
  });

  it('changes nothing for the current name again', () => {
    expect(decideRenameTenant({ ...rename, name: 'Tỉnh Bắc Kạn' }, given([registered]))).toEqual(
      [],
    );
  });

  it('refuses an unknown tenant as not-found', () => {
    expect(refusalOf(() => decideRenameTenant(rename, given([]))).code).toBe('not-found');
  });
});
