import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DossierHistoryQuery, REVIEW_RPC, type DossierReviewHistory } from '@ttkt/contracts';
import { SessionHistory } from '../../sessions/session-history';
import { runDossierRpc } from '../dossier-commands';
import { DossierStreams } from '../dossier-streams';
import { dossierHistoryItems, mergeHistory } from './dossier-history';

/**
 * RPC entry of `review.dossier-history`: the dossier's review outcomes with the session events
 * about it (votes, ballots without choices, the tally line), by instant. An unknown dossier has
 * an empty history. Declared by the service's root module, which imports both areas.
 */
@Controller()
export class DossierHistoryController {
  constructor(
    private readonly streams: DossierStreams,
    private readonly sessions: SessionHistory,
  ) {}

  /** The history of one dossier. */
  @MessagePattern(REVIEW_RPC.dossierHistory)
  history(@Payload() payload: unknown): Promise<DossierReviewHistory> {
    return runDossierRpc(DossierHistoryQuery, payload, async (query) => {
      const [stored, sessionItems] = await Promise.all([
        this.streams.stored(query.tenantId, query.nominationId),
        this.sessions.forDossier(query.tenantId, query.nominationId),
      ]);
      return { items: mergeHistory(dossierHistoryItems(stored), sessionItems) };
    });
  }
}
