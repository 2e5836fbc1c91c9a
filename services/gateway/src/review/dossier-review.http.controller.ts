import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  REVIEW_RPC,
  type AcceptDossierCommand,
  type CommandResult,
  type ReturnDossierCommand,
} from '@ttkt/contracts';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator';
import { commandAnswer, type CommandAnswer } from '../directory/command-answer';
import { RequestContext } from '../request-context';
import { REVIEW_SERVICE, ReviewAccess } from './review-access';
import { AcceptDossierDto, ReturnDossierDto, ReviewIdParams } from './review.dto';

/**
 * `/api/v1/nominations/{id}/review/*` (API.md, Review and decisions): the secretariat accepts a
 * submitted dossier as complete or returns it to its unit. The dossier must be visible to the
 * caller (`404`), and the caller the secretariat of its agency (`403`); the review service decides.
 */
@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/nominations')
export class DossierReviewHttpController {
  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    private readonly context: RequestContext,
  ) {}

  @Post(':id/review/accept')
  @HttpCode(200)
  @Roles('secretariat')
  @ApiOperation({
    summary:
      'Accept a submitted dossier as complete (secretariat): 200 accepted; 409 invalid-state from another status',
  })
  async accept(
    @Param() params: ReviewIdParams,
    @Body() _body: AcceptDossierDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    await this.secretariatDossier(params.id);
    const command: AcceptDossierCommand = {
      context: this.context.commandContext(),
      nominationId: params.id,
    };
    const result = await this.sender.send<CommandResult<object>>(
      REVIEW_SERVICE,
      REVIEW_RPC.acceptDossier,
      command,
    );
    return commandAnswer(response, result);
  }

  @Post(':id/review/return')
  @HttpCode(200)
  @Roles('secretariat')
  @ApiOperation({
    summary:
      'Return a submitted dossier to its unit for supplement, with reasons (secretariat); the unit may resubmit before the deadline or `resubmitBefore`',
  })
  async returnDossier(
    @Param() params: ReviewIdParams,
    @Body() body: ReturnDossierDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    await this.secretariatDossier(params.id);
    const command: ReturnDossierCommand = {
      context: this.context.commandContext(),
      nominationId: params.id,
      reasons: body.reasons,
      ...(body.resubmitBefore === undefined ? {} : { resubmitBefore: body.resubmitBefore }),
    };
    const result = await this.sender.send<CommandResult<object>>(
      REVIEW_SERVICE,
      REVIEW_RPC.returnDossier,
      command,
    );
    return commandAnswer(response, result);
  }

  /** `404` unless the dossier is visible, `403` unless the caller is its agency's secretariat. */
  private async secretariatDossier(nominationId: string): Promise<void> {
    const nomination = await new ReviewAccess(this.sender, this.context).visibleNomination(
      nominationId,
    );
    this.context.assertRole(nomination.agencyId, 'secretariat');
  }
}
