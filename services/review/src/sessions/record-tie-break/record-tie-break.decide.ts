import { DomainError, type ValidationIssue } from '@ttkt/contracts';
import type { CouncilActor } from '../../council/council.events';
import type { SessionEvent } from '../session.events';
import type { SessionState } from '../session.state';

/**
 * The reason the view suggests for a tie-break: the preference for women among equals of
 * clause 6, Article 4 of Decree 152/2025/NĐ-CP.
 */
export const SUGGESTED_TIE_BREAK_REASON = 'Ưu tiên nữ theo khoản 6 Điều 4 Nghị định 152/2025/NĐ-CP';

/** The chair's choice among the dossiers tied at a form's last place. */
export interface RecordTieBreak {
  type: 'RecordTieBreak';
  sessionId: string;
  awardFormCode: string;
  chosenNominationIds: string[];
  reason: string;
  actor: CouncilActor | null;
  now: Date;
}

/**
 * A tie-break: only the session council's chair (`forbidden`), only once the session is closed
 * (`invalid-state`, `reason: 'session-open'`), only for a form of the agenda
 * (`unknown-award-form`) whose tally has a tie (`invalid-state`, `reason: 'no-tie'`), and once
 * (`invalid-state`, `reason: 'tie-break-recorded'`). The chosen dossiers must be among the tied
 * ones and exactly as many as the tie's places; the reason not blank (`validation-failed`).
 */
export function decideRecordTieBreak(command: RecordTieBreak, state: SessionState): SessionEvent[] {
  if (state.status === 'none') throw new DomainError('not-found', { sessionId: command.sessionId });
  const chair = state.council.chairUserId;
  if (command.actor?.kind !== 'user' || command.actor.id !== chair) {
    throw new DomainError('forbidden', { sessionId: state.sessionId, reason: 'not-the-chair' });
  }
  if (state.status === 'open' || state.result === null) {
    throw new DomainError('invalid-state', { sessionId: state.sessionId, reason: 'session-open' });
  }
  const form = state.result.forms.find(
    (candidate) => candidate.awardFormCode === command.awardFormCode,
  );
  if (!form) throw new DomainError('unknown-award-form', { awardFormCode: command.awardFormCode });
  const tie = form.tie;
  if (!tie) {
    throw new DomainError('invalid-state', {
      sessionId: state.sessionId,
      awardFormCode: form.awardFormCode,
      reason: 'no-tie',
    });
  }
  if (state.tieBreaks[form.awardFormCode]) {
    throw new DomainError('invalid-state', {
      sessionId: state.sessionId,
      awardFormCode: form.awardFormCode,
      reason: 'tie-break-recorded',
    });
  }
  const issues: ValidationIssue[] = [];
  command.chosenNominationIds.forEach((nominationId, index) => {
    if (!tie.nominationIds.includes(nominationId)) {
      issues.push({ path: `chosenNominationIds[${index}]`, message: 'notTied' });
    }
  });
  if (command.chosenNominationIds.length !== tie.places) {
    issues.push({ path: 'chosenNominationIds', message: 'tiePlaces' });
  }
  const reason = command.reason.normalize('NFC').trim();
  if (reason === '') issues.push({ path: 'reason', message: 'isNotEmpty' });
  if (issues.length > 0) {
    throw new DomainError('validation-failed', { places: tie.places }, issues);
  }
  return [
    {
      type: 'TieBreakRecorded',
      data: {
        sessionId: state.sessionId,
        awardFormCode: form.awardFormCode,
        chosenNominationIds: [...command.chosenNominationIds],
        reason,
        byUserId: command.actor.id,
        at: command.now.toISOString(),
        by: command.actor,
      },
    },
  ];
}
