/**
 * The events of an agency's golden book (`goldenbook-<agencyId>`, sổ vàng): one sequence of
 * numbers per agency, given to each awardee of a decision when the decision is numbered, in the
 * decision's order, after the last number given. A number is never given twice nor reused (a
 * revoked decision keeps its numbers).
 */
export type GoldenBookEvent = GoldenBookNumbersAssigned;

/** One awardee's number. */
export interface GoldenBookEntry {
  nominationId: string;
  number: number;
}

/** A decision's awardees got their golden-book numbers. */
export interface GoldenBookNumbersAssigned {
  type: 'GoldenBookNumbersAssigned';
  data: {
    agencyId: string;
    decisionId: string;
    entries: GoldenBookEntry[];
    at: string;
  };
}

/** The stream type of golden books. */
export const GOLDEN_BOOK_STREAM_TYPE = 'goldenbook';

/** An agency's golden-book stream id (`goldenbook-<agencyId>`). */
export function goldenBookStreamId(agencyId: string): string {
  return `${GOLDEN_BOOK_STREAM_TYPE}-${agencyId}`;
}
