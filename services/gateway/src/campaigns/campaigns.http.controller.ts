import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AMEND_CAMPAIGN,
  CANCEL_ISSUE,
  CLOSE_CAMPAIGN,
  DRAFT_CAMPAIGN,
  GET_CAMPAIGN,
  GET_CAMPAIGN_STATUS,
  isErrorCode,
  ISSUE_CAMPAIGN,
  LIST_CAMPAIGNS,
  UPDATE_DRAFT,
  type AmendCampaignCommand,
  type CampaignList,
  type CampaignStatusView,
  type CampaignView,
  type CancelIssueCommand,
  type CloseCampaignCommand,
  type CommandResult,
  type DraftCampaignCommand,
  type GetCampaignQuery,
  type GetCampaignStatusQuery,
  type IssueCampaignCommand,
  type IssueCampaignResult,
  type ListCampaignsQuery,
  type UpdateDraftCommand,
} from '@ttkt/contracts';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ISSUE_WAIT_MS } from '../auth/gateway-config';
import { Roles } from '../auth/roles.decorator';
import { ProblemException } from '../problem/problem.exception';
import { RequestContext } from '../request-context';
import {
  AmendCampaignDto,
  CancelIssueDto,
  CloseCampaignDto,
  GetCampaignQueryDto,
  IssueCampaignDto,
  ListCampaignsQueryDto,
} from './campaign-commands.dto';
import { CampaignIdParams, CampaignStatusQueryDto } from './campaign-status.dto';
import { CreateCampaignDto, UpdateCampaignDto } from './plan.dto';

/** The dashboard waits for `minPosition` at most this long; the RPC waits a little longer. */
const STATUS_WAIT_MS = 5_000;
/** Beyond the issue wait, what the campaign service may spend (its bounded directory wait, I/O). */
const ISSUE_RPC_MARGIN_MS = 10_000;

/** `/api/v1/campaigns`: plans from draft to issue, amendment and close. */
@ApiTags('campaigns')
@Controller('api/v1/campaigns')
export class CampaignsHttpController {
  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    @Inject(ISSUE_WAIT_MS) private readonly issueWaitMs: number,
    private readonly context: RequestContext,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('secretariat')
  @ApiOperation({ summary: 'Draft a plan (Kế hoạch) in the shape of the Bắc Kạn fixture' })
  async draft(
    @Body() body: CreateCampaignDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    this.context.assertRole(body.agencyId, 'secretariat');
    const campaignId = randomUUID();
    const command: DraftCampaignCommand = {
      context: this.context.commandContext(),
      campaignId,
      plan: plain(body),
    };
    const result = await this.sender.send<CommandResult<CampaignView>>(
      'campaign',
      DRAFT_CAMPAIGN,
      command,
    );
    response.setHeader('Location', `/api/v1/campaigns/${campaignId}`);
    return this.commandAnswer(result, response);
  }

