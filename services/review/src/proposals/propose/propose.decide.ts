import { DomainError, type RecipientView, type SignerView } from '@ttkt/contracts';
import type { AwardActor } from '../../decisions/decision.events';
import {
  afterToday,
  awardeeOf,
  openCampaignForm,
  partyIssues,
  printedParties,
  selectDossiers,
  sessionOf,
  type AwardSelectionFacts,
} from '../../quota/award-selection';
import { decideTakePlaces } from '../../quota/quota.decide';
import type { QuotaEvent } from '../../quota/quota.events';
import type { ProposalEvent } from '../proposal.events';
import type { ProposalState } from '../proposal.state';

/** The agency head proposes dossiers of a form a higher authority decides. */
export interface Propose {
  type: 'Propose';
  proposalId: string;
  /** The register request's id (new for each proposal). */
  requestId: string;
  campaignId: string;
  awardFormCode: string;
  nominationIds: string[];
  /** The letter's date (`YYYY-MM-DD`; the caller defaults it to today). */
  proposedOn: string;
  signer?: SignerView;
  recipients?: RecipientView[];
  actor: AwardActor | null;
  now: Date;
}

/** What a proposal writes, in one transaction: places on the ledger, the request on its stream. */
export interface ProposeOutcome {
  ledger: QuotaEvent[];
  proposal: ProposalEvent[];
}

/**
 * Checks, in this order: the proposal id is new (`invalid-state`); the campaign is open
 * (`campaign-not-open`); the form is in its plan (`unknown-award-form`), decided by a higher
 * authority (`invalid-state`, `reason: decided-by-agency`) with a proposal stage
 * (`invalid-state`, `reason: no-proposal-stage`); the letter's day starts before the stage's
 * cut-off, `proposedOn` 00:00 +07:00 < cut-off (`deadline-passed`); the letter's day is not after
 * today in Asia/Ho_Chi_Minh (it may lie in the past: the letter was sent on paper;
 * `validation-failed`, `maxDate`) and a given signer's or recipient's text is not blank
 * (`validation-failed`, `isNotEmpty`); the dossiers may take places
 * (see `selectDossiers`); the quota holds them (`quota-exceeded`). Then the places are taken and
 * the number is requested (`TTr`, in the year of `proposedOn`).
 */
export function decidePropose(
  command: Propose,
  proposal: ProposalState,
  facts: AwardSelectionFacts,
): ProposeOutcome {
  if (proposal.status !== 'none') {
    throw new DomainError('invalid-state', {
      proposalId: command.proposalId,
      status: proposal.status,
    });
  }
  const { campaign, form } = openCampaignForm(
    facts.campaign,
    command.campaignId,
    command.awardFormCode,
  );
  if (form.decidedBy.kind !== 'higher-authority') {
    throw new DomainError('invalid-state', {
      awardFormCode: form.code,
      reason: 'decided-by-agency',
    });
  }
  const stage = form.proposalStage;
  if (stage === null) {
    throw new DomainError('invalid-state', {
      awardFormCode: form.code,
      reason: 'no-proposal-stage',
    });
  }
  const cutoff = Date.parse(stage.cutoff);
  if (Number.isNaN(cutoff) || !(Date.parse(`${command.proposedOn}T00:00:00+07:00`) < cutoff)) {
    throw new DomainError('deadline-passed', {
      awardFormCode: form.code,
      cutoff: stage.cutoff,
      proposedOn: command.proposedOn,
    });
  }
  const issues = [
    ...afterToday(command.proposedOn, command.now, 'proposedOn'),
    ...partyIssues(command),
  ];
  if (issues.length > 0) throw new DomainError('validation-failed', {}, issues);
  const dossiers = selectDossiers(command.campaignId, form, command.nominationIds, facts);
  const { signer, recipients } = printedParties(command, campaign);
  const ledger = decideTakePlaces(
    {
      type: 'TakePlaces',
      campaignId: command.campaignId,
      awardFormCode: form.code,
      kind: 'proposal',
      id: command.proposalId,
      nominationIds: command.nominationIds,
      quota: form.quota,
      now: command.now,
    },
    facts.ledger,
  );
  return {
    ledger,
    proposal: [
      {
        type: 'ProposalRequested',
        data: {
          proposalId: command.proposalId,
          requestId: command.requestId,
          campaignId: campaign.campaignId,
          agencyId: campaign.agencyId,
          agencyCode: campaign.agencyCode,
          awardFormCode: form.code,
          awardFormName: form.name,
          proposedOn: command.proposedOn,
          to: stage.to,
          decidedBy: form.decidedBy.title,
          planNumber: campaign.planNumber,
          planTitle: campaign.planTitle,
          planIssuedOn: campaign.planIssuedOn,
          signer,
          recipients,
          nominees: dossiers.map(awardeeOf),
          sessionId: sessionOf(facts.sessions, dossiers),
          at: command.now.toISOString(),
          by: command.actor,
        },
      },
    ],
  };
}
