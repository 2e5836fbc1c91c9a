import type { ProposalStatus, ProposalView } from '@ttkt/contracts';
import type { AwardActor } from '../decisions/decision.events';
import type { ProposalContent, ProposalEvent } from './proposal.events';

/** A proposal as its stream folds. */
export interface Proposal extends ProposalContent {
  status: ProposalStatus;
  /** The current register request. */
  requestId: string;
  /** Who proposed (the agency head). */
  requestedBy: AwardActor | null;
  number: string | null;
  registerNumber: number | null;
  year: number | null;
  refusal: string | null;
  outcome: ProposalView['outcome'];
  createdAt: string;
  version: number;
}

/** A proposal's state: none until requested. */
export type ProposalState = { status: 'none' } | Proposal;

/** The state of a stream with no events. */
export function initialProposalState(): ProposalState {
  return { status: 'none' };
}

/** Applies one stored event (total: stored events are facts). */
export function evolveProposal(state: ProposalState, event: ProposalEvent): ProposalState {
  if (event.type === 'ProposalRequested') {
    const { requestId, at, by, ...content } = event.data;
    return {
      ...content,
      status: 'issuing',
      requestId,
      requestedBy: by,
      number: null,
      registerNumber: null,
      year: null,
      refusal: null,
      outcome: null,
      createdAt: at,
      version: (state.status === 'none' ? 0 : state.version) + 1,
    };
  }
  if (state.status === 'none') return state;
  const version = state.version + 1;
  switch (event.type) {
    case 'ProposalIssued':
      return {
        ...state,
        status: 'proposed',
        number: event.data.number,
        registerNumber: event.data.registerNumber,
        year: event.data.year,
        version,
      };
    case 'ProposalFailed':
      return { ...state, status: 'failed', refusal: event.data.code, version };
    case 'ProposalOutcomeRecorded':
      return {
        ...state,
        status: 'decided',
        outcome: {
          approvedNominationIds: event.data.approvedNominationIds,
          decisionNumber: event.data.decisionNumber,
          decidedOn: event.data.decidedOn,
          recordedAt: event.data.at,
        },
        version,
      };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/** The state after some events. */
export function foldProposal(
  events: readonly ProposalEvent[],
  state: ProposalState = initialProposalState(),
): ProposalState {
  return events.reduce(evolveProposal, state);
}

/** The proposal as the API shows it. */
export function toProposalView(proposal: Proposal): ProposalView {
  return {
    id: proposal.proposalId,
    campaignId: proposal.campaignId,
    agencyId: proposal.agencyId,
    awardFormCode: proposal.awardFormCode,
    awardFormName: proposal.awardFormName,
    status: proposal.status,
    number: proposal.number,
    proposedOn: proposal.proposedOn,
    to: proposal.to,
    decidedBy: proposal.decidedBy,
    signer: proposal.signer,
    recipients: proposal.recipients,
    nominees: proposal.nominees,
    refusal: proposal.refusal,
    outcome: proposal.outcome,
    createdAt: proposal.createdAt,
    version: proposal.version,
  };
}
