import { DomainError } from '@ttkt/contracts';
import { numberOfRequest } from '../assign-number/assign-number.decide';
import type { RegisterEvent } from '../register.events';
import type { RegisterState } from '../register.state';

/**
 * Void a number whose requester could not complete (the saga's compensation, or the registry
 * clerk correcting the register). `now` comes from the injected clock.
 */
export interface VoidNumber {
  type: 'VoidNumber';
  number: number;
  /** When given, the request the number must belong to (the saga releases its own number only). */
  requestId?: string;
  /** Why the number was not used; shown in the register beside the number. */
  reason: string;
  now: Date;
}

/**
 * Only an assigned number can be voided, always with a reason; voiding it again changes nothing,
 * so a repeated compensation is harmless. A requester voids only a number its request holds. A
 * revoked number is refused (`invalid-state`): its document was issued.
 */
export function decideVoidNumber(command: VoidNumber, state: RegisterState): RegisterEvent[] {
  const reason = command.reason.normalize('NFC').trim();
  if (reason.length === 0) {
    throw new DomainError('validation-failed', {}, [{ path: 'reason', message: 'isNotEmpty' }]);
  }
  const entry = state.numbers.get(command.number);
  if (entry === undefined) throw new DomainError('not-found', { number: command.number });
  if (command.requestId !== undefined && entry.assignment.requestId !== command.requestId) {
    // The number went to another request: voiding it would take a good number from its holder.
    throw new DomainError('invalid-state', {
      number: command.number,
      requestId: command.requestId,
    });
  }
  if (entry.status === 'voided') return [];
  if (entry.status === 'revoked') {
    // Its document was issued (then revoked): it cannot become a number never used.
    throw new DomainError('invalid-state', { number: command.number, status: entry.status });
  }
  const { agencyId, year, requestId } = entry.assignment;
  return [
    {
      type: 'NumberVoided',
      data: {
        agencyId,
        year,
        number: command.number,
        requestId,
        reason,
        voidedAt: command.now.toISOString(),
      },
    },
  ];
}

/**
 * Void whatever number a request holds (the requester gave the request up: an issue cancelled),
 * if it holds one. `now` comes from the injected clock.
 */
export interface VoidRequestNumber {
  type: 'VoidRequestNumber';
  requestId: string;
  /** Why the number was not used; shown in the register beside the number. */
  reason: string;
  now: Date;
}

/**
 * The number the request holds is voided with the reason. A request that holds none (its number
 * not assigned yet, or voided already, e.g. released by its requester) changes nothing, so this
 * and the requester's own release may both run, in either order, and leave one void. A request
 * whose number was revoked (its document issued) is refused as {@link decideVoidNumber} refuses it.
 */
export function decideVoidRequestNumber(
  command: VoidRequestNumber,
  state: RegisterState,
): RegisterEvent[] {
  const held = numberOfRequest(state, command.requestId);
  if (held === undefined) return [];
  return decideVoidNumber(
    {
      type: 'VoidNumber',
      number: held.number,
      requestId: command.requestId,
      reason: command.reason,
      now: command.now,
    },
    state,
  );
}
