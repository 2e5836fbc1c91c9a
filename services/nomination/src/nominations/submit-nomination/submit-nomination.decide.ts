import type { NominationActor, NominationEvent } from '../nomination.events';
import {
  assertBeforeCutoff,
  assertEligible,
  assertNoMissingDocuments,
  assertNotOnHold,
  awardFormOf,
  EDITABLE_STATUSES,
  effectiveCutoff,
  nominationIn,
  openCampaign,
  snapshotOf,
  type CampaignFacts,
  type HoldFacts,
  type NomineeFacts,
  type UnitFacts,
} from '../nomination-rules';
import type { NominationState } from '../nomination.state';

export type { CampaignFacts, HoldFacts, NomineeFacts, UnitFacts } from '../nomination-rules';

/** Submit (or resubmit) a dossier. The facts come from the copies; `now` from the injected clock. */
export interface SubmitNomination {
  type: 'SubmitNomination';
  nominationId: string;
  /** The dossier's campaign from the copy (amended cut-offs applied), or null. */
  campaign: CampaignFacts | null;
  /** The dossier's nominee as the directory copy knows it now, or null. */
  nomineeFacts: NomineeFacts | null;
  /** The campaign agency's units. */
  units: UnitFacts[];
  /** The person's open holds now (empty for a collective). */
  openHolds: HoldFacts[];
  actor: NominationActor | null;
  now: Date;
}

/**
 * Draft or returned only (`invalid-state`: a second submit of the same dossier is refused). In
 * order: the campaign is issued and not closed (`campaign-not-open`) and has the form
 * (`unknown-award-form`); `now` is strictly before the unit stage's cut-off, amendments applied,
 * or a return's later `resubmitBefore` (`deadline-passed`); the nominee is still eligible
 * (`nominee-not-eligible`); a person has no open hold (`nominee-on-hold`); every unit-stage
 * document is attached (`missing-documents`). The nominee's snapshot as of now goes into the
 * event; later directory changes do not rewrite it.
 */
export function decideSubmit(command: SubmitNomination, state: NominationState): NominationEvent[] {
  const nomination = nominationIn(state, command.nominationId, EDITABLE_STATUSES);
  const campaign = openCampaign(command.campaign, nomination.campaignId);
  const form = awardFormOf(campaign, nomination.awardFormCode);
  const cutoff = effectiveCutoff(form, nomination);
  assertBeforeCutoff(command.now, cutoff, form.code);
  const nominee = assertEligible({
    nominee: command.nomineeFacts,
    expected: nomination.nominee,
    form,
    nominatingUnitId: nomination.nominatingUnitId,
    units: command.units,
  });
  assertNotOnHold(nominee, command.openHolds);
  assertNoMissingDocuments(form, nomination.documents);
  return [
    {
      type: 'NominationSubmitted',
      data: {
        nominationId: nomination.nominationId,
        at: command.now.toISOString(),
        by: command.actor,
        snapshot: snapshotOf(nominee),
        resubmission: nomination.status === 'returned',
        cutoff,
      },
    },
  ];
}
