import type { ProposalEvent } from '../proposal.events';
import type { ProposalState } from '../proposal.state';

/** The register numbered a proposal's request. */
export interface RecordProposalNumber {
  type: 'RecordProposalNumber';
  requestId: string;
  /** As printed (`06/TTr-SKHCN`). */
  formatted: string;
  number: number;
  year: number;
  assignedAt: string;
  now: Date;
}

/** The register refused a proposal's request. */
export interface RecordProposalRefusal {
  type: 'RecordProposalRefusal';
  requestId: string;
  code: string;
  params: Record<string, string | number | boolean | null>;
  now: Date;
}

/** True when the proposal waits for the register's answer to this request. */
export function proposalAwaitsAnswer(state: ProposalState, requestId: string): boolean {
  return state.status === 'issuing' && state.requestId === requestId;
}

/** The number of the current request sends the letter; any other answer is moot. */
export function decideProposalNumber(
  command: RecordProposalNumber,
  state: ProposalState,
): ProposalEvent[] {
  if (state.status === 'none' || !proposalAwaitsAnswer(state, command.requestId)) return [];
  return [
    {
      type: 'ProposalIssued',
      data: {
        proposalId: state.proposalId,
        campaignId: state.campaignId,
        agencyId: state.agencyId,
        agencyCode: state.agencyCode,
        awardFormCode: state.awardFormCode,
        awardFormName: state.awardFormName,
        proposedOn: state.proposedOn,
        to: state.to,
        decidedBy: state.decidedBy,
        planNumber: state.planNumber,
        planTitle: state.planTitle,
        planIssuedOn: state.planIssuedOn,
        signer: state.signer,
        recipients: state.recipients,
        nominees: state.nominees,
        sessionId: state.sessionId,
        requestId: command.requestId,
        number: command.formatted,
        registerNumber: command.number,
        year: command.year,
        assignedAt: command.assignedAt,
        at: command.now.toISOString(),
      },
    },
  ];
}

/** A refusal of the current request fails the proposal; any other is moot. */
export function decideProposalRefusal(
  command: RecordProposalRefusal,
  state: ProposalState,
): ProposalEvent[] {
  if (state.status === 'none' || !proposalAwaitsAnswer(state, command.requestId)) return [];
  return [
    {
      type: 'ProposalFailed',
      data: {
        proposalId: state.proposalId,
        campaignId: state.campaignId,
        requestId: command.requestId,
        code: command.code,
        params: command.params,
        at: command.now.toISOString(),
      },
    },
  ];
}
