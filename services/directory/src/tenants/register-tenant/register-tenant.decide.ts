import { DomainError } from '@ttkt/contracts';
import { normalizeText } from '../../vietnamese-name';
import type { TenantEvent } from '../tenant.events';
import type { TenantState } from '../tenant.state';

/** Register a tenant (a province or a ministry). */
export interface RegisterTenant {
  tenantId: string;
  code: string;
  name: string;
}

/** A tenant is registered once; the code's uniqueness is the read table's (`alreadyTaken`). */
export function decideRegisterTenant(command: RegisterTenant, state: TenantState): TenantEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('invalid-state', { tenantId: command.tenantId, status: state.status });
  }
  const code = normalizeText(command.code);
  const name = normalizeText(command.name);
  const errors = [
    ...(code === '' ? [{ path: 'code', message: 'isNotEmpty' }] : []),
    ...(name === '' ? [{ path: 'name', message: 'isNotEmpty' }] : []),
  ];
  if (errors.length > 0) throw new DomainError('validation-failed', {}, errors);
  return [{ type: 'TenantRegistered', data: { tenantId: command.tenantId, code, name } }];
}
