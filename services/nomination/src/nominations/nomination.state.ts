import type {
  NominationCriterion,
  NominationStatus,
  NomineeRef,
  NomineeSnapshot,
} from '@ttkt/contracts';
import type { NominationActor, NominationEvent } from './nomination.events';

/** A document attached to the dossier. */
export interface NominationDocument {
  documentId: string;
  documentTypeCode: string;
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
  attachedAt: string;
  attachedBy: NominationActor | null;
}

/** A hold carried to the dossier. */
export interface NominationHold {
  holdId: string;
  kind: string;
  openedOn: string;
}

/** A dossier that exists. */
export interface ExistingNomination {
  status: NominationStatus;
  /** Events applied so far (the stream's version). */
  version: number;
  nominationId: string;
  campaignId: string;
  agencyId: string;
  awardFormCode: string;
  nominatingUnitId: string;
  nominee: NomineeRef;
  achievementSummary: string;
  criteria: NominationCriterion[];
  documents: NominationDocument[];
  /** The nominee as of the last submission; null until submitted. */
  snapshot: NomineeSnapshot | null;
  /** The reasons of the last return (empty until returned). */
  returnReasons: string[];
  /** The later deadline the last return gave (exclusive instant), or null. */
  resubmitBefore: string | null;
  /** Open holds carried to the dossier. */
  holds: NominationHold[];
  draftedAt: string;
  /** When last submitted. */
  submittedAt: string | null;
  /** How many times it was submitted (2 or more after a return). */
  submissions: number;
  /** When approved, not approved, awarded or proposed last. */
  decidedAt: string | null;
  /** The decision it is awarded in, while awarded. */
  decision: { decisionId: string; decisionNumber: string } | null;
  /** The proposal it is in, once proposed. */
  proposalId: string | null;
  /** When withdrawn, or null. */
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

/** A dossier's state, folded from its stream. */
export type NominationState = { status: 'none'; version: 0 } | ExistingNomination;

/** The state of a stream with no events. */
export function initialNominationState(): NominationState {
  return { status: 'none', version: 0 };
}

/** Applies one stored event. */
export function evolveNomination(state: NominationState, event: NominationEvent): NominationState {
  if (event.type === 'NominationDrafted') {
    const { data } = event;
    return {
      status: 'draft',
      version: state.version + 1,
      nominationId: data.nominationId,
      campaignId: data.campaignId,
      agencyId: data.agencyId,
      awardFormCode: data.awardFormCode,
      nominatingUnitId: data.nominatingUnitId,
      nominee: data.nominee,
      achievementSummary: data.achievementSummary,
      criteria: data.criteria,
      documents: [],
      snapshot: null,
      returnReasons: [],
      resubmitBefore: null,
      holds: [],
      draftedAt: data.at,
      submittedAt: null,
      submissions: 0,
      decidedAt: null,
      decision: null,
      proposalId: null,
      withdrawnAt: null,
      withdrawalReason: null,
    };
  }
  if (state.status === 'none') return state;
  const next: ExistingNomination = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'NominationDocumentAttached': {
      const { data } = event;
      return {
        ...next,
        documents: [
          ...next.documents,
          {
            documentId: data.documentId,
            documentTypeCode: data.documentTypeCode,
            sha256: data.sha256,
            size: data.size,
            mediaType: data.mediaType,
            fileName: data.fileName,
            attachedAt: data.at,
            attachedBy: data.by,
          },
        ],
      };
    }
    case 'NominationDocumentRemoved':
      return {
        ...next,
        documents: next.documents.filter((doc) => doc.documentId !== event.data.documentId),
      };
    case 'NominationSubmitted':
      return {
        ...next,
        status: 'submitted',
        snapshot: event.data.snapshot,
        submittedAt: event.data.at,
        submissions: next.submissions + 1,
      };
    case 'NominationReturned':
      return {
        ...next,
        status: 'returned',
        returnReasons: event.data.reasons,
        resubmitBefore: event.data.resubmitBefore,
      };
    case 'NominationAccepted':
      return { ...next, status: 'accepted' };
    case 'NominationApproved':
      return { ...next, status: 'approved', decidedAt: event.data.at };
    case 'NominationNotApproved':
      return { ...next, status: 'not-approved', decidedAt: event.data.at };
    case 'NominationAwarded':
      return {
        ...next,
        status: 'awarded',
        decidedAt: event.data.at,
        decision: { decisionId: event.data.decisionId, decisionNumber: event.data.decisionNumber },
      };
    case 'NominationProposed':
      return {
        ...next,
        status: 'proposed',
        decidedAt: event.data.at,
        proposalId: event.data.proposalId,
      };
    case 'NominationAwardRevoked':
      return { ...next, status: 'approved', decidedAt: event.data.at, decision: null };
    case 'NominationWithdrawn':
      return {
        ...next,
        status: 'withdrawn',
        withdrawnAt: event.data.at,
        withdrawalReason: event.data.reason,
      };
    case 'NominationHoldFlagged':
      return {
        ...next,
        holds: [
          ...next.holds.filter((hold) => hold.holdId !== event.data.holdId),
          { holdId: event.data.holdId, kind: event.data.kind, openedOn: event.data.openedOn },
        ],
      };
    case 'NominationHoldCleared':
      return { ...next, holds: next.holds.filter((hold) => hold.holdId !== event.data.holdId) };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
