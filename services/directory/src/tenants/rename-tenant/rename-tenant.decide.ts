import { DomainError } from '@ttkt/contracts';
import { renamed } from '../../names-over-time';
import { normalizeText } from '../../vietnamese-name';
import type { TenantEvent } from '../tenant.events';
import type { TenantState } from '../tenant.state';

/** Rename a tenant from a day on. */
export interface RenameTenant {
  tenantId: string;
  name: string;
  effectiveFrom: string;
}

/** The new name must start after the current one started; the same name again changes nothing. */
export function decideRenameTenant(command: RenameTenant, state: TenantState): TenantEvent[] {
  if (state.status !== 'registered') {
    throw new DomainError('not-found', { tenantId: command.tenantId });
  }
  const name = normalizeText(command.name);
  if (name === '') {
    throw new DomainError('validation-failed', {}, [{ path: 'name', message: 'isNotEmpty' }]);
  }
  const current = state.names[state.names.length - 1];
  if (current?.name === name) return [];
  renamed(state.names, name, command.effectiveFrom);
  return [
    {
      type: 'TenantRenamed',
      data: { tenantId: command.tenantId, name, effectiveFrom: command.effectiveFrom },
    },
  ];
}
