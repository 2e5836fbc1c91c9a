import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DomainError,
  ListByCampaignQuery,
  REVIEW_RPC,
  type QuotaLedgerView,
} from '@ttkt/contracts';
import { CampaignCopy } from '../copies/campaign-copy';
import { runAwardRpc } from './award-rpc';
import { QuotaLedgers } from './quota-ledgers';

/** RPC entry of `review.get-quota-ledger`. */
@Controller()
export class QuotaLedgerController {
  constructor(
    private readonly campaigns: CampaignCopy,
    private readonly ledgers: QuotaLedgers,
  ) {}

  /**
   * A campaign's quota ledger per award form of its plan (`limit` and `cursor` are not used: one
   * ledger per form); `not-found` while the campaign has not reached review.
   */
  @MessagePattern(REVIEW_RPC.getQuotaLedger)
  get(@Payload() payload: unknown): Promise<QuotaLedgerView> {
    return runAwardRpc(ListByCampaignQuery, payload, async (query) => {
      const campaign = await this.campaigns.get(query.tenantId, query.campaignId);
      if (campaign === null) throw new DomainError('not-found', { campaignId: query.campaignId });
      return this.ledgers.view(query.tenantId, campaign);
    });
  }
}
