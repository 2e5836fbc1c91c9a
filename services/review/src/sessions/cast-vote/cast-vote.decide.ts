import { DomainError } from '@ttkt/contracts';
import type { CouncilActor } from '../../council/council.events';
import type { SessionEvent } from '../session.events';
import { agendaFormOf, type SessionState } from '../session.state';

/** A member's vote on a dossier of the session (the voter is the command's actor). */
export interface CastVote {
  type: 'CastVote';
  sessionId: string;
  nominationId: string;
  approve: boolean;
  actor: CouncilActor | null;
  now: Date;
}

/**
 * A vote: the session must exist (`not-found`) and be open (`session-closed`); the actor must be
 * a user among the session council's members (`not-a-council-member`); a member absent votes only
 * in writing where the rules allow it (`invalid-state`, `reason: 'absent-member'`); the dossier
 * must be on the agenda (`not-found`). An open ballot records `VoteCast` with the choice; the same
 * choice again records nothing, another replaces it. A secret ballot records `BallotCast` without
 * the choice (the caller counts it apart) and only once per member and dossier (`invalid-state`,
 * `reason: 'ballot-already-cast'`).
 */
export function decideCastVote(command: CastVote, state: SessionState): SessionEvent[] {
  if (state.status === 'none') throw new DomainError('not-found', { sessionId: command.sessionId });
  if (state.status === 'closed') {
    throw new DomainError('session-closed', { sessionId: state.sessionId });
  }
  const voter = command.actor;
  if (!voter || voter.kind !== 'user' || !state.council.memberUserIds.includes(voter.id)) {
    throw new DomainError('not-a-council-member', { userId: voter?.id ?? null });
  }
  if (!state.presentUserIds.includes(voter.id) && !state.council.rules.allowWrittenVotes) {
    throw new DomainError('invalid-state', {
      reason: 'absent-member',
      sessionId: state.sessionId,
      userId: voter.id,
    });
  }
  const form = agendaFormOf(state, command.nominationId);
  if (!form) {
    throw new DomainError('not-found', {
      sessionId: state.sessionId,
      nominationId: command.nominationId,
    });
  }
  const facts = {
    sessionId: state.sessionId,
    voterUserId: voter.id,
    nominationId: command.nominationId,
    at: command.now.toISOString(),
    by: voter,
  };
  if (form.secretBallot) {
    if ((state.ballots[command.nominationId] ?? []).includes(voter.id)) {
      throw new DomainError('invalid-state', {
        reason: 'ballot-already-cast',
        sessionId: state.sessionId,
        nominationId: command.nominationId,
      });
    }
    return [{ type: 'BallotCast', data: facts }];
  }
  if (state.openVotes[command.nominationId]?.[voter.id] === command.approve) return [];
  return [{ type: 'VoteCast', data: { ...facts, approve: command.approve } }];
}
