import { DomainError, numberRevokedReason } from '@ttkt/contracts';
import type { RegisterEvent } from '../register.events';
import type { RegisterState } from '../register.state';

/**
 * Mark revoked the number of a decision that was issued and then revoked
 * (`review.decision-revoked.v1`). `now` comes from the injected clock.
 */
export interface RevokeNumber {
  type: 'RevokeNumber';
  number: number;
  /** The revoked decision: the number must be the one assigned to it. */
  decisionId: string;
  /** The agency head's reason; the register shows it as `Thu hồi: <reason>`. */
  reason: string;
  now: Date;
}

/** The requester kind a revocable number was assigned to. */
const DECISION = 'decision';

/**
 * Only a number assigned to that very decision can be revoked, always with a reason; the line
 * stays, marked revoked, and the number is never given again. Revoking it again changes nothing
 * (a redelivery). A number held by another requester (`invalid-state`), one never assigned
 * (`not-found`) or a voided one (`invalid-state`: no document was issued under it) is refused.
 */
export function decideRevokeNumber(command: RevokeNumber, state: RegisterState): RegisterEvent[] {
  const given = command.reason.normalize('NFC').trim();
  if (given.length === 0) {
    throw new DomainError('validation-failed', {}, [{ path: 'reason', message: 'isNotEmpty' }]);
  }
  const entry = state.numbers.get(command.number);
  if (entry === undefined) throw new DomainError('not-found', { number: command.number });
  const { requestedBy } = entry.assignment;
  if (requestedBy.kind !== DECISION || requestedBy.id !== command.decisionId) {
    // The number went to another document: revoking it would strike a good number off the book.
    throw new DomainError('invalid-state', {
      number: command.number,
      decisionId: command.decisionId,
    });
  }
  if (entry.status === 'revoked') return [];
  if (entry.status === 'voided') {
    throw new DomainError('invalid-state', { number: command.number, status: entry.status });
  }
  const { agencyId, year, formatted, requestId } = entry.assignment;
  return [
    {
      type: 'NumberRevoked',
      data: {
        agencyId,
        year,
        number: command.number,
        formatted,
        requestId,
        requestedBy: { kind: requestedBy.kind, id: requestedBy.id },
        reason: numberRevokedReason(given).normalize('NFC'),
        revokedAt: command.now.toISOString(),
      },
    },
  ];
}
