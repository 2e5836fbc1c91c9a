import { DomainError } from '@ttkt/contracts';
import type { RegisterEvent } from '../register.events';
import type { RegisterState } from '../register.state';

/**
 * Void a number whose requester could not complete (the saga's compensation, or the registry
 * clerk correcting the register). `now` comes from the injected clock.
 */
export interface VoidNumber {
  type: 'VoidNumber';
  number: number;
  /** Why the number was not used; shown in the register beside the number. */
  reason: string;
  now: Date;
}

/**
 * Only an assigned number can be voided, always with a reason; voiding it again changes nothing,
 * so a repeated compensation is harmless.
 */
export function decideVoidNumber(command: VoidNumber, state: RegisterState): RegisterEvent[] {
  const reason = command.reason.normalize('NFC').trim();
  if (reason.length === 0) {
    throw new DomainError('validation-failed', {}, [{ path: 'reason', message: 'isNotEmpty' }]);
  }
  const entry = state.numbers.get(command.number);
  if (entry === undefined) throw new DomainError('not-found', { number: command.number });
  if (entry.status === 'voided') return [];
  return [
    {
      type: 'NumberVoided',
      data: { number: command.number, reason, voidedAt: command.now.toISOString() },
    },
  ];
}
