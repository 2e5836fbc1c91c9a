import type { NomineeKind, NomineeSnapshot } from '@ttkt/contracts';

/**
 * The events stored in a dossier's review stream (`review-<nominationId>`): the dossier as review
 * sees it, from its submission (copied from `nomination.submitted.v1`) to the council's and the
 * deciders' outcomes. The nomination service keeps its own stream of the dossier and follows
 * review's outcomes through the published `review.dossier-*.v1` events. Every event's data carries
 * the dossier, its campaign, the instant it took effect (`at`) and who caused it (`by`).
 */
export type DossierEvent =
  | DossierReceived
  | DossierAccepted
  | DossierReturned
  | DossierWithdrawn
  | DossierApproved
  | DossierNotApproved
  | DossierAwarded
  | DossierProposed
  | DossierAwardRevoked;

/** One of the stored event types of a dossier stream. */
export type DossierEventType = DossierEvent['type'];

/** Who did it, as the command's context (or the consumed event's envelope) says. */
export interface DossierActor {
  kind: string;
  id: string;
}

/** Who is nominated: a person (`personId`) or a unit (`unitId`). */
export interface DossierNomineeRef {
  kind: NomineeKind;
  /** The person, for an individual. */
  personId?: string;
  /** The unit, for a collective. */
  unitId?: string;
}

/** What every stored dossier event's data carries. */
export interface DossierEventFacts {
  nominationId: string;
  campaignId: string;
  /** When it took effect (ISO-8601). */
  at: string;
  /** Who caused it; null when unknown. */
  by: DossierActor | null;
}

/** Why a dossier was not approved. */
export type NotApprovedCause = 'vote' | 'proposal-outcome' | 'campaign-closed';

/** The dossier was submitted (or resubmitted after a return) by its unit: from `nomination.submitted.v1`. */
export interface DossierReceived {
  type: 'DossierReceived';
  data: DossierEventFacts & {
    agencyId: string;
    awardFormCode: string;
    nominatingUnitId: string;
    nomineeRef: DossierNomineeRef;
    /** The nominee as of the submission. */
    nominee: NomineeSnapshot;
    achievementSummary: string;
    /** True after a return. */
    resubmission: boolean;
  };
}

/** The secretariat found the dossier complete. */
export interface DossierAccepted {
  type: 'DossierAccepted';
  data: DossierEventFacts;
}

/** The secretariat returned the dossier to its unit for supplement. */
export interface DossierReturned {
  type: 'DossierReturned';
  data: DossierEventFacts & {
    reasons: string[];
    /** A later resubmission deadline (ISO-8601 instant, exclusive), or null. */
    resubmitBefore: string | null;
  };
}

/** The unit withdrew the dossier: from `nomination.withdrawn.v1`. */
export interface DossierWithdrawn {
  type: 'DossierWithdrawn';
  data: DossierEventFacts & { reason: string };
}

/** The council's vote met the threshold (in `sessionId`). */
export interface DossierApproved {
  type: 'DossierApproved';
  data: DossierEventFacts & { sessionId: string };
}

/** Not approved: by the vote, the higher authority's outcome, or the campaign's close. */
export interface DossierNotApproved {
  type: 'DossierNotApproved';
  data: DossierEventFacts & {
    cause: NotApprovedCause;
    /** The session, the proposal, or null (campaign closed). */
    refId: string | null;
  };
}

/** In an issued decision (the agency's, or the higher authority's on a proposal). */
export interface DossierAwarded {
  type: 'DossierAwarded';
  data: DossierEventFacts & { decisionId: string; decisionNumber: string };
}

/** In a proposal to the higher authority. */
export interface DossierProposed {
  type: 'DossierProposed';
  data: DossierEventFacts & { proposalId: string };
}

/** The awarding decision was revoked: back to `approved`. */
export interface DossierAwardRevoked {
  type: 'DossierAwardRevoked';
  data: DossierEventFacts & { decisionId: string };
}

/** The stream type of dossier streams. */
export const DOSSIER_STREAM_TYPE = 'review';

/** The stream id of a dossier in review (`review-<nominationId>`). */
export function dossierStreamId(nominationId: string): string {
  return `${DOSSIER_STREAM_TYPE}-${nominationId}`;
}
