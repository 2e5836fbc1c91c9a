import type { GoldenBookEvent } from './golden-book.events';
import type { GoldenBookState } from './golden-book.state';

/** Give a numbered decision's awardees their golden-book numbers. */
export interface AssignGoldenBookNumbers {
  type: 'AssignGoldenBookNumbers';
  agencyId: string;
  decisionId: string;
  /** The awardees, in the decision's order. */
  nominationIds: string[];
  now: Date;
}

/**
 * The next numbers after the last one given, one per awardee in the decision's order; a decision
 * that already has its numbers gets no new ones (a redelivered answer).
 */
export function decideGoldenBookNumbers(
  command: AssignGoldenBookNumbers,
  state: GoldenBookState,
): GoldenBookEvent[] {
  if (state.byDecision[command.decisionId] !== undefined) return [];
  if (command.nominationIds.length === 0) return [];
  return [
    {
      type: 'GoldenBookNumbersAssigned',
      data: {
        agencyId: command.agencyId,
        decisionId: command.decisionId,
        entries: command.nominationIds.map((nominationId, index) => ({
          nominationId,
          number: state.last + index + 1,
        })),
        at: command.now.toISOString(),
      },
    },
  ];
}
