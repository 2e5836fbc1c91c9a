import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DomainError,
  GetReviewDocumentQuery,
  ListByCampaignQuery,
  REVIEW_RPC,
  type DecisionList,
  type DecisionView,
} from '@ttkt/contracts';
import { runAwardRpc } from '../quota/award-rpc';
import { DecisionReads } from './decision-streams';

/** RPC entries of the decisions' reads. */
@Controller()
export class DecisionQueriesController {
  constructor(private readonly reads: DecisionReads) {}

  /** `review.get-decision`: one decision; `not-found` for none. */
  @MessagePattern(REVIEW_RPC.getDecision)
  get(@Payload() payload: unknown): Promise<DecisionView> {
    return runAwardRpc(GetReviewDocumentQuery, payload, async (query) => {
      const view = await this.reads.get(query.tenantId, query.id);
      if (view === null) throw new DomainError('not-found', { decisionId: query.id });
      return view;
    });
  }

  /** `review.list-decisions`: a campaign's decisions, oldest first, a page at a time. */
  @MessagePattern(REVIEW_RPC.listDecisions)
  list(@Payload() payload: unknown): Promise<DecisionList> {
    return runAwardRpc(ListByCampaignQuery, payload, (query) =>
      this.reads.list(query.tenantId, query.campaignId, query.limit, query.cursor),
    );
  }
}
