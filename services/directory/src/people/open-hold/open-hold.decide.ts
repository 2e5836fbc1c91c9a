import { DomainError, type HoldKind } from '@ttkt/contracts';
import { normalizeText } from '../../vietnamese-name';
import type { PersonEvent } from '../person.events';
import type { PersonState } from '../person.state';

/** Open a hold on a person. */
export interface OpenHold {
  personId: string;
  holdId: string;
  kind: HoldKind;
  reason: string;
  source: string;
  openedOn?: string;
  today: string;
}

/** A hold id is used once per person; reason and source are required. */
export function decideOpenHold(command: OpenHold, state: PersonState): PersonEvent[] {
  if (state.status !== 'registered') {
    throw new DomainError('not-found', { personId: command.personId });
  }
  if (state.person.holds.some((hold) => hold.id === command.holdId)) {
    throw new DomainError('invalid-state', { holdId: command.holdId });
  }
  const reason = normalizeText(command.reason);
  const source = normalizeText(command.source);
  const errors = [
    ...(reason === '' ? [{ path: 'reason', message: 'isNotEmpty' }] : []),
    ...(source === '' ? [{ path: 'source', message: 'isNotEmpty' }] : []),
  ];
  if (errors.length > 0) throw new DomainError('validation-failed', {}, errors);
  return [
    {
      type: 'HoldOpened',
      data: {
        personId: state.person.id,
        agencyId: state.person.agencyId,
        holdId: command.holdId,
        kind: command.kind,
        reason,
        source,
        openedOn: command.openedOn ?? command.today,
      },
    },
  ];
}
