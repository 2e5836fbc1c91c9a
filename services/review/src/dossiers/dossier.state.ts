import type { NomineeSnapshot } from '@ttkt/contracts';
import type { DossierEvent, DossierNomineeRef } from './dossier.events';

/** Where a dossier stands in review. */
export type ReviewDossierStatus =
  | 'submitted'
  | 'returned'
  | 'accepted'
  | 'approved'
  | 'not-approved'
  | 'awarded'
  | 'proposed'
  | 'withdrawn';

/** A dossier review has received. */
export interface ReviewDossier {
  status: ReviewDossierStatus;
  nominationId: string;
  campaignId: string;
  agencyId: string;
  awardFormCode: string;
  nomineeRef: DossierNomineeRef;
  /** The nominee as of the last submission. */
  nominee: NomineeSnapshot;
  nominatingUnitId: string;
  achievementSummary: string;
  /** The session that approved it last, or null. */
  sessionId: string | null;
  /** The decision it is awarded in (while awarded), or null. */
  decisionId: string | null;
  /** The proposal it is in (once proposed), or null. */
  proposalId: string | null;
  /** Events applied so far (the stream's version). */
  version: number;
}

/** A dossier's review state, folded from its stream: none until its submission arrives. */
export type DossierState = { status: 'none' } | ReviewDossier;

/** The state of a stream with no events. */
export function initialDossierState(): DossierState {
  return { status: 'none' };
}

/** Applies one stored event (total: stored events are facts). */
export function evolveDossier(state: DossierState, event: DossierEvent): DossierState {
  if (event.type === 'DossierReceived') {
    const { data } = event;
    const previous = state.status === 'none' ? null : state;
    return {
      status: 'submitted',
      nominationId: data.nominationId,
      campaignId: data.campaignId,
      agencyId: data.agencyId,
      awardFormCode: data.awardFormCode,
      nomineeRef: data.nomineeRef,
      nominee: data.nominee,
      nominatingUnitId: data.nominatingUnitId,
      achievementSummary: data.achievementSummary,
      sessionId: previous?.sessionId ?? null,
      decisionId: previous?.decisionId ?? null,
      proposalId: previous?.proposalId ?? null,
      version: (previous?.version ?? 0) + 1,
    };
  }
  if (state.status === 'none') return state;
  const next: ReviewDossier = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'DossierAccepted':
      return { ...next, status: 'accepted' };
    case 'DossierReturned':
      return { ...next, status: 'returned' };
    case 'DossierWithdrawn':
      return { ...next, status: 'withdrawn' };
    case 'DossierApproved':
      return { ...next, status: 'approved', sessionId: event.data.sessionId };
    case 'DossierNotApproved':
      return { ...next, status: 'not-approved' };
    case 'DossierAwarded':
      return { ...next, status: 'awarded', decisionId: event.data.decisionId };
    case 'DossierProposed':
      return { ...next, status: 'proposed', proposalId: event.data.proposalId };
    case 'DossierAwardRevoked':
      return { ...next, status: 'approved', decisionId: null };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/** The state after some events. */
export function foldDossier(
  events: readonly DossierEvent[],
  state: DossierState = initialDossierState(),
): DossierState {
  return events.reduce(evolveDossier, state);
}
