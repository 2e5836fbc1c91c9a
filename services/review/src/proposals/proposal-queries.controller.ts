import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DomainError,
  GetReviewDocumentQuery,
  ListByCampaignQuery,
  REVIEW_RPC,
  type ProposalList,
  type ProposalView,
} from '@ttkt/contracts';
import { runAwardRpc } from '../quota/award-rpc';
import { ProposalReads } from './proposal-streams';

/** RPC entries of the proposals' reads. */
@Controller()
export class ProposalQueriesController {
  constructor(private readonly reads: ProposalReads) {}

  /** `review.get-proposal`: one proposal; `not-found` for none. */
  @MessagePattern(REVIEW_RPC.getProposal)
  get(@Payload() payload: unknown): Promise<ProposalView> {
    return runAwardRpc(GetReviewDocumentQuery, payload, async (query) => {
      const view = await this.reads.get(query.tenantId, query.id);
      if (view === null) throw new DomainError('not-found', { proposalId: query.id });
      return view;
    });
  }

  /** `review.list-proposals`: a campaign's proposals, oldest first, a page at a time. */
  @MessagePattern(REVIEW_RPC.listProposals)
  list(@Payload() payload: unknown): Promise<ProposalList> {
    return runAwardRpc(ListByCampaignQuery, payload, (query) =>
      this.reads.list(query.tenantId, query.campaignId, query.limit, query.cursor),
    );
  }
}
