import { DomainError } from '@ttkt/contracts';
import { renamed } from '../../names-over-time';
import { normalizeText } from '../../vietnamese-name';
import type { AgencyEvent } from '../agency.events';
import type { AgencyState } from '../agency.state';

/** Rename an agency from a day on. */
export interface RenameAgency {
  agencyId: string;
  name: string;
  effectiveFrom: string;
}

/** The new name must start after the current one started; the same name again changes nothing. */
export function decideRenameAgency(command: RenameAgency, state: AgencyState): AgencyEvent[] {
  if (state.status !== 'registered') {
    throw new DomainError('not-found', { agencyId: command.agencyId });
  }
  const name = normalizeText(command.name);
  if (name === '') {
    throw new DomainError('validation-failed', {}, [{ path: 'name', message: 'isNotEmpty' }]);
  }
  if (state.names[state.names.length - 1]?.name === name) return [];
  renamed(state.names, name, command.effectiveFrom);
  return [
    {
      type: 'AgencyRenamed',
      data: { agencyId: command.agencyId, name, effectiveFrom: command.effectiveFrom },
    },
  ];
}
