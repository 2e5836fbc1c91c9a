import { DomainError, type ValidationIssue } from '@ttkt/contracts';
import type { AwardActor } from '../../decisions/decision.events';
import type { DossierOutcome } from '../../dossiers/dossier-outcomes';
import { afterToday } from '../../quota/award-selection';
import type { ProposalEvent, ProposalOutcomeRecorded } from '../proposal.events';
import type { ProposalState } from '../proposal.state';

/** The secretariat records the higher authority's outcome of a proposal. */
export interface RecordProposalOutcome {
  type: 'RecordProposalOutcome';
  proposalId: string;
  approvedNominationIds: string[];
  decisionNumber: string;
  decidedOn: string;
  /** The proposal's nominees whose dossiers were withdrawn since (read by the caller). */
  withdrawnNominationIds: readonly string[];
  actor: AwardActor | null;
  now: Date;
}

/**
 * Only a sent proposal (`proposed`) gets an outcome (`not-found` for none, `invalid-state`
 * otherwise). Then `validation-failed` at each failing path: the decision number blank once
 * trimmed (`decisionNumber`, `isNotEmpty`), `decidedOn` after today in Asia/Ho_Chi_Minh
 * (`decidedOn`, `maxDate`; it may lie in the past), an approved dossier not among the nominees
 * (`approvedNominationIds[i]`, `notInProposal`) or withdrawn since it was proposed
 * (`approvedNominationIds[i]`, `withdrawn`: it cannot be awarded). Every other nominee is not
 * approved; the caller moves the approved ones to `awarded` and the rest to `not-approved` in the
 * same transaction. Their places stay taken: the proposal used them.
 */
export function decideProposalOutcome(
  command: RecordProposalOutcome,
  state: ProposalState,
): ProposalEvent[] {
  if (state.status === 'none')
    throw new DomainError('not-found', { proposalId: command.proposalId });
  if (state.status !== 'proposed') {
    throw new DomainError('invalid-state', { proposalId: state.proposalId, status: state.status });
  }
  const nominees = state.nominees.map((nominee) => nominee.nominationId);
  const decisionNumber = command.decisionNumber.normalize('NFC').trim();
  const issues: ValidationIssue[] = [];
  if (decisionNumber === '') issues.push({ path: 'decisionNumber', message: 'isNotEmpty' });
  issues.push(...afterToday(command.decidedOn, command.now, 'decidedOn'));
  command.approvedNominationIds.forEach((nominationId, index) => {
    const path = `approvedNominationIds[${index}]`;
    if (!nominees.includes(nominationId)) issues.push({ path, message: 'notInProposal' });
    else if (command.withdrawnNominationIds.includes(nominationId)) {
      issues.push({ path, message: 'withdrawn' });
    }
  });
  if (issues.length > 0) throw new DomainError('validation-failed', {}, issues);
  const approved = new Set(command.approvedNominationIds);
  return [
    {
      type: 'ProposalOutcomeRecorded',
      data: {
        proposalId: state.proposalId,
        campaignId: state.campaignId,
        agencyId: state.agencyId,
        awardFormCode: state.awardFormCode,
        approvedNominationIds: nominees.filter((id) => approved.has(id)),
        notApprovedNominationIds: nominees.filter((id) => !approved.has(id)),
        decisionNumber,
        decidedOn: command.decidedOn,
        at: command.now.toISOString(),
        by: command.actor,
      },
    },
  ];
}

/**
 * What the recorded outcome does to each nominee's dossier: `awarded` by the higher authority's
 * decision (its number; the proposal stands for the decision's id) for the approved ones,
 * `not-approved` (`proposal-outcome`) for the rest.
 */
export function nomineeOutcomes(
  recorded: ProposalOutcomeRecorded['data'],
): { nominationId: string; outcome: DossierOutcome }[] {
  const { at, by } = recorded;
  return [
    ...recorded.approvedNominationIds.map((nominationId) => ({
      nominationId,
      outcome: {
        kind: 'awarded' as const,
        decisionId: recorded.proposalId,
        decisionNumber: recorded.decisionNumber,
        at,
        by,
      },
    })),
    ...recorded.notApprovedNominationIds.map((nominationId) => ({
      nominationId,
      outcome: {
        kind: 'not-approved' as const,
        cause: 'proposal-outcome' as const,
        refId: recorded.proposalId,
        at,
        by,
      },
    })),
  ];
}
