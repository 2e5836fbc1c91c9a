import { refusalOf } from '@ttkt/testing';
import type { TenantEvent } from '../tenant.events';
import { evolveTenant, initialTenantState } from '../tenant.state';
import { decideRegisterTenant } from './register-tenant.decide';

const given = (events: TenantEvent[]) => events.reduce(evolveTenant, initialTenantState());
const command = { tenantId: 'bac-kan', code: 'BK', name: 'Tỉnh Bắc Kạn'.normalize('NFD') };

describe('registering a tenant', () => {
  it('records its code and its name in NFC', () => {
    expect(decideRegisterTenant(command, given([]))).toEqual([
      { type: 'TenantRegistered', data: { tenantId: 'bac-kan', code: 'BK', name: 'Tỉnh Bắc Kạn' } },
    ]);
  });

  it('refuses a second registration of the same id as invalid-state', () => {
    const registered = decideRegisterTenant(command, given([]));
    expect(refusalOf(() => decideRegisterTenant(command, given(registered))).code).toBe(
      'invalid-state',
    );
  });

  it('refuses a blank name', () => {
    expect(
      refusalOf(() => decideRegisterTenant({ ...command, name: ' ' }, given([]))).errors,
    ).toEqual([{ path: 'name', message: 'isNotEmpty' }]);
  });
});
