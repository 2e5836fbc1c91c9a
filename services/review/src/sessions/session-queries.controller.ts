import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DomainError,
  GetSessionQuery,
  ListSessionsQuery,
  REVIEW_RPC,
  type CouncilSessionList,
  type CouncilSessionView,
} from '@ttkt/contracts';
import { runRpc } from '../council/command-context';
import { SessionReads } from './session-reads';

/** RPC entries of `review.get-session` and `review.list-sessions`, from `review_sessions`. */
@Controller()
export class SessionQueriesController {
  constructor(private readonly reads: SessionReads) {}

  @MessagePattern(REVIEW_RPC.getSession)
  get(@Payload() payload: unknown): Promise<CouncilSessionView> {
    return runRpc(GetSessionQuery, payload, async (query) => {
      const view = await this.reads.get(query.tenantId, query.sessionId);
      if (!view) throw new DomainError('not-found', { sessionId: query.sessionId });
      return view;
    });
  }

  @MessagePattern(REVIEW_RPC.listSessions)
  list(@Payload() payload: unknown): Promise<CouncilSessionList> {
    return runRpc(ListSessionsQuery, payload, async (query) => ({
      items: await this.reads.listByCampaign(query.tenantId, query.campaignId),
    }));
  }
}
