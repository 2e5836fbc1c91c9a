import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  REVIEW_RPC,
  type CommandResult,
  type DecideCommand,
  type DecisionList,
  type DecisionView,
  type ListByCampaignQuery,
  type NumberedCommandResult,
  type ProposalList,
  type ProposalView,
  type ProposeCommand,
  type QuotaLedgerView,
  type RecordProposalOutcomeCommand,
  type RevokeDecisionCommand,
} from '@ttkt/contracts';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ISSUE_WAIT_MS } from '../auth/gateway-config';
import { Roles } from '../auth/roles.decorator';
import { commandAnswer, withETag, type CommandAnswer } from '../directory/command-answer';
import { RequestContext } from '../request-context';
import { numberedAnswer } from './numbered-answer';
import { REVIEW_SERVICE, ReviewAccess } from './review-access';
import {
  DecideDto,
  ProposalOutcomeDto,
  ProposeDto,
  ReviewIdParams,
  ReviewListQueryDto,
  ReviewReadQueryDto,
  RevokeDecisionDto,
  type NumberedAwardDto,
} from './review.dto';

/** The longest register wait the review commands accept (`waitMs`). */
const MAX_NUMBERED_WAIT_MS = 60_000;
/** Beyond the register wait, what the review service may spend (quota lock, campaign copy, I/O). */
const NUMBERED_RPC_MARGIN_MS = 10_000;

/**
 * Decisions, proposals and the quota (API.md, Review and decisions): the agency head decides an
 * award (or proposes it to the higher authority) within the form's quota and revokes a decision;
 * the secretariat records the higher authority's outcome; members read them. A decision or
 * proposal waits for the register's number like the plan's issue (`ISSUE_WAIT_MS`): `201` when
 * numbered, `202` while the register has not answered, the register's refusal otherwise.
 */
