import type { NominationStatus } from '@ttkt/contracts';
import type { NominationActor, NominationEvent } from '../nomination.events';
import { existingNomination } from '../nomination-rules';
import type { NominationState } from '../nomination.state';

/** A hold on the dossier's nominee opened or closed (from the consumed directory events). */
export type HoldChange =
  | { kind: 'opened'; holdId: string; holdKind: string; openedOn: string }
  | { kind: 'closed'; holdId: string };

/** Carry a directory hold change to one dossier of the person. */
export interface ChangeHold {
  type: 'ChangeHold';
  nominationId: string;
  change: HoldChange;
  actor: NominationActor | null;
  now: Date;
}

/** Statuses on which a newly opened hold is no longer flagged. */
export const HOLD_IGNORED_STATUSES: readonly NominationStatus[] = ['withdrawn', 'not-approved'];

/**
 * An opened hold is flagged on a live dossier of an individual (not withdrawn nor not-approved),
 * once; a closed hold is cleared when the dossier carries it. Anything else changes nothing, so
 * redelivered directory events are harmless.
 */
export function decideHoldChange(command: ChangeHold, state: NominationState): NominationEvent[] {
  const nomination = existingNomination(state, command.nominationId);
  const { change } = command;
  const carried = nomination.holds.some((hold) => hold.holdId === change.holdId);
  const base = {
    nominationId: nomination.nominationId,
    at: command.now.toISOString(),
    by: command.actor,
  };
  if (change.kind === 'closed') {
    return carried
      ? [{ type: 'NominationHoldCleared', data: { ...base, holdId: change.holdId } }]
      : [];
  }
  if (
    carried ||
    nomination.nominee.kind !== 'individual' ||
    HOLD_IGNORED_STATUSES.includes(nomination.status)
  ) {
    return [];
  }
  return [
    {
      type: 'NominationHoldFlagged',
      data: { ...base, holdId: change.holdId, kind: change.holdKind, openedOn: change.openedOn },
    },
  ];
}
