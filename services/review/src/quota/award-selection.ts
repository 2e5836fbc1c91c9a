import {
  DomainError,
  type AwardeeView,
  type RecipientView,
  type SessionTie,
  type SessionTieBreak,
  type SignerView,
} from '@ttkt/contracts';
import type { ReviewDossier } from '../dossiers/dossier.state';
import { holderOf, type QuotaLedgerState } from './quota.state';

/**
 * The rules a decision and a proposal share: which approved dossiers of one campaign's award
 * form may take places of its quota. Pure: the caller loads the facts (the campaign copy, the
 * dossiers, the open holds, the latest session's tie, the ledger) inside the ledger's lock.
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

/** The latest closed session whose agenda had the form: its tie and the chair's tie-break. */
export interface SessionFacts {
  sessionId: string;
  tie: SessionTie | null;
  tieBreak: SessionTieBreak | null;
}

/** What a selection of dossiers is decided on. */
export interface AwardSelectionFacts {
  /** The campaign, or null when the copy has none. */
  campaign: AwardCampaignFacts | null;
  /** The dossiers found among the selection (whatever their campaign). */
  dossiers: readonly ReviewDossier[];
  /** Open holds by person id (people without any may be absent). */
  openHolds: ReadonlyMap<string, readonly OpenHoldFacts[]>;
  /** The latest closed session of the form, or null. */
  session: SessionFacts | null;
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
 * - before the chair's tie-break of the latest session's tie, the selection (with the tied
 *   dossiers already holding places) takes none of the tied dossiers: holding some but not all of
 *   them, or all of them beyond the tie's places, needs the chair's choice (`tie-unresolved`).
 *   After the tie-break, any selection within the quota.
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
  assertTieResolved(form.code, nominationIds, facts);
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

function assertTieResolved(
  awardFormCode: string,
  nominationIds: readonly string[],
  facts: AwardSelectionFacts,
): void {
  const tie = facts.session?.tie ?? null;
  if (facts.session === null || tie === null || facts.session.tieBreak !== null) return;
  const tied = new Set(tie.nominationIds);
  const holding = facts.ledger.entries.flatMap((entry) => entry.nominationIds);
  const taken = new Set([...nominationIds, ...holding].filter((id) => tied.has(id)));
  if (taken.size === 0) return;
  if (taken.size < tied.size || taken.size > tie.places) {
    throw new DomainError('tie-unresolved', {
      awardFormCode,
      sessionId: facts.session.sessionId,
      nominationIds: tie.nominationIds.join(','),
      places: tie.places,
    });
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

/** The session the selected dossiers passed: the latest of the form, else the dossiers' own. */
export function sessionOf(
  session: SessionFacts | null,
  dossiers: readonly ReviewDossier[],
): string | null {
  return (
    session?.sessionId ?? dossiers.find((dossier) => dossier.sessionId !== null)?.sessionId ?? null
  );
}

/** A signer in NFC, without an absent capacity. */
export function nfcSigner(signer: SignerView): SignerView {
  return {
    ...(signer.capacity === undefined ? {} : { capacity: signer.capacity.normalize('NFC') }),
    title: signer.title.normalize('NFC'),
    name: signer.name.normalize('NFC'),
  };
}

/** A recipient in NFC, without an absent purpose. */
export function nfcRecipient(recipient: RecipientView): RecipientView {
  return {
    name: recipient.name.normalize('NFC'),
    ...(recipient.purpose === undefined ? {} : { purpose: recipient.purpose.normalize('NFC') }),
  };
}
