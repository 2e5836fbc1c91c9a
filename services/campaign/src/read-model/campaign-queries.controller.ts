import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GET_CAMPAIGN,
  GetCampaignQuery,
  LIST_CAMPAIGNS,
  ListCampaignsQuery,
  type CampaignList,
  type CampaignView,
} from '@ttkt/contracts';
import { answer, validateCommand } from '@ttkt/messaging';
import { CampaignReadRepository } from './campaign-read.repository';

/** RPC entries of `campaign.get-campaign` and `campaign.list-campaigns` (the read table). */
@Controller()
export class CampaignQueriesController {
  constructor(private readonly reads: CampaignReadRepository) {}

  @MessagePattern(GET_CAMPAIGN)
  async get(@Payload() payload: unknown): Promise<CampaignView> {
    const query = validateCommand(GetCampaignQuery, payload);
    return answer(() => this.reads.get(query.tenantId, query.campaignId));
  }

  @MessagePattern(LIST_CAMPAIGNS)
  async list(@Payload() payload: unknown): Promise<CampaignList> {
    const query = validateCommand(ListCampaignsQuery, payload);
    return answer(() =>
      this.reads.list({
        tenantId: query.tenantId,
        ...(query.agencyIds ? { agencyIds: query.agencyIds } : {}),
        ...(query.agencyId ? { agencyId: query.agencyId } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      }),
    );
  }
}
