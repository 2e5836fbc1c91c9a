import type { ThresholdDenominator } from '@ttkt/contracts';

/**
 * The events stored in an agency's council stream (`council-<agencyId>`): each records one dated
 * configuration — members, chair, secretary and the voting rules with their legal source. A
 * configuration never replaces another: a session uses the one in force on the day it is held.
 */
export type CouncilEvent = CouncilConfigured;

/** Who did it, as the command's context says. */
export interface CouncilActor {
  kind: string;
  id: string;
}

/** A voting threshold: for one award form, or (without a code) for every form not named. */
export interface CouncilThreshold {
  /** The award form; absent: the default. */
  awardFormCode?: string;
  /** `"p/q"`. */
  fraction: string;
  /** Whose count the yes votes are divided by. */
  of: ThresholdDenominator;
  /** A secret ballot: the choices are kept apart from the voters. */
  secretBallot: boolean;
}

/** A council's rules as recorded (defaults applied). */
export interface CouncilRules {
  /** `"p/q"` of the members present for a session to sit. */
  quorum: string;
  /** `"p/q"` of the members present required besides the quorum, or null. */
  minAttendance: string | null;
  /** Whether members absent may vote in writing. */
  allowWrittenVotes: boolean;
  thresholds: CouncilThreshold[];
  /** The document and article the rules come from. */
  source: string;
  /** The first day (`YYYY-MM-DD`) they are in force. */
  effectiveFrom: string;
}

/** A dated configuration of the council was recorded. */
export interface CouncilConfigured {
  type: 'CouncilConfigured';
  data: {
    agencyId: string;
    chairUserId: string;
    secretaryUserId: string;
    memberUserIds: string[];
    rules: CouncilRules;
    /** When it was recorded (ISO-8601). */
    at: string;
    by: CouncilActor | null;
  };
}

/** The stream type of council streams. */
export const COUNCIL_STREAM_TYPE = 'council';

/** The stream id of an agency's council (`council-<agencyId>`). */
export function councilStreamId(agencyId: string): string {
  return `${COUNCIL_STREAM_TYPE}-${agencyId}`;
}
