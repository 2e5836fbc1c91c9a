import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  REVIEW_RPC,
  type CastVoteCommand,
  type CloseSessionCommand,
  type CommandResult,
  type ConfigureCouncilCommand,
  type CouncilSessionList,
  type CouncilSessionView,
  type CouncilView,
  type GetCouncilQuery,
  type ListSessionsQuery,
  type OpenSessionCommand,
  type RecordTieBreakCommand,
  type UnitView,
  type UserView,
  type ValidationIssue,
} from '@ttkt/contracts';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Roles } from '../auth/roles.decorator';
import { commandAnswer, withETag, type CommandAnswer } from '../directory/command-answer';
import { DIRECTORY, DIRECTORY_SERVICE } from '../directory/directory-patterns';
import { ProblemException } from '../problem/problem.exception';
import { RequestContext } from '../request-context';
import { REVIEW_SERVICE, ReviewAccess } from './review-access';
import {
  CastVoteDto,
  CloseSessionDto,
  ConfigureCouncilDto,
  OpenSessionDto,
  ReviewIdParams,
  ReviewReadQueryDto,
  TieBreakDto,
} from './review.dto';

/**
 * The council (API.md, Review and decisions): an agency's dated council configuration, its
 * sessions on a campaign, the members' votes, the close with its tally, the chair's tie-break.
 * Who may see: members of the resource's agency (others `404`). Who may act: the agency-admin
 * configures, the secretariat opens and closes; any user who sees the session's agency may post a
 * vote or a tie-break — the review service checks that the caller is a member of the session's
 * council (`422 not-a-council-member`) or its chair (`403`). The voter is always the caller.
 * Request bodies are never logged (a secret ballot's choice travels only to the service).
 */
