import { DomainError, type RecipientView, type SignerView } from '@ttkt/contracts';
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
import type { AwardActor, DecisionEvent } from '../decision.events';
import type { DecisionState } from '../decision.state';

/** The agency head decides awards of a form within its quota. */
export interface Decide {
  type: 'Decide';
  decisionId: string;
  /** The register request's id (new for each decision). */
  requestId: string;
  campaignId: string;
  awardFormCode: string;
  nominationIds: string[];
  decidedOn: string;
  /** Default: the campaign's signer. */
  signer?: SignerView;
  /** Default: the campaign's recipients. */
  recipients?: RecipientView[];
  actor: AwardActor | null;
  now: Date;
}

/** What a decision writes, in one transaction: places on the ledger, the request on its stream. */
export interface DecideOutcome {
  ledger: QuotaEvent[];
  decision: DecisionEvent[];
}

/**
 * Checks, in this order: the decision id is new (`invalid-state`); `decidedOn` is not after today
 * in Asia/Ho_Chi_Minh (`validation-failed`, `maxDate`) and a given signer's or recipient's text is
 * not blank (`validation-failed`, `isNotEmpty`); the campaign is open
 * (`campaign-not-open`); the form is in its plan (`unknown-award-form`) and decided by the agency
 * head (`invalid-state`, `reason: decided-by-higher-authority`); the dossiers may take places
 * (see `selectDossiers`: `not-found`, `invalid-state`, `already-decided`, `not-recommended`,
 * `nominee-on-hold`, `tie-unresolved`); the quota holds them (`quota-exceeded`). Then the places
 * are taken and the number is requested (`QĐ`, in the year of `decidedOn`).
 */
export function decideDecide(
  command: Decide,
  decision: DecisionState,
  facts: AwardSelectionFacts,
): DecideOutcome {
  if (decision.status !== 'none') {
    throw new DomainError('invalid-state', {
      decisionId: command.decisionId,
      status: decision.status,
    });
  }
  const issues = [
    ...afterToday(command.decidedOn, command.now, 'decidedOn'),
    ...partyIssues(command),
  ];
  if (issues.length > 0) throw new DomainError('validation-failed', {}, issues);
  const { campaign, form } = openCampaignForm(
    facts.campaign,
    command.campaignId,
    command.awardFormCode,
  );
  if (form.decidedBy.kind !== 'agency-head') {
    throw new DomainError('invalid-state', {
      awardFormCode: form.code,
      reason: 'decided-by-higher-authority',
    });
  }
  const dossiers = selectDossiers(command.campaignId, form, command.nominationIds, facts);
  const { signer, recipients } = printedParties(command, campaign);
  const ledger = decideTakePlaces(
    {
      type: 'TakePlaces',
      campaignId: command.campaignId,
      awardFormCode: form.code,
      kind: 'decision',
      id: command.decisionId,
      nominationIds: command.nominationIds,
      quota: form.quota,
      now: command.now,
    },
    facts.ledger,
  );
  return {
    ledger,
    decision: [
      {
        type: 'DecisionRequested',
        data: {
          decisionId: command.decisionId,
          requestId: command.requestId,
          campaignId: campaign.campaignId,
          agencyId: campaign.agencyId,
          agencyCode: campaign.agencyCode,
          awardFormCode: form.code,
          awardFormName: form.name,
          decidedOn: command.decidedOn,
          planNumber: campaign.planNumber,
          planTitle: campaign.planTitle,
          planIssuedOn: campaign.planIssuedOn,
          signer,
          recipients,
          awardees: dossiers.map(awardeeOf),
          sessionId: sessionOf(facts.sessions, dossiers),
          at: command.now.toISOString(),
          by: command.actor,
        },
      },
    ],
  };
}
