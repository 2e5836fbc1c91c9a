import {
  DomainError,
  type AwardeeView,
  type RecipientView,
  type SessionTie,
  type SignerView,
  type ValidationIssue,
} from '@ttkt/contracts';
import { dayOf } from '../council/calendar';
import type { ReviewDossier } from '../dossiers/dossier.state';
import { holderOf, placesUsed, type QuotaLedgerState } from './quota.state';

/**
 * The rules a decision and a proposal share: which approved dossiers of one campaign's award
 * form may take places of its quota. Pure: the caller loads the facts (the campaign copy, the
 * dossiers, the open holds, the sessions' unresolved ties, the ledger) inside the ledger's lock.
 */

/** An award form of the plan, as review's campaign copy holds it. */
export interface AwardFormFacts {
  code: string;
  name: string;
  /** Places. */
  quota: number;
  /** Who decides: the agency head, or a higher authority on the agency's proposal. */
  decidedBy: { kind: 'agency-head' | 'higher-authority'; title: string };
  /** For a higher authority's form: where the proposal goes, and its cut-off instant. */
  proposalStage: { to: string; before: string; cutoff: string } | null;
}

/** An issued (or closed) campaign, as review's campaign copy holds it. */
export interface AwardCampaignFacts {
  campaignId: string;
  agencyId: string;
  /** The agency's code in the symbols (`SKHCN`). */
  agencyCode: string;
  planNumber: string;
  planTitle: string;
  planIssuedOn: string;
  status: 'issued' | 'closed';
  /** The plan's signer: a decision's and a proposal's default. */
  signer: SignerView;
  /** The plan's recipients: a decision's and a proposal's default. */
  recipients: RecipientView[];
  awardForms: AwardFormFacts[];
}

/** An open hold of a person. */
export interface OpenHoldFacts {
  holdId: string;
  kind: string;
  openedOn: string;
}

/** The council's results for the form, over every closed session of the campaign that voted on it. */
export interface SessionFacts {
  /** The latest closed session whose agenda had the form, or null. */
  latestSessionId: string | null;
  /** Every tie of the form the chair has not broken (each with its session), disjoint. */
  unresolvedTies: readonly { sessionId: string; tie: SessionTie }[];
}

/** No closed session voted on the form. */
export const NO_SESSION: SessionFacts = { latestSessionId: null, unresolvedTies: [] };

/** What a selection of dossiers is decided on. */
export interface AwardSelectionFacts {
  /** The campaign, or null when the copy has none. */
  campaign: AwardCampaignFacts | null;
  /** The dossiers found among the selection (whatever their campaign). */
  dossiers: readonly ReviewDossier[];
  /** Open holds by person id (people without any may be absent). */
  openHolds: ReadonlyMap<string, readonly OpenHoldFacts[]>;
  /** The form's sessions: the latest one, and the ties still waiting for the chair. */
  sessions: SessionFacts;
  /** The form's quota ledger. */
  ledger: QuotaLedgerState;
}

/**
 * The campaign must be issued and open (`campaign-not-open` when unknown or closed), and the form
 * in its plan (`unknown-award-form`).
 */
export function openCampaignForm(
  campaign: AwardCampaignFacts | null,
  campaignId: string,
  awardFormCode: string,
): { campaign: AwardCampaignFacts; form: AwardFormFacts } {
  if (campaign === null || campaign.status !== 'issued') {
    throw new DomainError('campaign-not-open', {
      campaignId,
      status: campaign?.status ?? null,
    });
  }
  const form = campaign.awardForms.find((candidate) => candidate.code === awardFormCode);
  if (form === undefined) throw new DomainError('unknown-award-form', { awardFormCode });
  return { campaign, form };
}

/**
 * The dossiers of a selection, in its order, once every rule passed:
 * - each belongs to the campaign and form (`not-found`);
 * - each is `approved` and free: `withdrawn` → `invalid-state`; `awarded`, `proposed`, or holding
 *   a place of the ledger (a decision or proposal waiting for its number) → `already-decided`;
 *   any other status → `not-recommended`;
 * - no individual nominee has an open hold (`nominee-on-hold`);
 * - for each tie of the form no tie-break has resolved (in any closed session, not only the
 *   latest), a selection that takes any of the tied dossiers must take all of them (counting those
 *   already holding places) and fit them all within the quota: holding some but not all of them,
 *   or all of them while the places taken plus the selection exceed the quota, would need the
 *   chair's choice (`tie-unresolved`, checked before the quota). A selection holding none of them,
 *   or all of them within the quota, is free; after the tie-break, any selection within the quota.
 * The quota itself is the ledger's rule (`decideTakePlaces`).
 */
export function selectDossiers(
  campaignId: string,
  form: AwardFormFacts,
  nominationIds: readonly string[],
  facts: AwardSelectionFacts,
): ReviewDossier[] {
  const byId = new Map(facts.dossiers.map((dossier) => [dossier.nominationId, dossier]));
  const selected = nominationIds.map((nominationId) => {
    const dossier = byId.get(nominationId);
    if (
      dossier === undefined ||
      dossier.campaignId !== campaignId ||
      dossier.awardFormCode !== form.code
    ) {
      throw new DomainError('not-found', { nominationId });
    }
    return dossier;
  });
  for (const dossier of selected) assertFree(dossier, facts.ledger);
  for (const dossier of selected) {
    const personId = dossier.nomineeRef.personId;
    if (dossier.nomineeRef.kind !== 'individual' || personId === undefined) continue;
    const holds = facts.openHolds.get(personId) ?? [];
    if (holds.length > 0) {
      throw new DomainError('nominee-on-hold', {
        nominationId: dossier.nominationId,
        personId,
        holdIds: holds.map((hold) => hold.holdId).join(','),
      });
    }
  }
  assertTiesResolved(form, nominationIds, facts);
  return selected;
}

