import type { SessionTieBreak } from '@ttkt/contracts';
import type {
  AgendaForm,
  ClosedForm,
  SessionCouncil,
  SessionEvent,
  SessionClosed,
} from './session.events';

/** A session's result once closed. */
export interface SessionResult {
  closedAt: string;
  quorum: SessionClosed['data']['quorum'];
  forms: ClosedForm[];
}

/** A session that exists. */
export interface CouncilSession {
  status: 'open' | 'closed';
  sessionId: string;
  campaignId: string;
  agencyId: string;
  heldOn: string;
  council: SessionCouncil;
  presentUserIds: string[];
  agenda: AgendaForm[];
  /** Open ballots: per dossier, each voter's current choice (in the order they first voted). */
  openVotes: Record<string, Record<string, boolean>>;
  /** Secret ballots: per dossier, who has voted (never how). */
  ballots: Record<string, string[]>;
  result: SessionResult | null;
  /** The chair's tie-breaks by award form. */
  tieBreaks: Record<string, SessionTieBreak>;
  openedAt: string;
  /** Events applied so far (the stream's version). */
  version: number;
}

/** A session's state, folded from its stream. */
export type SessionState = { status: 'none'; version: 0 } | CouncilSession;

/** The state of a stream with no events. */
export function initialSessionState(): SessionState {
  return { status: 'none', version: 0 };
}

/** Applies one stored event (total: stored events are facts). */
export function evolveSession(state: SessionState, event: SessionEvent): SessionState {
  if (event.type === 'SessionOpened') {
    const { data } = event;
    return {
      status: 'open',
      sessionId: data.sessionId,
      campaignId: data.campaignId,
      agencyId: data.agencyId,
      heldOn: data.heldOn,
      council: data.council,
      presentUserIds: data.presentUserIds,
      agenda: data.agenda,
      openVotes: {},
      ballots: {},
      result: null,
      tieBreaks: {},
      openedAt: data.at,
      version: state.version + 1,
    };
  }
  if (state.status === 'none') return state;
  const next: CouncilSession = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'VoteCast': {
      const { nominationId, voterUserId, approve } = event.data;
      return {
        ...next,
        openVotes: {
          ...next.openVotes,
          [nominationId]: { ...next.openVotes[nominationId], [voterUserId]: approve },
        },
      };
    }
    case 'BallotCast': {
      const { nominationId, voterUserId } = event.data;
      const voters = next.ballots[nominationId] ?? [];
      return {
        ...next,
        ballots: {
          ...next.ballots,
          [nominationId]: voters.includes(voterUserId) ? voters : [...voters, voterUserId],
        },
      };
    }
    case 'SessionClosed':
      return {
        ...next,
        status: 'closed',
        result: { closedAt: event.data.at, quorum: event.data.quorum, forms: event.data.forms },
      };
    case 'TieBreakRecorded':
      return {
        ...next,
        tieBreaks: {
          ...next.tieBreaks,
          [event.data.awardFormCode]: {
            chosenNominationIds: event.data.chosenNominationIds,
            reason: event.data.reason,
            byUserId: event.data.byUserId,
            at: event.data.at,
          },
        },
      };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/** The state after some events. */
export function foldSession(
  events: readonly SessionEvent[],
  state: SessionState = initialSessionState(),
): SessionState {
  return events.reduce(evolveSession, state);
}

/** The agenda form a dossier is on, or undefined. */
export function agendaFormOf(
  session: CouncilSession,
  nominationId: string,
): AgendaForm | undefined {
  return session.agenda.find((form) =>
    form.dossiers.some((dossier) => dossier.nominationId === nominationId),
  );
}
