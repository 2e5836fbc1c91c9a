/**
 * The events stored in a register's stream. The register (sổ đăng ký văn bản đi: the registry
 * clerk's book of outgoing documents) runs one sequence per issuing agency and calendar year, so
 * each agency-year is its own stream and two concurrent assignments collide on the stream's
 * version instead of handing out one number twice. A refusal is stored too (`NumberRefused`), so
 * the outbox relay publishes it as the requester's answer; it takes no number and changes no
 * numbering: the register's entries are the same after it.
 */
export type RegisterEvent = NumberAssigned | NumberVoided | NumberRevoked | NumberRefused;

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
    agencyId: string;
    year: number;
    number: number;
    /** The request that held the number. */
    requestId: string;
    reason: string;
    /** ISO 8601, UTC, from the injected clock. */
    voidedAt: string;
  };
}

/**
 * The document a number was given to was issued and then revoked (a decision revoked by the
 * agency head). Unlike a void, the document existed: the line stays with `Thu hồi: <reason>`, the
 * number is never given again, and the request still holds it (a redelivered request gets none).
 * It carries what the published event needs, so the relay maps it without the register's state.
 */
export interface NumberRevoked {
  type: 'NumberRevoked';
  data: {
    agencyId: string;
    year: number;
    number: number;
    /** As printed after "Số:", `28/QĐ-SKHCN`. */
    formatted: string;
    /** The request that was given the number. */
    requestId: string;
    /** Who held the number (`{ kind: 'decision', id: decisionId }`). */
    requestedBy: RegisterRequester;
    /** As shown in the register: `Thu hồi: <reason>` (NFC). */
    reason: string;
    /** ISO 8601, UTC, from the injected clock. */
    revokedAt: string;
  };
}

/** Why the register refused a request; the codes of `libs/contracts/src/errors.ts`. */
export type RegisterRefusalCode = 'register-number-taken' | 'validation-failed';

/**
 * A request for a number was refused: the requested number was used already, or the request was
 * malformed. Stored only so the relay publishes the answer; it takes no number.
 */
export interface NumberRefused {
  type: 'NumberRefused';
  data: {
    agencyId: string;
    year: number;
    requestId: string;
    requestedBy: RegisterRequester;
    documentKind: RegisterDocumentKind;
    /** The number asked for, or null when the next one was asked for. */
    requestedNumber: number | null;
    code: RegisterRefusalCode;
    /** The refusal's message parameters (`{ number: 27 }`). */
    params: Record<string, string | number | boolean | null>;
    /** For `validation-failed`, the failing fields. */
    errors: { path: string; message: string }[];
    /** ISO 8601, UTC, from the injected clock. */
    refusedAt: string;
  };
}

/** The stream id of an agency's register for one calendar year. */
export function registerStreamId(agencyId: string, year: number): string {
  return `register-${agencyId}-${year}`;
}
