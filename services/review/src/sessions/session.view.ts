import type { CouncilSessionView, SessionDossierVotes } from '@ttkt/contracts';
import { toCouncilRulesView } from '../council/council.view';
import { SUGGESTED_TIE_BREAK_REASON } from './record-tie-break/record-tie-break.decide';
import type { CouncilSession } from './session.state';

/**
 * The session as the API shows it. While open and after: for an open ballot each member's current
 * vote; for a secret ballot only who has voted and how many — never a choice. After closing, the
 * quorum and each form's tally, ranking, tie and the chair's tie-break.
 */
export function toSessionView(session: CouncilSession): CouncilSessionView {
  const votes: SessionDossierVotes[] = session.agenda.flatMap((form) =>
    form.dossiers.map((dossier) => {
      if (form.secretBallot) {
        const voters = session.ballots[dossier.nominationId] ?? [];
        return {
          nominationId: dossier.nominationId,
          voters: voters.length,
          votes: [],
          votedUserIds: [...voters],
        };
      }
      const choices = Object.entries(session.openVotes[dossier.nominationId] ?? {});
      return {
        nominationId: dossier.nominationId,
        voters: choices.length,
        votes: choices.map(([voterUserId, approve]) => ({ voterUserId, approve })),
        votedUserIds: [],
      };
    }),
  );
  return {
    id: session.sessionId,
    campaignId: session.campaignId,
    agencyId: session.agencyId,
    heldOn: session.heldOn,
    status: session.status,
    chairUserId: session.council.chairUserId,
    secretaryUserId: session.council.secretaryUserId,
    memberUserIds: [...session.council.memberUserIds],
    presentUserIds: [...session.presentUserIds],
    rules: toCouncilRulesView(session.council.rules),
    agenda: session.agenda.map((form) => ({
      awardFormCode: form.awardFormCode,
      awardFormName: form.awardFormName,
      quota: form.quota,
      threshold: { ...form.threshold },
      secretBallot: form.secretBallot,
      dossiers: form.dossiers.map((dossier) => ({ ...dossier })),
    })),
    votes,
    result: session.result
      ? {
          closedAt: session.result.closedAt,
          quorum: { ...session.result.quorum },
          forms: session.result.forms.map((form) => ({
            awardFormCode: form.awardFormCode,
            quota: form.quota,
            threshold: { ...form.threshold },
            secretBallot: form.secretBallot,
            tally: form.tally.map((line) => ({ ...line })),
            tie: form.tie ? { ...form.tie, nominationIds: [...form.tie.nominationIds] } : null,
            tieBreak: session.tieBreaks[form.awardFormCode] ?? null,
            suggestedTieBreakReason:
              form.tie && !session.tieBreaks[form.awardFormCode]
                ? SUGGESTED_TIE_BREAK_REASON
                : null,
          })),
        }
      : null,
    version: session.version,
  };
}
