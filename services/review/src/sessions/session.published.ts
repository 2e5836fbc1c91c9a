import { REVIEW_SESSION_CLOSED_V1, type SessionClosedV1 } from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';
import type { ContractPayload } from '@ttkt/messaging';
import type { SessionEvent } from './session.events';

/** The session event types (a stored event of another area is not mapped here). */
const SESSION_EVENT_TYPES: ReadonlySet<string> = new Set<SessionEvent['type']>([
  'SessionOpened',
  'VoteCast',
  'BallotCast',
  'SessionClosed',
  'TieBreakRecorded',
]);

/**
 * Maps a stored session event to its contract payload: `SessionClosed` becomes
 * `review.session-closed.v1` (attendance and the tally — counts only — for the minutes); the
 * opening, votes, ballots and tie-breaks stay inside (`[]`), as does any other area's event.
 */
export function sessionContractEvents(
  stored: Pick<StoredEvent, 'type' | 'data'>,
): ContractPayload[] {
  if (!SESSION_EVENT_TYPES.has(stored.type)) return [];
  const event = stored as SessionEvent;
  switch (event.type) {
    case 'SessionClosed': {
      const { data: closed } = event;
      const data: SessionClosedV1 = {
        sessionId: closed.sessionId,
        campaignId: closed.campaignId,
        agencyId: closed.agencyId,
        heldOn: closed.heldOn,
        chairUserId: closed.chairUserId,
        secretaryUserId: closed.secretaryUserId,
        memberUserIds: [...closed.memberUserIds],
        presentUserIds: [...closed.presentUserIds],
        rulesSource: closed.rulesSource,
        forms: closed.forms.map((form) => ({
          awardFormCode: form.awardFormCode,
          quota: form.quota,
          fraction: form.threshold.fraction,
          of: form.threshold.of,
          secretBallot: form.secretBallot,
          tally: form.tally.map((line) => ({
            nominationId: line.nominationId,
            yes: line.yes,
            no: line.no,
            ballots: line.ballots,
            denominator: line.denominator,
            approved: line.approved,
            rank: line.rank,
          })),
          tie: form.tie
            ? {
                nominationIds: [...form.tie.nominationIds],
                places: form.tie.places,
                yes: form.tie.yes,
              }
            : null,
        })),
        closedAt: closed.at,
      };
      return [{ type: REVIEW_SESSION_CLOSED_V1, data }];
    }
    case 'SessionOpened':
    case 'VoteCast':
    case 'BallotCast':
    case 'TieBreakRecorded':
      return [];
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
