import { DomainError, type NominationStatus, type NomineeSnapshot } from '@ttkt/contracts';
import type { ExistingNomination, NominationState } from './nomination.state';

/**
 * The facts from other services the deciders need. The handler loads them from the service's
 * copies of the campaign and directory events and puts them in the command, so deciders stay pure.
 */

/** An award form of the campaign's plan, amendments applied (from the campaign copy). */
export interface AwardFormFacts {
  /** The form's code in the plan. */
  code: string;
  /** `individual`, `collective`: the nominee kinds the form may go to. */
  eligibleSubjects: string[];
  /** The unit stage: its required documents and its cut-off. */
  unitStage: {
    /** Every document a unit must attach before submitting. */
    requiredDocuments: { code: string }[];
    /** The first late instant (ISO-8601, e.g. `2021-05-12T00:00:00+07:00`), amendments applied. */
    cutoff: string;
  };
}

/** The campaign as the copy knows it; `null` in a command when the copy has no such campaign. */
export interface CampaignFacts {
  campaignId: string;
  agencyId: string;
  /** `issued` takes nominations; anything else (`draft`, `issuing`, `closed`) does not. */
  status: string;
  awardForms: AwardFormFacts[];
}

/** A unit of the campaign's agency (from the directory copy). */
export interface UnitFacts {
  unitId: string;
  /** The unit above it, or null. */
  parentUnitId: string | null;
}

/**
 * The nominee as the directory copy knows it now; `null` in a command when unknown. For a
 * person, `unitId` is the person's unit and `unitName` its name; for a unit, its own.
 */
export type NomineeFacts =
  | {
      kind: 'individual';
      personId: string;
      fullName: string;
      dateOfBirth: string;
      gender: string;
      position: string;
      unitId: string;
      unitName: string;
    }
  | { kind: 'collective'; unitId: string; unitName: string };

/** An open hold on a person (from the directory copy). */
export interface HoldFacts {
  holdId: string;
  kind: string;
  openedOn: string;
}

/** Statuses a unit may still edit (documents) and submit from. */
export const EDITABLE_STATUSES: readonly NominationStatus[] = ['draft', 'returned'];

/** Statuses after a decision: no withdrawal. */
export const DECIDED_STATUSES: readonly NominationStatus[] = ['awarded', 'not-approved'];

/** The dossier, or `not-found` when its stream is empty. */
export function existingNomination(
  state: NominationState,
  nominationId: string,
): ExistingNomination {
  if (state.status === 'none') throw new DomainError('not-found', { nominationId });
  return state;
}

/** The dossier in one of `statuses`, else `invalid-state` naming where it stands. */
export function nominationIn(
  state: NominationState,
  nominationId: string,
  statuses: readonly NominationStatus[],
): ExistingNomination {
  const nomination = existingNomination(state, nominationId);
  if (!statuses.includes(nomination.status)) {
    throw new DomainError('invalid-state', { nominationId, status: nomination.status });
  }
  return nomination;
}

/** The campaign, issued and not closed, else `campaign-not-open`. */
export function openCampaign(campaign: CampaignFacts | null, campaignId: string): CampaignFacts {
  if (campaign === null || campaign.status !== 'issued') {
    throw new DomainError('campaign-not-open', {
      campaignId,
      status: campaign?.status ?? null,
    });
  }
  return campaign;
}

/** The campaign's award form, else `unknown-award-form`. */
export function awardFormOf(campaign: CampaignFacts, awardFormCode: string): AwardFormFacts {
  const form = campaign.awardForms.find((candidate) => candidate.code === awardFormCode);
  if (!form) throw new DomainError('unknown-award-form', { awardFormCode });
  return form;
}

/**
 * True when `unitId` is `rootUnitId` or below it (a sub-unit, at any depth), following
 * `parentUnitId` through `units`; a unit missing from `units` or a cycle ends the walk.
 */
export function isWithinUnit(
  unitId: string,
  rootUnitId: string,
  units: readonly UnitFacts[],
): boolean {
  const parents = new Map(units.map((unit) => [unit.unitId, unit.parentUnitId]));
  if (!parents.has(rootUnitId)) return false;
  const seen = new Set<string>();
  let current: string | null | undefined = unitId;
  while (current !== null && current !== undefined && !seen.has(current)) {
    if (!parents.has(current)) return false;
    if (current === rootUnitId) return true;
    seen.add(current);
    current = parents.get(current);
  }
  return false;
}

