import type { AwardeeView, RecipientView, SignerView } from '@ttkt/contracts';

/**
 * The events of a decision (`decision-<id>`): the agency head's decision awarding approved
 * dossiers of one award form, numbered by the agency's register (`…/QĐ-<agency>`) through the
 * register saga. Its places are held in the form's quota ledger from the request on.
 */
export type DecisionEvent = DecisionRequested | DecisionIssued | DecisionFailed | DecisionRevoked;

/** Who did it. */
export interface AwardActor {
  kind: string;
  id: string;
}

/** The plan a decision or proposal rests on (its legal basis). */
export interface AwardPlanFacts {
  /** `27/KH-SKHCN`. */
  planNumber: string;
  planTitle: string;
  planIssuedOn: string;
}

/** What a decision prints besides its number, fixed when it is requested. */
export interface DecisionContent extends AwardPlanFacts {
  decisionId: string;
  campaignId: string;
  agencyId: string;
  /** The agency's code in the symbol (`SKHCN`). */
  agencyCode: string;
  awardFormCode: string;
  awardFormName: string;
  /** `YYYY-MM-DD`: the register's year is its year. */
  decidedOn: string;
  signer: SignerView;
  recipients: RecipientView[];
  /** The awardees in the decision's order (golden-book numbers null until issued). */
  awardees: AwardeeView[];
  /** The council session the dossiers passed, or null. */
  sessionId: string | null;
}

/** The decision was made and its number asked of the register (`review.number-requested.v1`). */
export interface DecisionRequested {
  type: 'DecisionRequested';
  data: DecisionContent & {
    /** The register request's id (its answer carries it back). */
    requestId: string;
    /** When (ISO-8601). */
    at: string;
    by: AwardActor | null;
  };
}

/**
 * The register numbered the decision: it is issued, with its awardees' golden-book numbers
 * (`review.decision-issued.v1`). Carries the whole decision as issued: the awardees are those of
 * the request whose dossiers were not withdrawn meanwhile (possibly none: the number is taken all
 * the same, and revoking the decision is how it is cancelled).
 */
export interface DecisionIssued {
  type: 'DecisionIssued';
  data: DecisionContent & {
    /**
     * The dossiers of the request withdrawn before the number came: left out of the awardees and
     * of the golden book, their places given back (absent in events recorded before this rule).
     */
    withdrawnNominationIds?: string[];
    requestId: string;
    /** As printed after "Số:" (`05/QĐ-SKHCN`). */
    number: string;
    /** The register's number alone. */
    registerNumber: number;
    /** The register's year. */
    year: number;
    /** When the register assigned it (ISO-8601). */
    assignedAt: string;
    at: string;
  };
}

/** The register refused the request: the decision failed and its places came back. */
export interface DecisionFailed {
  type: 'DecisionFailed';
  data: {
    decisionId: string;
    campaignId: string;
    requestId: string;
    code: string;
    params: Record<string, string | number | boolean | null>;
    at: string;
  };
}

/**
 * The agency head revoked the issued decision (`review.decision-revoked.v1`): its number stays in
 * the register marked revoked, its places come back, its dossiers go back to `approved`.
 */
export interface DecisionRevoked {
  type: 'DecisionRevoked';
  data: {
    decisionId: string;
    campaignId: string;
    agencyId: string;
    awardFormCode: string;
    number: string;
    registerNumber: number;
    year: number;
    reason: string;
    nominationIds: string[];
    at: string;
    by: AwardActor | null;
  };
}

/** The stream type of decisions. */
export const DECISION_STREAM_TYPE = 'decision';

/** A decision's stream id (`decision-<id>`). */
export function decisionStreamId(decisionId: string): string {
  return `${DECISION_STREAM_TYPE}-${decisionId}`;
}
