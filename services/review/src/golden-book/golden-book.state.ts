import type { GoldenBookEntry, GoldenBookEvent } from './golden-book.events';

/** An agency's golden book: the last number given and each decision's numbers. */
export interface GoldenBookState {
  /** The last number given (0 for an empty book). */
  last: number;
  /** The numbers of each decision, by decision id. */
  byDecision: Readonly<Record<string, GoldenBookEntry[]>>;
  /** Events applied. */
  version: number;
}

/** An empty golden book. */
export function initialGoldenBookState(): GoldenBookState {
  return { last: 0, byDecision: {}, version: 0 };
}

/** Applies one stored event. */
export function evolveGoldenBook(state: GoldenBookState, event: GoldenBookEvent): GoldenBookState {
  const numbers = event.data.entries.map((entry) => entry.number);
  return {
    last: Math.max(state.last, ...numbers),
    byDecision: { ...state.byDecision, [event.data.decisionId]: event.data.entries },
    version: state.version + 1,
  };
}

/** The state after some events. */
export function foldGoldenBook(
  events: readonly GoldenBookEvent[],
  state: GoldenBookState = initialGoldenBookState(),
): GoldenBookState {
  return events.reduce(evolveGoldenBook, state);
}