@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1')
export class CouncilHttpController {
  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    private readonly context: RequestContext,
  ) {}

  @Get('agencies/:id/council')
  @ApiOperation({
    summary:
      "An agency's council (added): the configuration in force today and every dated one (members of the agency); ETag = version",
  })
  async council(
    @Param() params: ReviewIdParams,
    @Query() _query: ReviewReadQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CouncilView> {
    this.context.assertCanSee(params.id);
    const query: GetCouncilQuery = { tenantId: this.context.tenantId(), agencyId: params.id };
    const council = await this.sender.send<CouncilView>(
      REVIEW_SERVICE,
      REVIEW_RPC.getCouncil,
      query,
    );
    return withETag(response, council);
  }

  @Put('agencies/:id/council')
  @HttpCode(200)
  @Roles('agency-admin')
  @ApiOperation({
    summary:
      "Configure the agency's council (agency-admin): members, chair and secretary among them, dated rules with exact fractions → 200 with the council",
  })
  async configure(
    @Param() params: ReviewIdParams,
    @Body() body: ConfigureCouncilDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    this.context.assertRole(params.id, 'agency-admin');
    const { rules } = body;
    const command: ConfigureCouncilCommand = {
      context: this.context.commandContext(),
      agencyId: params.id,
      chairUserId: body.chairUserId,
      secretaryUserId: body.secretaryUserId,
      memberUserIds: body.memberUserIds,
      rules: {
        ...(rules.quorum === undefined ? {} : { quorum: rules.quorum }),
        ...(rules.minAttendance === undefined ? {} : { minAttendance: rules.minAttendance }),
        ...(rules.allowWrittenVotes === undefined
          ? {}
          : { allowWrittenVotes: rules.allowWrittenVotes }),
        thresholds: rules.thresholds.map((threshold) => ({
          ...(threshold.awardFormCode === undefined
            ? {}
            : { awardFormCode: threshold.awardFormCode }),
          fraction: threshold.fraction,
          of: threshold.of,
          secretBallot: threshold.secretBallot,
        })),
        source: rules.source,
        ...(rules.effectiveFrom === undefined ? {} : { effectiveFrom: rules.effectiveFrom }),
      },
    };
    await this.assertCouncilUsers(command);
    const result = await this.sender.send<CommandResult<CouncilView>>(
      REVIEW_SERVICE,
      REVIEW_RPC.configureCouncil,
      command,
    );
    return commandAnswer(response, result);
  }

  /**
   * The council's chair, secretary and members must be users of its agency: each id known to the
   * directory in the tenant with a grant on the agency or on one of its units; else `400
   * validation-failed` with `unknownUser` at each failing path (`chairUserId`,
   * `secretaryUserId`, `memberUserIds[i]`).
   */
  private async assertCouncilUsers(command: ConfigureCouncilCommand): Promise<void> {
    const { tenantId } = command.context;
    const ids = [
      ...new Set([command.chairUserId, command.secretaryUserId, ...command.memberUserIds]),
    ];
    // At most REVIEW_LIMITS.members + 2 ids: within one directory.get-users (≤ 500).
    const { items } = await this.sender.send<{ items: UserView[] }>(
      DIRECTORY_SERVICE,
      DIRECTORY.getUsers,
      { tenantId, userIds: ids },
    );
    const users = new Map(items.map((user) => [user.id, user]));
    // A grant names its agency (a unit's grant too); one naming only a unit is checked against
    // the agency's units, asked for once and only then.
    let agencyUnits: Promise<Set<string>> | null = null;
    const unitsOfAgency = (): Promise<Set<string>> =>
      (agencyUnits ??= this.sender
        .send<{ items: UnitView[] }>(DIRECTORY_SERVICE, DIRECTORY.listUnits, {
          tenantId,
          agencyId: command.agencyId,
        })
        .then(({ items: units }) => new Set(units.map((unit) => unit.id))));
    const known = new Map<string, boolean>();
    for (const id of ids) {
      const grants = users.get(id)?.grants ?? [];
      let inAgency = grants.some((grant) => grant.agencyId === command.agencyId);
      if (!inAgency && grants.some((grant) => grant.agencyId === null && grant.unitId !== null)) {
        const units = await unitsOfAgency();
        inAgency = grants.some(
          (grant) => grant.agencyId === null && grant.unitId !== null && units.has(grant.unitId),
        );
      }
      known.set(id, inAgency);
    }
    const issues: ValidationIssue[] = [];
    const check = (path: string, id: string): void => {
      if (!known.get(id)) issues.push({ path, message: 'unknownUser' });
    };
    check('chairUserId', command.chairUserId);
    check('secretaryUserId', command.secretaryUserId);
    command.memberUserIds.forEach((id, index) => check(`memberUserIds[${index}]`, id));
    if (issues.length > 0) throw new ProblemException('validation-failed', issues);
  }

  @Post('campaigns/:id/council-sessions')
  @HttpCode(201)
  @Roles('secretariat')
  @ApiOperation({
    summary:
      'Open a council session on a campaign (secretariat): the council in force on heldOn, the members present, the accepted dossiers of each award form → 201 with the session; 422 not-a-council-member / unknown-award-form / campaign-not-open',
  })
  async openSession(
    @Param() params: ReviewIdParams,
    @Body() body: OpenSessionDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const campaign = await this.access().visibleCampaign(params.id);
    this.context.assertRole(campaign.agencyId, 'secretariat');
    const sessionId = randomUUID();
    const command: OpenSessionCommand = {
      context: this.context.commandContext(),
      sessionId,
      campaignId: campaign.id,
      heldOn: body.heldOn,
      presentUserIds: body.presentUserIds,
      awardFormCodes: body.awardFormCodes,
    };
    const result = await this.sender.send<CommandResult<CouncilSessionView>>(
      REVIEW_SERVICE,
      REVIEW_RPC.openSession,
      command,
    );
    return commandAnswer(response, result, `/api/v1/council-sessions/${sessionId}`);
  }

  @Get('campaigns/:id/council-sessions')
  @ApiOperation({
    summary: "A campaign's council sessions by heldOn (added; members of its agency)",
  })
  async sessions(
    @Param() params: ReviewIdParams,
    @Query() _query: ReviewReadQueryDto,
  ): Promise<CouncilSessionList> {
    const campaign = await this.access().visibleCampaign(params.id);
    const query: ListSessionsQuery = { tenantId: this.context.tenantId(), campaignId: campaign.id };
    return this.sender.send<CouncilSessionList>(REVIEW_SERVICE, REVIEW_RPC.listSessions, query);
  }

  @Get('council-sessions/:id')
  @ApiOperation({
    summary:
      'A council session: agenda, attendance, votes (a secret ballot shows who voted, never how), and after closing the tally, ranking and ties; ETag = version',
  })
  async session(
    @Param() params: ReviewIdParams,
    @Query() _query: ReviewReadQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CouncilSessionView> {
    return withETag(response, await this.access().visibleSession(params.id));
  }

  @Post('council-sessions/:id/votes')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Vote on a dossier of the session as the signed-in member, whatever their role: changeable until closed (open ballot), once (secret ballot: 409 invalid-state after); 422 not-a-council-member, 409 session-closed',
  })
  async vote(
    @Param() params: ReviewIdParams,
    @Body() body: CastVoteDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const session = await this.access().visibleSession(params.id);
    const command: CastVoteCommand = {
      context: this.context.commandContext(),
      sessionId: session.id,
      nominationId: body.nominationId,
      approve: body.approve,
    };
    // The answer is the service's own (for a secret ballot it holds no choice): never the body.
    const result = await this.sender.send<CommandResult<object>>(
      REVIEW_SERVICE,
      REVIEW_RPC.castVote,
      command,
    );
    return commandAnswer(response, result);
  }

  @Post('council-sessions/:id/close')
  @HttpCode(200)
  @Roles('secretariat')
  @ApiOperation({
    summary:
      'Close the session (secretariat): checks the quorum (422 quorum-not-met), tallies in exact arithmetic, ranks, marks each dossier approved or not-approved, reports a tie at the quota',
  })
  async close(
    @Param() params: ReviewIdParams,
    @Body() _body: CloseSessionDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const session = await this.access().visibleSession(params.id);
    this.context.assertRole(session.agencyId, 'secretariat');
    const command: CloseSessionCommand = {
      context: this.context.commandContext(),
      sessionId: session.id,
    };
    const result = await this.sender.send<CommandResult<CouncilSessionView>>(
      REVIEW_SERVICE,
      REVIEW_RPC.closeSession,
      command,
    );
    return commandAnswer(response, result);
  }

  @Post('council-sessions/:id/tie-breaks')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The chair's choice among the dossiers tied at the quota's last place (the session's chair, else 403), with its reason",
  })
  async tieBreak(
    @Param() params: ReviewIdParams,
    @Body() body: TieBreakDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const session = await this.access().visibleSession(params.id);
    const command: RecordTieBreakCommand = {
      context: this.context.commandContext(),
      sessionId: session.id,
      awardFormCode: body.awardFormCode,
      chosenNominationIds: body.chosenNominationIds,
      reason: body.reason,
    };
    const result = await this.sender.send<CommandResult<CouncilSessionView>>(
      REVIEW_SERVICE,
      REVIEW_RPC.recordTieBreak,
      command,
    );
    return commandAnswer(response, result);
  }

  private access(): ReviewAccess {
    return new ReviewAccess(this.sender, this.context);
  }
}
