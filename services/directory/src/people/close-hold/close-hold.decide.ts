import { DomainError } from '@ttkt/contracts';
import { normalizeText } from '../../vietnamese-name';
import type { PersonEvent } from '../person.events';
import type { PersonState } from '../person.state';

/** Close an open hold. */
export interface CloseHold {
  personId: string;
  holdId: string;
  reason: string;
  closedOn?: string;
  today: string;
}

/** Only an open hold closes (`invalid-state` otherwise), not before the day it opened. */
export function decideCloseHold(command: CloseHold, state: PersonState): PersonEvent[] {
  if (state.status !== 'registered') {
    throw new DomainError('not-found', { personId: command.personId });
  }
  const hold = state.person.holds.find((candidate) => candidate.id === command.holdId);
  if (!hold) throw new DomainError('not-found', { holdId: command.holdId });
  if (hold.status !== 'open') {
    throw new DomainError('invalid-state', { holdId: command.holdId, status: hold.status });
  }
  const reason = normalizeText(command.reason);
  const closedOn = command.closedOn ?? command.today;
  const errors = [
    ...(reason === '' ? [{ path: 'reason', message: 'isNotEmpty' }] : []),
    ...(closedOn < hold.openedOn ? [{ path: 'closedOn', message: 'minDate' }] : []),
  ];
  if (errors.length > 0) throw new DomainError('validation-failed', {}, errors);
  return [
    {
      type: 'HoldClosed',
      data: {
        personId: state.person.id,
        agencyId: state.person.agencyId,
        holdId: command.holdId,
        reason,
        closedOn,
      },
    },
  ];
}
