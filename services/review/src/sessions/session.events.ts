import type { NomineeSnapshot, SessionTie, TallyLine, ThresholdDenominator } from '@ttkt/contracts';
import type { CouncilActor, CouncilRules } from '../council/council.events';

/**
 * The events stored in a council session's stream (`session-<sessionId>`). A secret ballot's
 * choice never appears in any of them: `BallotCast` records only that the member voted (for the
 * quorum and the audit); the choice is counted apart (`review_secret_tallies`, counters without
 * voters) and shows only as the tally of `SessionClosed`. An open vote is a `VoteCast` with its
 * choice, changeable (the last one counts) until the session closes.
 */
export type SessionEvent = SessionOpened | VoteCast | BallotCast | SessionClosed | TieBreakRecorded;

/** The council as in force on the session's day, copied into the session. */
export interface SessionCouncil {
  chairUserId: string;
  secretaryUserId: string;
  memberUserIds: string[];
  rules: CouncilRules;
}

/** A dossier on the agenda (accepted when the session opened). */
export interface AgendaDossier {
  nominationId: string;
  /** The nominee as submitted. */
  nominee: NomineeSnapshot;
  nominatingUnitId: string;
}

/** An award form on the agenda, with the threshold and ballot its rules give it. */
export interface AgendaForm {
  awardFormCode: string;
  awardFormName: string;
  /** The plan's quota (places). */
  quota: number;
  threshold: { fraction: string; of: ThresholdDenominator };
  secretBallot: boolean;
  dossiers: AgendaDossier[];
}

/** One form's result when the session closed: counts only. */
export interface ClosedForm {
  awardFormCode: string;
  quota: number;
  threshold: { fraction: string; of: ThresholdDenominator };
  secretBallot: boolean;
  /** A line per tallied dossier, approved first by yes votes. */
  tally: TallyLine[];
  tie: SessionTie | null;
}

/** What every session event carries. */
interface Attributed {
  sessionId: string;
  /** When it took effect (ISO-8601). */
  at: string;
  by: CouncilActor | null;
}

/** The secretariat opened a session of the agency's council for a campaign. */
export interface SessionOpened {
  type: 'SessionOpened';
  data: Attributed & {
    campaignId: string;
    agencyId: string;
    heldOn: string;
    council: SessionCouncil;
    presentUserIds: string[];
    agenda: AgendaForm[];
  };
}

/** A member's open vote on a dossier (a later one replaces it). */
export interface VoteCast {
  type: 'VoteCast';
  data: Attributed & { voterUserId: string; nominationId: string; approve: boolean };
}

/** A member cast a secret ballot on a dossier: that they voted, never how. */
export interface BallotCast {
  type: 'BallotCast';
  data: Attributed & { voterUserId: string; nominationId: string };
}

/** The session closed: attendance, the quorum, and each form's tally, ranking and tie. */
export interface SessionClosed {
  type: 'SessionClosed';
  data: Attributed & {
    campaignId: string;
    agencyId: string;
    heldOn: string;
    chairUserId: string;
    secretaryUserId: string;
    memberUserIds: string[];
    presentUserIds: string[];
    rulesSource: string;
    quorum: { members: number; present: number; required: string; met: boolean };
    forms: ClosedForm[];
  };
}

/** The chair chose among the dossiers tied at a form's last place. */
export interface TieBreakRecorded {
  type: 'TieBreakRecorded';
  data: Attributed & {
    awardFormCode: string;
    chosenNominationIds: string[];
    reason: string;
    byUserId: string;
  };
}

/** The stream type of session streams. */
export const SESSION_STREAM_TYPE = 'session';

/** The stream id of a council session (`session-<sessionId>`). */
export function sessionStreamId(sessionId: string): string {
  return `${SESSION_STREAM_TYPE}-${sessionId}`;
}
