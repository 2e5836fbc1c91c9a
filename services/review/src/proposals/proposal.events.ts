import type { AwardeeView, RecipientView, SignerView } from '@ttkt/contracts';
import type { AwardActor, AwardPlanFacts } from '../decisions/decision.events';

/**
 * The events of a proposal (`proposal-<id>`, tờ trình): the agency's letter proposing approved
 * dossiers of a form a higher authority decides, numbered by the agency's register
 * (`…/TTr-<agency>`) through the register saga, then the higher authority's outcome. Its places
 * are held in the form's quota ledger from the request on (and stay held after the outcome).
 */
export type ProposalEvent =
  ProposalRequested | ProposalIssued | ProposalFailed | ProposalOutcomeRecorded;

/** What a proposal prints besides its number, fixed when it is requested. */
export interface ProposalContent extends AwardPlanFacts {
  proposalId: string;
  campaignId: string;
  agencyId: string;
  /** The agency's code in the symbol (`SKHCN`). */
  agencyCode: string;
  awardFormCode: string;
  awardFormName: string;
  /** The letter's date (`YYYY-MM-DD`). */
  proposedOn: string;
  /** Whom it goes to (the proposal stage's `to`). */
  to: string;
  /** Who decides (`Chủ tịch UBND tỉnh`). */
  decidedBy: string;
  signer: SignerView;
  recipients: RecipientView[];
  /** The nominees proposed, in the letter's order. */
  nominees: AwardeeView[];
  /** The council session the dossiers passed, or null. */
  sessionId: string | null;
}

/** The proposal was made and its number asked of the register (`review.number-requested.v1`). */
export interface ProposalRequested {
  type: 'ProposalRequested';
  data: ProposalContent & { requestId: string; at: string; by: AwardActor | null };
}

/** The register numbered the letter: it is sent (`review.proposal-issued.v1`). */
export interface ProposalIssued {
  type: 'ProposalIssued';
  data: ProposalContent & {
    requestId: string;
    /** As printed after "Số:" (`06/TTr-SKHCN`). */
    number: string;
    registerNumber: number;
    year: number;
    assignedAt: string;
    at: string;
  };
}

/** The register refused the request: the proposal failed and its places came back. */
export interface ProposalFailed {
  type: 'ProposalFailed';
  data: {
    proposalId: string;
    campaignId: string;
    requestId: string;
    code: string;
    params: Record<string, string | number | boolean | null>;
    at: string;
  };
}

/** The higher authority's outcome (`review.proposal-outcome-recorded.v1`). */
export interface ProposalOutcomeRecorded {
  type: 'ProposalOutcomeRecorded';
  data: {
    proposalId: string;
    campaignId: string;
    agencyId: string;
    awardFormCode: string;
    approvedNominationIds: string[];
    notApprovedNominationIds: string[];
    /** The higher authority's decision number as printed. */
    decisionNumber: string;
    decidedOn: string;
    at: string;
    by: AwardActor | null;
  };
}

/** The stream type of proposals. */
export const PROPOSAL_STREAM_TYPE = 'proposal';

/** A proposal's stream id (`proposal-<id>`). */
export function proposalStreamId(proposalId: string): string {
  return `${PROPOSAL_STREAM_TYPE}-${proposalId}`;
}
