import { decideGoldenBookNumbers, type AssignGoldenBookNumbers } from './golden-book.decide';
import {
  evolveGoldenBook,
  initialGoldenBookState,
  type GoldenBookState,
} from './golden-book.state';

const NOW = new Date('2021-05-20T09:00:00+07:00');

function assign(decisionId: string, nominationIds: string[]): AssignGoldenBookNumbers {
  return {
    type: 'AssignGoldenBookNumbers',
    agencyId: 'skhcn',
    decisionId,
    nominationIds,
    now: NOW,
  };
}

function apply(state: GoldenBookState, command: AssignGoldenBookNumbers): GoldenBookState {
  return decideGoldenBookNumbers(command, state).reduce(evolveGoldenBook, state);
}

describe('the golden book', () => {
  it('numbers a decision’s awardees from 1 in the decision’s order', () => {
    expect(
      decideGoldenBookNumbers(assign('d1', ['c', 'a', 'b']), initialGoldenBookState()),
    ).toEqual([
      {
        type: 'GoldenBookNumbersAssigned',
        data: {
          agencyId: 'skhcn',
          decisionId: 'd1',
          entries: [
            { nominationId: 'c', number: 1 },
            { nominationId: 'a', number: 2 },
            { nominationId: 'b', number: 3 },
          ],
          at: NOW.toISOString(),
        },
      },
    ]);
  });

  it('continues the numbering across decisions (one sequence per agency, never reused)', () => {
    const state = apply(
      apply(initialGoldenBookState(), assign('d1', ['a', 'b', 'c'])),
      assign('d2', ['d']),
    );
    expect(state.byDecision['d2']).toEqual([{ nominationId: 'd', number: 4 }]);
    // A later decision of the same dossiers (after a revocation) gets new numbers.
    const again = apply(state, assign('d3', ['a', 'b']));
    expect(again.byDecision['d3']).toEqual([
      { nominationId: 'a', number: 5 },
      { nominationId: 'b', number: 6 },
    ]);
    expect(again.last).toBe(6);
  });

  it('gives a decision its numbers once (a redelivered answer gets none)', () => {
    const state = apply(initialGoldenBookState(), assign('d1', ['a']));
    expect(decideGoldenBookNumbers(assign('d1', ['a']), state)).toEqual([]);
  });
});
