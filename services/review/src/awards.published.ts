import {
  REVIEW_DECISION_ISSUED_V1,
  REVIEW_DECISION_REVOKED_V1,
  REVIEW_NUMBER_REQUESTED_V1,
  REVIEW_PROPOSAL_ISSUED_V1,
  REVIEW_PROPOSAL_OUTCOME_RECORDED_V1,
  type AwardeeView,
  type AwardeeV1,
  type DecisionIssuedV1,
  type DecisionRevokedV1,
  type ProposalIssuedV1,
  type ProposalOutcomeRecordedV1,
  type ReviewNumberRequestedV1,
} from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';
import type { ContractPayload } from '@ttkt/messaging';
import type { DecisionEvent } from './decisions/decision.events';
import type { ProposalEvent } from './proposals/proposal.events';

/** The awards' stored events that are published (ledgers and golden books stay inside). */
type AwardEvent = DecisionEvent | ProposalEvent;

const AWARD_TYPES: ReadonlySet<string> = new Set<AwardEvent['type']>([
  'DecisionRequested',
  'DecisionIssued',
  'DecisionFailed',
  'DecisionRevoked',
  'ProposalRequested',
  'ProposalIssued',
  'ProposalFailed',
  'ProposalOutcomeRecorded',
]);

/**
 * Maps a stored award event to its contract payload (`[]` when it is not an award event or is not
 * published): a decision's or proposal's request → `review.number-requested.v1` (the register
 * numbers it, `QĐ` or `TTr`); `DecisionIssued` → `review.decision-issued.v1`; `DecisionRevoked` →
 * `review.decision-revoked.v1`; `ProposalIssued` → `review.proposal-issued.v1`;
 * `ProposalOutcomeRecorded` → `review.proposal-outcome-recorded.v1`. A failure stays inside (the
 * register knows its refusal).
 */
export function awardContractEvents(stored: Pick<StoredEvent, 'type' | 'data'>): ContractPayload[] {
  if (!AWARD_TYPES.has(stored.type)) return [];
  const payload = contractOf(stored as AwardEvent);
  return payload === null ? [] : [payload];
}

function contractOf(event: AwardEvent): ContractPayload | null {
  switch (event.type) {
    case 'DecisionRequested': {
      const { data } = event;
      const payload: ReviewNumberRequestedV1 = {
        requestId: data.requestId,
        agencyId: data.agencyId,
        agencyCode: data.agencyCode,
        documentKind: 'QĐ',
        issuedOn: data.decidedOn,
        requesterKind: 'decision',
        requesterId: data.decisionId,
      };
      return { type: REVIEW_NUMBER_REQUESTED_V1, data: payload };
    }
    case 'ProposalRequested': {
      const { data } = event;
      const payload: ReviewNumberRequestedV1 = {
        requestId: data.requestId,
        agencyId: data.agencyId,
        agencyCode: data.agencyCode,
        documentKind: 'TTr',
        issuedOn: data.proposedOn,
        requesterKind: 'proposal',
        requesterId: data.proposalId,
      };
      return { type: REVIEW_NUMBER_REQUESTED_V1, data: payload };
    }
    case 'DecisionIssued': {
      const { data } = event;
      const payload: DecisionIssuedV1 = {
        ...numbered(data),
        decisionId: data.decisionId,
        decidedOn: data.decidedOn,
        awardees: data.awardees.map(awardeeV1),
        issuedAt: data.at,
      };
      return { type: REVIEW_DECISION_ISSUED_V1, data: payload };
    }
    case 'DecisionRevoked': {
      const { data } = event;
      const payload: DecisionRevokedV1 = {
        decisionId: data.decisionId,
        campaignId: data.campaignId,
        agencyId: data.agencyId,
        number: data.number,
        registerNumber: data.registerNumber,
        year: data.year,
        reason: data.reason,
        nominationIds: data.nominationIds,
        revokedAt: data.at,
      };
      return { type: REVIEW_DECISION_REVOKED_V1, data: payload };
    }
    case 'ProposalIssued': {
      const { data } = event;
      const payload: ProposalIssuedV1 = {
        ...numbered(data),
        proposalId: data.proposalId,
        proposedOn: data.proposedOn,
        to: data.to,
        decidedBy: data.decidedBy,
        nominees: data.nominees.map(awardeeV1),
        issuedAt: data.at,
      };
      return { type: REVIEW_PROPOSAL_ISSUED_V1, data: payload };
    }
    case 'ProposalOutcomeRecorded': {
      const { data } = event;
      const payload: ProposalOutcomeRecordedV1 = {
        proposalId: data.proposalId,
        campaignId: data.campaignId,
        agencyId: data.agencyId,
        approvedNominationIds: data.approvedNominationIds,
        notApprovedNominationIds: data.notApprovedNominationIds,
        decisionNumber: data.decisionNumber,
        decidedOn: data.decidedOn,
        recordedAt: data.at,
      };
      return { type: REVIEW_PROPOSAL_OUTCOME_RECORDED_V1, data: payload };
    }
    case 'DecisionFailed':
    case 'ProposalFailed':
      return null;
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/** The fields a numbered decision and proposal share in their contract events. */
function numbered(
  data:
    | (DecisionEvent & { type: 'DecisionIssued' })['data']
    | (ProposalEvent & { type: 'ProposalIssued' })['data'],
) {
  return {
    campaignId: data.campaignId,
    agencyId: data.agencyId,
    awardFormCode: data.awardFormCode,
    awardFormName: data.awardFormName,
    number: data.number,
    registerNumber: data.registerNumber,
    year: data.year,
    planNumber: data.planNumber,
    planTitle: data.planTitle,
    planIssuedOn: data.planIssuedOn,
    signer: { ...data.signer },
    recipients: data.recipients.map((recipient) => ({ ...recipient })),
    sessionId: data.sessionId,
  };
}

function awardeeV1(awardee: AwardeeView): AwardeeV1 {
  return {
    nominationId: awardee.nominationId,
    nominee: { ...awardee.nominee },
    personId: awardee.personId,
    unitId: awardee.unitId,
    nominatingUnitId: awardee.nominatingUnitId,
    achievementSummary: awardee.achievementSummary,
    goldenBookNumber: awardee.goldenBookNumber,
  };
}
