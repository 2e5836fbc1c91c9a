import {
  DomainError,
  type NominationCriterion,
  type NomineeRef,
  type ValidationIssue,
} from '@ttkt/contracts';
import type { NominationActor, NominationEvent } from '../nomination.events';
import {
  assertEligible,
  awardFormOf,
  openCampaign,
  type CampaignFacts,
  type HoldFacts,
  type NomineeFacts,
  type UnitFacts,
} from '../nomination-rules';
import type { NominationState } from '../nomination.state';

export type { CampaignFacts, HoldFacts, NomineeFacts, UnitFacts } from '../nomination-rules';

/** Open a draft dossier. The facts come from the service's copies; `now` from the injected clock. */
export interface Nominate {
  type: 'Nominate';
  nominationId: string;
  campaignId: string;
  awardFormCode: string;
  nominatingUnitId: string;
  /** Who is nominated, as posted. */
  nominee: { kind: string; personId?: string; unitId?: string };
  achievementSummary: string;
  criteria: NominationCriterion[];
  /** The campaign from the copy, or null when the copy has none. */
  campaign: CampaignFacts | null;
  /** The posted nominee as the directory copy knows it, or null when unknown. */
  nomineeFacts: NomineeFacts | null;
  /** The campaign agency's units (for sub-units, transitively). */
  units: UnitFacts[];
  /** The person's open holds (empty for a collective). */
  openHolds: HoldFacts[];
  /**
   * Ids of the live (not withdrawn) dossiers of the same nominee, form and campaign, from the read
   * table: a fast refusal. The read table's unique partial index, written in the append's
   * transaction, is what makes the rule hold under concurrent requests.
   */
  liveDuplicates: string[];
  actor: NominationActor | null;
  now: Date;
}

/** The posted nominee reference, checked: exactly the id its kind needs. */
function nomineeRef(nominee: Nominate['nominee'], issues: ValidationIssue[]): NomineeRef | null {
  if (nominee.kind === 'individual') {
    if (!nominee.personId) issues.push({ path: 'nominee.personId', message: 'isNotEmpty' });
    if (nominee.unitId !== undefined) issues.push({ path: 'nominee.unitId', message: 'isEmpty' });
    return nominee.personId ? { kind: 'individual', personId: nominee.personId } : null;
  }
  if (nominee.kind === 'collective') {
    if (!nominee.unitId) issues.push({ path: 'nominee.unitId', message: 'isNotEmpty' });
    if (nominee.personId !== undefined) {
      issues.push({ path: 'nominee.personId', message: 'isEmpty' });
    }
    return nominee.unitId ? { kind: 'collective', unitId: nominee.unitId } : null;
  }
  issues.push({ path: 'nominee.kind', message: 'isIn' });
  return null;
}

/**
 * A dossier id is used once (`invalid-state` otherwise). The input is checked (nominee reference,
 * a non-blank achievement summary and criteria, all NFC); the campaign is issued and not closed
 * (`campaign-not-open`), the form is in its plan (`unknown-award-form`), and the nominee is
 * eligible (`nominee-not-eligible`: kind, and the nominating unit itself, a sub-unit at any depth,
 * or a person of either), with no other live dossier for the same form and campaign
 * (`duplicate-nomination`; a withdrawn one does not count). Open holds of the person are carried
 * to the new dossier.
 */
export function decideNominate(command: Nominate, state: NominationState): NominationEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('invalid-state', {
      nominationId: command.nominationId,
      status: state.status,
    });
  }
  const issues: ValidationIssue[] = [];
  const nominee = nomineeRef(command.nominee, issues);
  const achievementSummary = command.achievementSummary.normalize('NFC').trim();
  if (achievementSummary === '') {
    issues.push({ path: 'achievementSummary', message: 'isNotEmpty' });
  }
  const criteria = command.criteria.map((input, index): NominationCriterion => {
    const criterion = input.criterion.normalize('NFC').trim();
    if (criterion === '')
      issues.push({ path: `criteria[${index}].criterion`, message: 'isNotEmpty' });
    const evidence = input.evidence?.normalize('NFC').trim();
    return { criterion, met: input.met, ...(evidence ? { evidence } : {}) };
  });
  if (issues.length > 0 || nominee === null) {
    throw new DomainError('validation-failed', {}, issues);
  }
  const campaign = openCampaign(command.campaign, command.campaignId);
  const form = awardFormOf(campaign, command.awardFormCode);
  const facts = assertEligible({
    nominee: command.nomineeFacts,
    expected: nominee,
    form,
    nominatingUnitId: command.nominatingUnitId,
    units: command.units,
  });
  const duplicate = command.liveDuplicates.find((id) => id !== command.nominationId);
  if (duplicate !== undefined) {
    throw new DomainError('duplicate-nomination', {
      nominationId: duplicate,
      awardFormCode: form.code,
    });
  }
  const at = command.now.toISOString();
  const by = command.actor;
  const events: NominationEvent[] = [
    {
      type: 'NominationDrafted',
      data: {
        nominationId: command.nominationId,
        at,
        by,
        campaignId: campaign.campaignId,
        agencyId: campaign.agencyId,
        awardFormCode: form.code,
        nominatingUnitId: command.nominatingUnitId,
        nominee,
        achievementSummary,
        criteria,
      },
    },
  ];
  if (facts.kind === 'individual') {
    for (const hold of command.openHolds) {
      events.push({
        type: 'NominationHoldFlagged',
        data: {
          nominationId: command.nominationId,
          at,
          by,
          holdId: hold.holdId,
          kind: hold.kind,
          openedOn: hold.openedOn,
        },
      });
    }
  }
  return events;
}
