import type { NominationStatus } from '@ttkt/contracts';
import type { NominationActor, NominationEvent } from '../nomination.events';
import { nominationIn } from '../nomination-rules';
import type { NominationState } from '../nomination.state';

/** Withdraw a dossier. */
export interface WithdrawNomination {
  type: 'WithdrawNomination';
  nominationId: string;
  reason?: string;
  actor: NominationActor | null;
  now: Date;
}

/** The statuses a dossier may be withdrawn from: every one before a decision. */
export const WITHDRAWABLE_STATUSES: readonly NominationStatus[] = [
  'draft',
  'submitted',
  'returned',
  'accepted',
  'approved',
  'proposed',
];

/**
 * Before a decision only: not once `awarded` or `not-approved`, nor twice (`invalid-state`). The
 * reason is kept in NFC (empty when none is given).
 */
export function decideWithdraw(
  command: WithdrawNomination,
  state: NominationState,
): NominationEvent[] {
  const nomination = nominationIn(state, command.nominationId, WITHDRAWABLE_STATUSES);
  return [
    {
      type: 'NominationWithdrawn',
      data: {
        nominationId: nomination.nominationId,
        at: command.now.toISOString(),
        by: command.actor,
        reason: (command.reason ?? '').normalize('NFC').trim(),
      },
    },
  ];
}