  @Get()
  @ApiOperation({ summary: 'Campaigns of the agencies the caller may see, newest first' })
  async list(@Query() query: ListCampaignsQueryDto): Promise<CampaignList> {
    const visible = this.context.visibleAgencyIds();
    const request: ListCampaignsQuery = {
      tenantId: this.context.tenantId(),
      ...(visible === 'all' ? {} : { agencyIds: visible }),
      ...(query.agencyId ? { agencyId: query.agencyId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.limit ? { limit: query.limit } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    };
    return this.sender.send<CampaignList>('campaign', LIST_CAMPAIGNS, request);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A campaign (404 unless its agency is visible to the caller); ETag = version',
  })
  async get(
    @Param() params: CampaignIdParams,
    @Query() _query: GetCampaignQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CampaignView> {
    const campaign = await this.visible(params.id);
    response.setHeader('ETag', `"${campaign.version}"`);
    return campaign;
  }

  @Patch(':id')
  @Roles('secretariat')
  @ApiOperation({ summary: 'Replace fields of a draft plan (If-Match: the version read)' })
  async update(
    @Param() params: CampaignIdParams,
    @Body() body: UpdateCampaignDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    const expectedVersion = versionOf(ifMatch);
    const campaign = await this.visible(params.id);
    this.context.assertRole(campaign.agencyId, 'secretariat');
    const command: UpdateDraftCommand = {
      context: this.context.commandContext(),
      campaignId: params.id,
      expectedVersion,
      changes: plain(body),
    };
    const result = await this.sender.send<CommandResult<CampaignView>>(
      'campaign',
      UPDATE_DRAFT,
      command,
    );
    return this.commandAnswer(result, response);
  }

  @Post(':id/issue')
  @HttpCode(201)
  @Roles('agency-head')
  @ApiOperation({
    summary:
      'Issue the plan: 201 with its number from the register, 409 register-number-taken, or 202 while the register has not answered',
  })
  async issue(
    @Param() params: CampaignIdParams,
    @Body() body: IssueCampaignDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    const campaign = await this.visible(params.id);
    this.context.assertRole(campaign.agencyId, 'agency-head');
    const command: IssueCampaignCommand = {
      context: this.context.commandContext(),
      campaignId: params.id,
      issuedOn: body.issuedOn,
      ...(body.registerNumber === undefined ? {} : { registerNumber: body.registerNumber }),
      waitMs: this.issueWaitMs,
    };
    const result = await this.sender.send<IssueCampaignResult>(
      'campaign',
      ISSUE_CAMPAIGN,
      command,
      {
        timeoutMs: this.issueWaitMs + ISSUE_RPC_MARGIN_MS,
      },
    );
    if (result.outcome === 'refused') {
      const code = result.refusal?.code;
      throw new ProblemException(
        isErrorCode(code) ? code : 'invalid-state',
        [],
        {},
        result.refusal?.params ?? {},
      );
    }
    response.setHeader('ETag', `"${result.campaign.version}"`);
    if (result.outcome === 'pending') {
      response.status(202);
      return { ...result.campaign, status: 'issuing', position: result.position };
    }
    return { ...result.campaign, position: result.position };
  }

  @Post(':id/issue/cancel')
  @HttpCode(200)
  @Roles('agency-head')
  @ApiOperation({ summary: 'Give up a pending issue (issuing → draft); a late number is voided' })
  async cancelIssue(
    @Param() params: CampaignIdParams,
    @Body() body: CancelIssueDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    const campaign = await this.visible(params.id);
    this.context.assertRole(campaign.agencyId, 'agency-head');
    const command: CancelIssueCommand = {
      context: this.context.commandContext(),
      campaignId: params.id,
      reason: body.reason,
    };
    const result = await this.sender.send<CommandResult<CampaignView>>(
      'campaign',
      CANCEL_ISSUE,
      command,
    );
    return this.commandAnswer(result, response);
  }

  @Post(':id/amendments')
  @HttpCode(200)
  @Roles('agency-head')
  @ApiOperation({ summary: 'Change deadlines or quotas of an issued plan, with a reason' })
  async amend(
    @Param() params: CampaignIdParams,
    @Body() body: AmendCampaignDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    const campaign = await this.visible(params.id);
    this.context.assertRole(campaign.agencyId, 'agency-head');
    const command: AmendCampaignCommand = {
      context: this.context.commandContext(),
      campaignId: params.id,
      reason: body.reason,
      changes: plain(body.changes) as unknown as AmendCampaignCommand['changes'],
    };
    const result = await this.sender.send<CommandResult<CampaignView>>(
      'campaign',
      AMEND_CAMPAIGN,
      command,
    );
    return this.commandAnswer(result, response);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('secretariat')
  @ApiOperation({ summary: 'Close the campaign: no more nominations' })
  async close(
    @Param() params: CampaignIdParams,
    @Body() _body: CloseCampaignDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    const campaign = await this.visible(params.id);
    this.context.assertRole(campaign.agencyId, 'secretariat');
    const command: CloseCampaignCommand = {
      context: this.context.commandContext(),
      campaignId: params.id,
    };
    const result = await this.sender.send<CommandResult<CampaignView>>(
      'campaign',
      CLOSE_CAMPAIGN,
      command,
    );
    return this.commandAnswer(result, response);
  }

  @Get(':id/status')
  @ApiOperation({ summary: 'Where a campaign stands (read model); waits for minPosition' })
  async status(
    @Param() params: CampaignIdParams,
    @Query() query: CampaignStatusQueryDto,
  ): Promise<CampaignStatusView> {
    await this.visible(params.id);
    const request: GetCampaignStatusQuery = {
      tenantId: this.context.tenantId(),
      campaignId: params.id,
      ...(query.minPosition ? { minPosition: query.minPosition, waitMs: STATUS_WAIT_MS } : {}),
    };
    return this.sender.send<CampaignStatusView>('dashboard', GET_CAMPAIGN_STATUS, request, {
      timeoutMs: STATUS_WAIT_MS + 3_000,
    });
  }

  /** The campaign, or 404 when the tenant has none with the id or its agency is not visible. */
  private async visible(campaignId: string): Promise<CampaignView> {
    const query: GetCampaignQuery = { tenantId: this.context.tenantId(), campaignId };
    const campaign = await this.sender.send<CampaignView>('campaign', GET_CAMPAIGN, query);
    this.context.assertCanSee(campaign.agencyId);
    return campaign;
  }

  private commandAnswer(result: CommandResult<CampaignView>, response: Response): object {
    response.setHeader('ETag', `"${result.version}"`);
    return { ...result.body, position: result.position };
  }
}

/** A validated DTO as plain JSON (class instances do not travel). */
function plain<T extends object>(dto: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(dto)) as Record<string, unknown>;
}

/** The version in `If-Match` (`"3"`, `W/"3"` or `3`); missing or malformed → 400 at `If-Match`. */
function versionOf(ifMatch: string | undefined): number {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new ProblemException('validation-failed', [{ path: 'If-Match', message: 'isDefined' }]);
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  const version = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new ProblemException('validation-failed', [{ path: 'If-Match', message: 'matches' }]);
  }
  return version;
}
