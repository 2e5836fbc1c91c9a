import { Inject, Injectable } from '@nestjs/common';
import type { DossierReviewHistoryItem } from '@ttkt/contracts';
import type { EventStore, StoredEvent } from '@ttkt/event-store';
import { EVENT_STORE } from '@ttkt/messaging';
import { SessionReads } from './session-reads';
import { sessionStreamId, type SessionEvent } from './session.events';

/**
 * The session events about one dossier, for its review history: each open vote with its voter and
 * choice (`VoteCast`), each secret ballot with its voter only (`BallotCast`), the dossier's own
 * line of the tally (`SessionClosed`) and the chair's tie-break when the dossier was tied
 * (`TieBreakRecorded`: whether it was chosen).
 */
@Injectable()
export class SessionHistory {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reads: SessionReads,
  ) {}

  /** The items of every session whose agenda held the dossier, by session then event order. */
  async forDossier(tenantId: string, nominationId: string): Promise<DossierReviewHistoryItem[]> {
    const sessionIds = await this.reads.sessionIdsWithDossier(tenantId, nominationId);
    const items: DossierReviewHistoryItem[] = [];
    for (const sessionId of sessionIds) {
      const stored = await this.store.readStream({
        tenantId,
        streamId: sessionStreamId(sessionId),
      });
      items.push(...sessionHistoryItems(stored, nominationId));
    }
    return items;
  }
}

/** The history items one session's stored events give the dossier, in stream order. */
export function sessionHistoryItems(
  stored: readonly StoredEvent[],
  nominationId: string,
): DossierReviewHistoryItem[] {
  /** The forms whose tie held the dossier. */
  const tiedIn = new Set<string>();
  return stored.flatMap((event) => {
    const item = historyItemOf(event, nominationId, tiedIn);
    return item ? [item] : [];
  });
}

function historyItemOf(
  stored: StoredEvent,
  nominationId: string,
  tiedIn: Set<string>,
): DossierReviewHistoryItem | null {
  const event = { type: stored.type, data: stored.data } as SessionEvent;
  const item = (data: Record<string, unknown>): DossierReviewHistoryItem => ({
    type: event.type,
    at: event.data.at,
    actor: stored.metadata.actor
      ? { kind: stored.metadata.actor.kind, id: stored.metadata.actor.id }
      : null,
    data,
  });
  switch (event.type) {
    case 'SessionOpened':
      return null;
    case 'VoteCast':
      if (event.data.nominationId !== nominationId) return null;
      return item({
        sessionId: event.data.sessionId,
        voterUserId: event.data.voterUserId,
        approve: event.data.approve,
      });
    case 'BallotCast':
      if (event.data.nominationId !== nominationId) return null;
      return item({ sessionId: event.data.sessionId, voterUserId: event.data.voterUserId });
    case 'SessionClosed': {
      for (const form of event.data.forms) {
        const line = form.tally.find((candidate) => candidate.nominationId === nominationId);
        if (!line) continue;
        const tied = form.tie?.nominationIds.includes(nominationId) ?? false;
        if (tied) tiedIn.add(form.awardFormCode);
        return item({
          sessionId: event.data.sessionId,
          heldOn: event.data.heldOn,
          awardFormCode: form.awardFormCode,
          threshold: form.threshold,
          secretBallot: form.secretBallot,
          ...line,
          tied,
        });
      }
      return null;
    }
    case 'TieBreakRecorded':
      if (!tiedIn.has(event.data.awardFormCode)) return null;
      return item({
        sessionId: event.data.sessionId,
        awardFormCode: event.data.awardFormCode,
        chosen: event.data.chosenNominationIds.includes(nominationId),
        reason: event.data.reason,
      });
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