function assertFree(dossier: ReviewDossier, ledger: QuotaLedgerState): void {
  const { nominationId, status } = dossier;
  switch (status) {
    case 'withdrawn':
      throw new DomainError('invalid-state', { nominationId, status });
    case 'awarded':
      throw new DomainError('already-decided', {
        nominationId,
        status,
        decisionId: dossier.decisionId,
      });
    case 'proposed':
      throw new DomainError('already-decided', {
        nominationId,
        status,
        proposalId: dossier.proposalId,
      });
    case 'approved': {
      const holder = holderOf(ledger, nominationId);
      if (holder !== null) {
        throw new DomainError('already-decided', {
          nominationId,
          status,
          [`${holder.kind}Id`]: holder.id,
        });
      }
      return;
    }
    default:
      throw new DomainError('not-recommended', { nominationId, status });
  }
}

function assertTiesResolved(
  form: AwardFormFacts,
  nominationIds: readonly string[],
  facts: AwardSelectionFacts,
): void {
  const selected = new Set(nominationIds);
  const holding = new Set(facts.ledger.entries.flatMap((entry) => entry.nominationIds));
  const used = placesUsed(facts.ledger);
  for (const { sessionId, tie } of facts.sessions.unresolvedTies) {
    if (!tie.nominationIds.some((id) => selected.has(id))) continue;
    const all = tie.nominationIds.every((id) => selected.has(id) || holding.has(id));
    if (!all || used + nominationIds.length > form.quota) {
      throw new DomainError('tie-unresolved', {
        awardFormCode: form.code,
        sessionId,
        nominationIds: tie.nominationIds.join(','),
        places: tie.places,
      });
    }
  }
}

/** A dossier as a decision or proposal prints it (no golden-book number yet). */
export function awardeeOf(dossier: ReviewDossier): AwardeeView {
  return {
    nominationId: dossier.nominationId,
    nominee: dossier.nominee,
    personId: dossier.nomineeRef.personId ?? null,
    unitId: dossier.nomineeRef.kind === 'collective' ? (dossier.nomineeRef.unitId ?? null) : null,
    nominatingUnitId: dossier.nominatingUnitId,
    achievementSummary: dossier.achievementSummary,
    goldenBookNumber: null,
  };
}

/**
 * The session the selected dossiers passed: the one that approved the first of them that names
 * one, else the latest closed session of the form.
 */
export function sessionOf(
  sessions: SessionFacts,
  dossiers: readonly ReviewDossier[],
): string | null {
  return (
    dossiers.find((dossier) => dossier.sessionId !== null)?.sessionId ?? sessions.latestSessionId
  );
}

/**
 * `maxDate` at `path` when the calendar date lies after today in Asia/Ho_Chi_Minh: a date of the
 * domain may record what happened on paper (the past) or be today, never a day still to come.
 */
export function afterToday(date: string, now: Date, path: string): ValidationIssue[] {
  return date > dayOf(now) ? [{ path, message: 'maxDate' }] : [];
}

/** The signer and recipients a command may give instead of the plan's. */
export interface GivenParties {
  signer?: SignerView | undefined;
  recipients?: RecipientView[] | undefined;
}

/**
 * The given signer's and recipients' texts that are blank once trimmed (`isNotEmpty` at
 * `signer.title`, `signer.name`, `recipients[i].name`): they would print an empty line.
 */
export function partyIssues(given: GivenParties): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (given.signer !== undefined) {
    if (printed(given.signer.title) === '') {
      issues.push({ path: 'signer.title', message: 'isNotEmpty' });
    }
    if (printed(given.signer.name) === '') {
      issues.push({ path: 'signer.name', message: 'isNotEmpty' });
    }
  }
  (given.recipients ?? []).forEach((recipient, index) => {
    if (printed(recipient.name) === '') {
      issues.push({ path: `recipients[${index}].name`, message: 'isNotEmpty' });
    }
  });
  return issues;
}

/** The signer and recipients a decision or proposal prints. */
export interface PrintedParties {
  signer: SignerView;
  recipients: RecipientView[];
}

/**
 * The signer and recipients to print: those given with the command (checked by
 * {@link partyIssues}), else the plan's; each text in NFC and trimmed, a blank purpose left out.
 */
export function printedParties(given: GivenParties, campaign: AwardCampaignFacts): PrintedParties {
  return {
    signer: nfcSigner(given.signer ?? campaign.signer),
    recipients: (given.recipients ?? campaign.recipients).map(nfcRecipient),
  };
}

/** A text as printed: NFC, trimmed. */
function printed(text: string): string {
  return text.normalize('NFC').trim();
}

/** A signer in NFC and trimmed, without an absent capacity. */
function nfcSigner(signer: SignerView): SignerView {
  return {
    ...(signer.capacity === undefined ? {} : { capacity: printed(signer.capacity) }),
    title: printed(signer.title),
    name: printed(signer.name),
  };
}

/** A recipient in NFC and trimmed, without an absent or blank purpose. */
function nfcRecipient(recipient: RecipientView): RecipientView {
  const purpose = recipient.purpose === undefined ? '' : printed(recipient.purpose);
  return { name: printed(recipient.name), ...(purpose === '' ? {} : { purpose }) };
}