@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1')
export class AwardsHttpController {
  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    @Inject(ISSUE_WAIT_MS) private readonly issueWaitMs: number,
    private readonly context: RequestContext,
  ) {}

  @Post('campaigns/:id/decisions')
  @HttpCode(201)
  @Roles('agency-head')
  @ApiOperation({
    summary:
      'Decide an award (agency-head): 201 with the numbered decision (…/QĐ-SKHCN), 202 while the register has not answered, the register’s refusal (409); 422 quota-exceeded / tie-unresolved / not-recommended / nominee-on-hold, 409 already-decided',
  })
  async decide(
    @Param() params: ReviewIdParams,
    @Body() body: DecideDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const campaign = await this.access().visibleCampaign(params.id);
    this.context.assertRole(campaign.agencyId, 'agency-head');
    const decisionId = randomUUID();
    const command: DecideCommand = {
      ...this.numbered(campaign.id, body),
      decisionId,
      decidedOn: body.decidedOn,
    };
    const result = await this.sender.send<NumberedCommandResult<DecisionView>>(
      REVIEW_SERVICE,
      REVIEW_RPC.decide,
      command,
      { timeoutMs: command.waitMs + NUMBERED_RPC_MARGIN_MS },
    );
    return numberedAnswer(response, result, `/api/v1/decisions/${decisionId}`);
  }

  @Get('campaigns/:id/decisions')
  @ApiOperation({ summary: "A campaign's decisions, by creation, by cursor (members)" })
  async decisions(
    @Param() params: ReviewIdParams,
    @Query() query: ReviewListQueryDto,
  ): Promise<DecisionList> {
    const request = await this.listQuery(params.id, query);
    return this.sender.send<DecisionList>(REVIEW_SERVICE, REVIEW_RPC.listDecisions, request);
  }

  @Get('decisions/:id')
  @ApiOperation({
    summary:
      'A decision (issuing, issued, failed with the register’s refusal, revoked) with its awardees and golden-book numbers; ETag = version',
  })
  async decision(
    @Param() params: ReviewIdParams,
    @Query() _query: ReviewReadQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DecisionView> {
    return withETag(response, await this.access().visibleDecision(params.id));
  }

  @Post('decisions/:id/revoke')
  @HttpCode(200)
  @Roles('agency-head')
  @ApiOperation({
    summary:
      'Revoke an issued decision (agency-head): its number stays in the register marked revoked, the places return to the quota, the dossiers go back to approved',
  })
  async revoke(
    @Param() params: ReviewIdParams,
    @Body() body: RevokeDecisionDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const decision = await this.access().visibleDecision(params.id);
    this.context.assertRole(decision.agencyId, 'agency-head');
    const command: RevokeDecisionCommand = {
      context: this.context.commandContext(),
      decisionId: decision.id,
      reason: body.reason,
    };
    const result = await this.sender.send<CommandResult<DecisionView>>(
      REVIEW_SERVICE,
      REVIEW_RPC.revokeDecision,
      command,
    );
    return commandAnswer(response, result);
  }

  @Post('campaigns/:id/proposals')
  @HttpCode(201)
  @Roles('agency-head')
  @ApiOperation({
    summary:
      'Propose an award a higher authority decides (agency-head): 201 with the numbered letter (…/TTr-SKHCN), 202 while the register has not answered, the register’s refusal (409); quota enforced as for decisions, 422 deadline-passed after the proposal stage',
  })
  async propose(
    @Param() params: ReviewIdParams,
    @Body() body: ProposeDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const campaign = await this.access().visibleCampaign(params.id);
    this.context.assertRole(campaign.agencyId, 'agency-head');
    const proposalId = randomUUID();
    const command: ProposeCommand = {
      ...this.numbered(campaign.id, body),
      proposalId,
      ...(body.proposedOn === undefined ? {} : { proposedOn: body.proposedOn }),
    };
    const result = await this.sender.send<NumberedCommandResult<ProposalView>>(
      REVIEW_SERVICE,
      REVIEW_RPC.propose,
      command,
      { timeoutMs: command.waitMs + NUMBERED_RPC_MARGIN_MS },
    );
    return numberedAnswer(response, result, `/api/v1/proposals/${proposalId}`);
  }

  @Get('campaigns/:id/proposals')
  @ApiOperation({ summary: "A campaign's proposals, by creation, by cursor (members)" })
  async proposals(
    @Param() params: ReviewIdParams,
    @Query() query: ReviewListQueryDto,
  ): Promise<ProposalList> {
    const request = await this.listQuery(params.id, query);
    return this.sender.send<ProposalList>(REVIEW_SERVICE, REVIEW_RPC.listProposals, request);
  }

  @Get('proposals/:id')
  @ApiOperation({
    summary: 'A proposal with its nominees and, once recorded, the outcome; ETag = version',
  })
  async proposal(
    @Param() params: ReviewIdParams,
    @Query() _query: ReviewReadQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProposalView> {
    return withETag(response, await this.access().visibleProposal(params.id));
  }

  @Post('proposals/:id/outcome')
  @HttpCode(200)
  @Roles('secretariat')
  @ApiOperation({
    summary:
      "Record the higher authority's decision on a proposal (secretariat): the approved nominees are awarded, the others not approved",
  })
  async outcome(
    @Param() params: ReviewIdParams,
    @Body() body: ProposalOutcomeDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const proposal = await this.access().visibleProposal(params.id);
    this.context.assertRole(proposal.agencyId, 'secretariat');
    const command: RecordProposalOutcomeCommand = {
      context: this.context.commandContext(),
      proposalId: proposal.id,
      approvedNominationIds: body.approvedNominationIds,
      decisionNumber: body.decisionNumber,
      decidedOn: body.decidedOn,
    };
    const result = await this.sender.send<CommandResult<ProposalView>>(
      REVIEW_SERVICE,
      REVIEW_RPC.recordProposalOutcome,
      command,
    );
    return commandAnswer(response, result);
  }

  @Get('campaigns/:id/quota')
  @ApiOperation({
    summary:
      "A campaign's quota ledger per award form (added; members): the quota, the places taken and what holds them",
  })
  async quota(
    @Param() params: ReviewIdParams,
    @Query() _query: ReviewReadQueryDto,
  ): Promise<QuotaLedgerView> {
    const campaign = await this.access().visibleCampaign(params.id);
    const request: ListByCampaignQuery = {
      tenantId: this.context.tenantId(),
      campaignId: campaign.id,
    };
    return this.sender.send<QuotaLedgerView>(REVIEW_SERVICE, REVIEW_RPC.getQuotaLedger, request);
  }

  /** The fields a decision and a proposal command share, from the validated body. */
  private numbered(
    campaignId: string,
    body: NumberedAwardDto,
  ): Omit<DecideCommand, 'decisionId' | 'decidedOn'> {
    return {
      context: this.context.commandContext(),
      campaignId,
      awardFormCode: body.awardFormCode,
      nominationIds: body.nominationIds,
      ...(body.signer === undefined
        ? {}
        : {
            signer: {
              ...(body.signer.capacity === undefined ? {} : { capacity: body.signer.capacity }),
              title: body.signer.title,
              name: body.signer.name,
            },
          }),
      ...(body.recipients === undefined
        ? {}
        : {
            recipients: body.recipients.map((recipient) => ({
              name: recipient.name,
              ...(recipient.purpose === undefined ? {} : { purpose: recipient.purpose }),
            })),
          }),
      waitMs: Math.min(this.issueWaitMs, MAX_NUMBERED_WAIT_MS),
    };
  }

  /** A list query on a campaign the caller may see (`404` otherwise). */
  private async listQuery(
    campaignId: string,
    query: ReviewListQueryDto,
  ): Promise<ListByCampaignQuery> {
    const campaign = await this.access().visibleCampaign(campaignId);
    return {
      tenantId: this.context.tenantId(),
      campaignId: campaign.id,
      ...(query.limit === undefined ? {} : { limit: query.limit }),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    };
  }

  private access(): ReviewAccess {
    return new ReviewAccess(this.sender, this.context);
  }
}