/** The nominee's unit (the person's unit, or the unit itself). */
function nomineeUnitId(nominee: NomineeFacts): string {
  return nominee.unitId;
}

/**
 * Eligibility (`nominee-not-eligible`, `params.reason`): the nominee is known (`unknown-nominee`)
 * and of the referenced kind and id, its kind is among the form's `eligibleSubjects`
 * (`kind-not-eligible`), and it is the nominating unit, one of its sub-units (transitively), or a
 * person of either (`outside-unit`; also when the nominating unit is not among the campaign
 * agency's `units`).
 */
export function assertEligible(input: {
  nominee: NomineeFacts | null;
  expected: { kind: string; personId?: string; unitId?: string };
  form: AwardFormFacts;
  nominatingUnitId: string;
  units: readonly UnitFacts[];
}): NomineeFacts {
  const { nominee, expected, form, nominatingUnitId, units } = input;
  const matches =
    nominee !== null &&
    nominee.kind === expected.kind &&
    (nominee.kind === 'individual'
      ? nominee.personId === expected.personId
      : nominee.unitId === expected.unitId);
  if (!matches || nominee === null) {
    throw new DomainError('nominee-not-eligible', {
      reason: 'unknown-nominee',
      kind: expected.kind,
    });
  }
  if (!form.eligibleSubjects.includes(nominee.kind)) {
    throw new DomainError('nominee-not-eligible', {
      reason: 'kind-not-eligible',
      kind: nominee.kind,
      awardFormCode: form.code,
    });
  }
  if (!isWithinUnit(nomineeUnitId(nominee), nominatingUnitId, units)) {
    throw new DomainError('nominee-not-eligible', {
      reason: 'outside-unit',
      kind: nominee.kind,
      nominatingUnitId,
    });
  }
  return nominee;
}

/** The unit-stage document codes not attached, in the plan's order (duplicates once). */
export function missingDocuments(
  form: AwardFormFacts,
  documents: readonly { documentTypeCode: string }[],
): string[] {
  const attached = new Set(documents.map((doc) => doc.documentTypeCode));
  const missing = form.unitStage.requiredDocuments
    .map((required) => required.code)
    .filter((code) => !attached.has(code));
  return [...new Set(missing)];
}

/** `missing-documents` with `params.missing` = the comma-separated codes, when any is missing. */
export function assertNoMissingDocuments(
  form: AwardFormFacts,
  documents: readonly { documentTypeCode: string }[],
): void {
  const missing = missingDocuments(form, documents);
  if (missing.length > 0) {
    throw new DomainError('missing-documents', { missing: missing.join(',') });
  }
}

/**
 * The cut-off a submission is checked against: the unit stage's (amendments applied), or a
 * return's `resubmitBefore` when the dossier is returned and the return gave a later one.
 */
export function effectiveCutoff(form: AwardFormFacts, nomination: ExistingNomination): string {
  const cutoff = form.unitStage.cutoff;
  const extended = nomination.status === 'returned' ? nomination.resubmitBefore : null;
  if (extended !== null && Date.parse(extended) > Date.parse(cutoff)) return extended;
  return cutoff;
}

/** `deadline-passed` unless `now` is strictly before `cutoff` (an instant, any offset). */
export function assertBeforeCutoff(now: Date, cutoff: string, awardFormCode: string): void {
  const limit = Date.parse(cutoff);
  if (Number.isNaN(limit) || !(now.getTime() < limit)) {
    throw new DomainError('deadline-passed', { awardFormCode, cutoff });
  }
}

/** `nominee-on-hold` when an individual nominee has an open hold. */
export function assertNotOnHold(nominee: NomineeFacts, openHolds: readonly HoldFacts[]): void {
  if (nominee.kind === 'individual' && openHolds.length > 0) {
    throw new DomainError('nominee-on-hold', {
      personId: nominee.personId,
      holdIds: openHolds.map((hold) => hold.holdId).join(','),
    });
  }
}

/** The nominee as of now, NFC, as copied into the dossier at submission. */
export function snapshotOf(nominee: NomineeFacts): NomineeSnapshot {
  const nfc = (text: string): string => text.normalize('NFC');
  if (nominee.kind === 'individual') {
    return {
      kind: 'individual',
      fullName: nfc(nominee.fullName),
      dateOfBirth: nominee.dateOfBirth,
      gender: nominee.gender,
      position: nfc(nominee.position),
      unitId: nominee.unitId,
      unitName: nfc(nominee.unitName),
    };
  }
  return { kind: 'collective', unitId: nominee.unitId, unitName: nfc(nominee.unitName) };
}
