import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DRAFT_CAMPAIGN,
  GET_CAMPAIGN_STATUS,
  type CampaignStatusView,
  type CommandResult,
  type DraftCampaignCommand,
  type GetCampaignStatusQuery,
} from '@ttkt/contracts';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../request-context';
import { CampaignIdParams, CampaignStatusQueryDto } from './campaign-status.dto';
import { DraftCampaignDto } from './draft-campaign.dto';

/** The dashboard waits for `minPosition` at most this long; the RPC waits a little longer. */
const STATUS_WAIT_MS = 5_000;

/** `/api/v1/campaigns`: plans. */
@ApiTags('campaigns')
@Controller('api/v1/campaigns')
export class CampaignsHttpController {
  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    private readonly context: RequestContext,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Draft a plan (Kế hoạch)' })
  async draft(
    @Body() body: DraftCampaignDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    const campaignId = randomUUID();
    const command: DraftCampaignCommand = {
      context: this.context.commandContext(),
      campaignId,
      plan: { ...body },
    };
    const result = await this.sender.send<CommandResult<{ id: string }>>(
      'campaign',
      DRAFT_CAMPAIGN,
      command,
    );
    response.setHeader('Location', `/api/v1/campaigns/${campaignId}`);
    response.setHeader('ETag', `"${result.version}"`);
    return { ...result.body, position: result.position };
  }

  @Get(':id/status')
  @ApiOperation({ summary: 'Where a campaign stands (read model); waits for minPosition' })
  async status(
    @Param() params: CampaignIdParams,
    @Query() query: CampaignStatusQueryDto,
  ): Promise<CampaignStatusView> {
    const request: GetCampaignStatusQuery = {
      tenantId: this.context.tenantId(),
      campaignId: params.id,
      ...(query.minPosition ? { minPosition: query.minPosition, waitMs: STATUS_WAIT_MS } : {}),
    };
    return this.sender.send<CampaignStatusView>('dashboard', GET_CAMPAIGN_STATUS, request, {
      timeoutMs: STATUS_WAIT_MS + 3_000,
    });
  }
}
