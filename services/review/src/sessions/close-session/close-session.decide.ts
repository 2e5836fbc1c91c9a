import { DomainError } from '@ttkt/contracts';
import type { CouncilActor } from '../../council/council.events';
import { fractionOf, reaches } from '../../council/fraction';
import type { ClosedForm, SessionEvent } from '../session.events';
import type { CouncilSession, SessionState } from '../session.state';
import { tallyForm, type DossierCount } from '../tally';

/** Close a session: check the quorum, tally, rank and report ties. */
export interface CloseSession {
  type: 'CloseSession';
  sessionId: string;
  /** The secret ballots' counters by dossier (kept apart from the stream); absent: none cast. */
  secretCounts: Readonly<Record<string, { yes: number; no: number }>>;
  /**
   * Agenda dossiers no longer open to the vote (withdrawn since the opening, or already decided
   * by another session): left out of the tally.
   */
  leftOut: readonly string[];
  actor: CouncilActor | null;
  now: Date;
}

/**
 * Closes an open session (`not-found` when unknown, `session-closed` when closed already). The
 * quorum: the members present ÷ the members reach the rules' quorum and, when set, their minimum
 * attendance (exactly), else `quorum-not-met`. Each form's dossiers (less those left out) are
 * tallied by {@link tallyForm}: open ballots from each member's last vote, secret ballots from
 * their counters. `SessionClosed` carries counts only.
 */
export function decideCloseSession(command: CloseSession, state: SessionState): SessionEvent[] {
  if (state.status === 'none') throw new DomainError('not-found', { sessionId: command.sessionId });
  if (state.status === 'closed') {
    throw new DomainError('session-closed', { sessionId: state.sessionId });
  }
  const { rules, memberUserIds } = state.council;
  const members = memberUserIds.length;
  const present = state.presentUserIds.length;
  const met =
    reaches(present, members, fractionOf(rules.quorum)) &&
    (rules.minAttendance === null || reaches(present, members, fractionOf(rules.minAttendance)));
  if (!met) {
    throw new DomainError('quorum-not-met', {
      sessionId: state.sessionId,
      members,
      present,
      required: rules.quorum,
      minAttendance: rules.minAttendance,
    });
  }
  const leftOut = new Set(command.leftOut);
  const forms: ClosedForm[] = state.agenda.map((form) => {
    const counts = form.dossiers
      .filter((dossier) => !leftOut.has(dossier.nominationId))
      .map((dossier) =>
        form.secretBallot
          ? secretCount(command, dossier.nominationId)
          : openCount(state, dossier.nominationId),
      );
    const { tally, tie } = tallyForm({
      quota: form.quota,
      threshold: form.threshold,
      members,
      present,
      counts,
    });
    return {
      awardFormCode: form.awardFormCode,
      quota: form.quota,
      threshold: form.threshold,
      secretBallot: form.secretBallot,
      tally,
      tie,
    };
  });
  return [
    {
      type: 'SessionClosed',
      data: {
        sessionId: state.sessionId,
        campaignId: state.campaignId,
        agencyId: state.agencyId,
        heldOn: state.heldOn,
        chairUserId: state.council.chairUserId,
        secretaryUserId: state.council.secretaryUserId,
        memberUserIds: [...memberUserIds],
        presentUserIds: [...state.presentUserIds],
        rulesSource: rules.source,
        quorum: { members, present, required: rules.quorum, met: true },
        forms,
        at: command.now.toISOString(),
        by: command.actor,
      },
    },
  ];
}

/** An open ballot's count: each member's last vote, once. */
function openCount(state: CouncilSession, nominationId: string): DossierCount {
  const choices = Object.values(state.openVotes[nominationId] ?? {});
  const yes = choices.filter((approve) => approve).length;
  return { nominationId, yes, no: choices.length - yes };
}

function secretCount(command: CloseSession, nominationId: string): DossierCount {
  const counters = command.secretCounts[nominationId];
  return { nominationId, yes: counters?.yes ?? 0, no: counters?.no ?? 0 };
}
