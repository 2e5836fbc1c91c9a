/**
 * The events stored in a register's stream. The register (sổ đăng ký văn bản đi: the registry
 * clerk's book of outgoing documents) runs one sequence per issuing agency and calendar year, so
 * each agency-year is its own stream and two concurrent assignments collide on the stream's
 * version instead of handing out one number twice. A refusal is not stored: the requester gets
 * `register-number-taken` and the register is unchanged.
 */
export type RegisterEvent = NumberAssigned | NumberVoided;

/**
 * The numbered kinds of document a campaign issues, written as they appear in the symbol: KH (kế
 * hoạch, a plan), QĐ (quyết định, a decision), TTr (tờ trình, a proposal letter to a higher
 * authority). Đ is U+0110, one letter with no decomposed form.
 */
export type RegisterDocumentKind = 'KH' | 'QĐ' | 'TTr';

/** Who asked for a number, so the register can show who holds each one. */
export interface RegisterRequester {
  /** What asked: `campaign`, `decision`, `proposal`, or a `user` recording a paper number. */
  kind: string;
  id: string;
}

/** A number went to a document about to be issued. */
export interface NumberAssigned {
  type: 'NumberAssigned';
  data: {
    /** Kept in the event (not only in the stream id) so projections need not parse stream ids. */
    agencyId: string;
    year: number;
    /** The number alone (số), from 1 each calendar year. */
    number: number;
    /** The symbol (ký hiệu): kind and agency code, `KH-SKHCN`. */
    symbol: string;
    /** As printed after "Số:", zero-padded below 10: `01/KH-SKHCN`, `27/KH-SKHCN`. */
    formatted: string;
    documentKind: RegisterDocumentKind;
    /** The agency's code on the issue date; agencies merge and rename, the number does not. */
    agencyCode: string;
    /** The requester's own id (the campaign's for its plan): a retry finds this number again. */
    requestId: string;
    requestedBy: RegisterRequester;
    /** The document's local calendar date (YYYY-MM-DD); its year is the register's year. */
    issuedOn: string;
    /** The instant of the assignment (ISO 8601, UTC), from the injected clock. */
    assignedAt: string;
  };
}

/**
 * A number whose requester could not complete was voided. It stays in the register with the
 * reason, as a crossed-out line does on paper, and is never given again: no silent gaps.
 */
export interface NumberVoided {
  type: 'NumberVoided';
  data: {
    number: number;
    reason: string;
    /** ISO 8601, UTC, from the injected clock. */
    voidedAt: string;
  };
}

/** The stream id of an agency's register for one calendar year. */
export function registerStreamId(agencyId: string, year: number): string {
  return `register-${agencyId}-${year}`;
}
