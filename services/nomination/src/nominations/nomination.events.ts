import type { NominationCriterion, NomineeRef, NomineeSnapshot } from '@ttkt/contracts';

/**
 * The events stored in a dossier's stream (`nomination-<id>`). They never leave the service as
 * they are: the published-events mapping turns them into contract events. Every event's data
 * carries the dossier's id, the instant it took effect (`at`) and who caused it (`by`), so the
 * history shows each change with its actor and instant.
 */
export type NominationEvent =
  | NominationDrafted
  | NominationDocumentAttached
  | NominationDocumentRemoved
  | NominationSubmitted
  | NominationReturned
  | NominationAccepted
  | NominationApproved
  | NominationNotApproved
  | NominationAwarded
  | NominationProposed
  | NominationAwardRevoked
  | NominationWithdrawn
  | NominationHoldFlagged
  | NominationHoldCleared;

/** Who did it, as the command's context (or the consumed event's envelope) says. */
export interface NominationActor {
  kind: string;
  id: string;
}

/** What every stored event's data carries. */
interface Attributed {
  nominationId: string;
  /** When it took effect (ISO-8601): the injected clock, or the review event's own instant. */
  at: string;
  /** Who caused it; null when unknown. */
  by: NominationActor | null;
}

/** A unit opened a draft dossier. */
export interface NominationDrafted {
  type: 'NominationDrafted';
  data: Attributed & {
    campaignId: string;
    agencyId: string;
    awardFormCode: string;
    nominatingUnitId: string;
    nominee: NomineeRef;
    achievementSummary: string;
    criteria: NominationCriterion[];
  };
}

/** A stored file was recorded on the dossier. */
export interface NominationDocumentAttached {
  type: 'NominationDocumentAttached';
  data: Attributed & {
    documentId: string;
    documentTypeCode: string;
    sha256: string;
    size: number;
    mediaType: string;
    fileName: string;
  };
}

/** A document was removed (its blob may be collected when no dossier names it). */
export interface NominationDocumentRemoved {
  type: 'NominationDocumentRemoved';
  data: Attributed & { documentId: string; sha256: string };
}

/** The dossier was submitted (or resubmitted after a return), with the nominee as of now. */
export interface NominationSubmitted {
  type: 'NominationSubmitted';
  data: Attributed & {
    snapshot: NomineeSnapshot;
    /** True after a return. */
    resubmission: boolean;
    /** The cut-off the submission was checked against (ISO-8601, exclusive). */
    cutoff: string;
  };
}

/** Review returned the dossier for supplement. */
export interface NominationReturned {
  type: 'NominationReturned';
  data: Attributed & { reasons: string[]; resubmitBefore: string | null };
}

/** Review found the dossier complete. */
export interface NominationAccepted {
  type: 'NominationAccepted';
  data: Attributed;
}

/** The council's vote met the threshold (or a revoked award put it back). */
export interface NominationApproved {
  type: 'NominationApproved';
  data: Attributed;
}

/** Not approved: by the vote, the higher authority, or left out when the campaign closed. */
export interface NominationNotApproved {
  type: 'NominationNotApproved';
  data: Attributed;
}

/** In a decision. */
export interface NominationAwarded {
  type: 'NominationAwarded';
  data: Attributed & { decisionId: string; decisionNumber: string };
}

/** In a proposal to the higher authority. */
export interface NominationProposed {
  type: 'NominationProposed';
  data: Attributed & { proposalId: string };
}

/** The awarding decision was revoked: back to `approved`. */
export interface NominationAwardRevoked {
  type: 'NominationAwardRevoked';
  data: Attributed & { decisionId: string };
}

/** The unit withdrew the dossier. */
export interface NominationWithdrawn {
  type: 'NominationWithdrawn';
  data: Attributed & { reason: string };
}

/** An open hold on the nominee was carried to the dossier. */
export interface NominationHoldFlagged {
  type: 'NominationHoldFlagged';
  data: Attributed & { holdId: string; kind: string; openedOn: string };
}

/** A hold carried to the dossier was closed. */
export interface NominationHoldCleared {
  type: 'NominationHoldCleared';
  data: Attributed & { holdId: string };
}

/** The stream id of a dossier. */
export function nominationStreamId(nominationId: string): string {
  return `nomination-${nominationId}`;
}
