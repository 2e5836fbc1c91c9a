/** The statuses of a nomination dossier (API.md, Nominations). */
export const NOMINATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'accepted',
  'approved',
  'not-approved',
  'awarded',
  'proposed',
  'withdrawn',
] as const;

/** One of {@link NOMINATION_STATUSES}. */
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** The kinds of nominee an award form may go to (the plan's `eligibleSubjects`). */
export const NOMINEE_KINDS = ['individual', 'collective'] as const;

/** One of {@link NOMINEE_KINDS}. */
export type NomineeKind = (typeof NOMINEE_KINDS)[number];

/** Who is nominated: a person (an individual) or a unit (a collective). */
export type NomineeRef =
  | {
      /** A person. */
      kind: 'individual';
      /** The person's id in the directory. */
      personId: string;
    }
  | {
      /** A unit. */
      kind: 'collective';
      /** The unit's id in the directory. */
      unitId: string;
    };

/** The nominee as of submission: copied into the dossier, never rewritten by later changes. */
export type NomineeSnapshot =
  | {
      /** A person. */
      kind: 'individual';
      /** Full name, NFC, family name first. */
      fullName: string;
      /** Date of birth (`YYYY-MM-DD`). */
      dateOfBirth: string;
      /** `male` or `female`. */
      gender: string;
      /** Position (chức vụ). */
      position: string;
      /** The person's unit. */
      unitId: string;
      /** That unit's name. */
      unitName: string;
    }
  | {
      /** A unit. */
      kind: 'collective';
      /** The unit. */
      unitId: string;
      /** Its name. */
      unitName: string;
    };

/** The self-assessment against one criterion. */
export interface NominationCriterion {
  /** The criterion as the plan words it. */
  criterion: string;
  /** Whether the nominee meets it, as the unit assesses. */
  met: boolean;
  /** Evidence, when given. */
  evidence?: string;
}

/** A document attached to a dossier (the blob is in the blob store, by `sha256`). */
export interface NominationDocumentView {
  /** The document's id in the dossier. */
  documentId: string;
  /** One of the award form's required documents' codes, or `OTHER`. */
  documentTypeCode: string;
  /** SHA-256 of the content (hex, lower case): the blob's key. */
  sha256: string;
  /** Size in bytes. */
  size: number;
  /** The media type sniffed from the content. */
  mediaType: string;
  /** The original file name (NFC), never used as a path. */
  fileName: string;
  /** When it was attached (ISO-8601). */
  attachedAt: string;
  /** Who attached it. */
  attachedBy: { kind: string; id: string } | null;
}

/** An open hold on the nominee carried to the dossier. */
export interface NominationHoldView {
  /** The hold's id in the directory. */
  holdId: string;
  /** `discipline`, `investigation` or `complaint`. */
  kind: string;
  /** The day it started (`YYYY-MM-DD`). */
  openedOn: string;
}

/** A nomination dossier as read. */
export interface NominationView {
  /** The dossier's id. */
  id: string;
  /** The campaign. */
  campaignId: string;
  /** The campaign's agency. */
  agencyId: string;
  /** The award form's code in the plan. */
  awardFormCode: string;
  /** The unit that nominates. */
  nominatingUnitId: string;
  /** Who is nominated. */
  nominee: NomineeRef;
  /** The nominee as of the last submission; null until submitted. */
  snapshot: NomineeSnapshot | null;
  /** The achievement summary (tóm tắt thành tích). */
  achievementSummary: string;
  /** The self-assessment against each criterion. */
  criteria: NominationCriterion[];
  /** The attached documents, in attachment order. */
  documents: NominationDocumentView[];
  /** Where the dossier stands. */
  status: NominationStatus;
  /** The reasons of the last return (empty unless returned once). */
  returnReasons: string[];
  /** The later resubmission deadline a return gave (ISO-8601 instant, exclusive), or null. */
  resubmitBefore: string | null;
  /** The nominee's open holds. */
  holds: NominationHoldView[];
  /** True while a hold is open. */
  onHold: boolean;
  /** When last submitted (ISO-8601), or null. */
  submittedAt: string | null;
  /** When approved, not approved, awarded or proposed last (ISO-8601), or null. */
  decidedAt: string | null;
  /** The stream's version (the `ETag`). */
  version: number;
}

/** A page of dossiers. */
export interface NominationList {
  /** The dossiers of the page. */
  items: NominationView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** One stored event of a dossier, as the history shows it. */
export interface NominationHistoryItem {
  /** The stored event's type (`NominationSubmitted`). */
  type: string;
  /** When (ISO-8601). */
  at: string;
  /** Who. */
  actor: { kind: string; id: string } | null;
  /** The event's data. */
  data: Record<string, unknown>;
  /**
   * Which service's stream the item comes from: `nomination` (the dossier's own events) or
   * `review` (its review, council votes and awards). Set by the gateway, which composes the
   * dossier's history from both; absent in the nomination service's own answer.
   */
  source?: 'nomination' | 'review';
}

/** Every stored event of a dossier, in order. */
export interface NominationHistory {
  /** The events. */
  items: NominationHistoryItem[];
}

/** The own dossiers of a person. */
export interface MyNominations {
  /** The dossiers naming the person as nominee. */
  items: NominationView[];
}
