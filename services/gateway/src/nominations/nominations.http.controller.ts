import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Logger,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BlobNotFound, type BlobStore } from '@ttkt/blob-store';
import type {
  AttachNominationDocumentCommand,
  CommandResult,
  GetNominationHistoryQuery,
  ListCampaignNominationsQuery,
  ListMyNominationsQuery,
  MyNominations,
  NominateCommand,
  NominationHistory,
  NominationList,
  NominationView,
  RemoveNominationDocumentCommand,
  SubmitNominationCommand,
  WithdrawNominationCommand,
} from '@ttkt/contracts';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Roles } from '../auth/roles.decorator';
import { commandAnswer, withETag, type CommandAnswer } from '../directory/command-answer';
import { ProblemException } from '../problem/problem.exception';
import { RequestContext } from '../request-context';
import { mergeDossierHistory, reviewHistory, type DossierHistory } from '../review/dossier-history';
import { contentDisposition } from './content-disposition';
import { DocumentUploadGuard, streamedUpload } from './document-upload.guard';
import { NominationAccess } from './nomination-access';
import {
  AttachDocumentDto,
  AttachDocumentFormDto,
  CreateNominationDto,
  ListNominationsQueryDto,
  NominationDocumentParams,
  NominationIdParams,
  NominationReadQueryDto,
  nomineeIssues,
  SubmitNominationDto,
  WithdrawNominationDto,
} from './nomination.dto';
import { NOMINATION, NOMINATION_SERVICE } from './nomination-patterns';
import { BLOB_STORE } from './upload-config';

/** The roles that act on dossiers (the route's first check; the dossier's unit is checked next). */
const ACTORS = ['secretariat', 'unit-head'] as const;

/**
 * `/api/v1` routes of dossiers (API.md, Nominations): nominate, attach, download and remove
 * documents, submit, withdraw, read one, a campaign's list, the own list, the history. The
 * nomination service decides; the gateway checks who may see (another agency's dossier, or a
 * unit-head's view of another unit's: `404`) and act (`403`).
 */
@ApiTags('nominations')
@Controller('api/v1')
export class NominationsHttpController {
  private readonly logger = new Logger('nominations');

  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    @Inject(BLOB_STORE) private readonly store: BlobStore | null,
    private readonly context: RequestContext,
  ) {}

  @Post('campaigns/:id/nominations')
  @HttpCode(201)
  @Roles(...ACTORS)
  @ApiOperation({
    summary:
      'Nominate an individual or a collective for an award form: a draft dossier (unit-head of the nominating unit or a unit above it, or the secretariat)',
  })
  async nominate(
    @Param() params: NominationIdParams,
    @Body() body: CreateNominationDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const issues = nomineeIssues(body.nominee);
    if (issues.length > 0) throw new ProblemException('validation-failed', issues);
    const access = this.access();
    const campaign = await access.visibleCampaign(params.id);
    await access.assertCanActFor(campaign.agencyId, body.nominatingUnitId);
    const nominationId = randomUUID();
    const command: NominateCommand = {
      context: this.context.commandContext(),
      nominationId,
      campaignId: campaign.id,
      awardFormCode: body.awardFormCode,
      nominatingUnitId: body.nominatingUnitId,
      nominee: {
        kind: body.nominee.kind,
        ...(body.nominee.personId === undefined ? {} : { personId: body.nominee.personId }),
        ...(body.nominee.unitId === undefined ? {} : { unitId: body.nominee.unitId }),
      },
      achievementSummary: body.achievementSummary,
      criteria: body.criteria.map((criterion) => ({
        criterion: criterion.criterion,
        met: criterion.met,
        ...(criterion.evidence === undefined ? {} : { evidence: criterion.evidence }),
      })),
    };
    const result = await this.sender.send<CommandResult<NominationView>>(
      NOMINATION_SERVICE,
      NOMINATION.nominate,
      command,
    );
    return commandAnswer(response, result, `/api/v1/nominations/${nominationId}`);
  }

  @Get('campaigns/:id/nominations')
  @ApiOperation({
    summary:
      "A campaign's dossiers (members of its agency; a unit-head sees its units' only), filtered, by cursor",
  })
  async listByCampaign(
    @Param() params: NominationIdParams,
    @Query() query: ListNominationsQueryDto,
  ): Promise<NominationList> {
    const access = this.access();
    const campaign = await access.visibleCampaign(params.id);
    const scope = await access.scope(campaign.agencyId);
    const request: ListCampaignNominationsQuery = {
      tenantId: this.context.tenantId(),
      campaignId: campaign.id,
      ...(scope.kind === 'units' ? { unitIds: scope.unitIds } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.unitId ? { unitId: query.unitId } : {}),
      ...(query.awardFormCode ? { awardFormCode: query.awardFormCode } : {}),
      ...(query.limit ? { limit: query.limit } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    };
    if (scope.kind === 'units' && scope.unitIds.length === 0)
      return { items: [], nextCursor: null };
    return this.sender.send<NominationList>(NOMINATION_SERVICE, NOMINATION.listByCampaign, request);
  }

  @Get('me/nominations')
  @ApiOperation({
    summary:
      "The dossiers naming the signed-in user's person as nominee, with their results; a user linked to no person gets an empty list",
  })
  async mine(@Query() _query: NominationReadQueryDto): Promise<MyNominations> {
    const user = this.context.user();
    if (user.personId === null || user.tenantId === null) return { items: [] };
    const request: ListMyNominationsQuery = {
      tenantId: user.tenantId,
      personId: user.personId,
    };
    return this.sender.send<MyNominations>(NOMINATION_SERVICE, NOMINATION.listMine, request);
  }

  @Get('nominations/:id')
  @ApiOperation({ summary: 'A dossier (404 unless visible to the caller); ETag = version' })
  async get(
    @Param() params: NominationIdParams,
    @Query() _query: NominationReadQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NominationView> {
    return withETag(response, await this.access().visibleNomination(params.id));
  }

  @Get('nominations/:id/history')
  @ApiOperation({
    summary:
      "Every event of a dossier with its actor and instant: the nomination's and the review's (source), by instant",
  })
  async history(
    @Param() params: NominationIdParams,
    @Query() _query: NominationReadQueryDto,
  ): Promise<DossierHistory> {
    await this.access().visibleNomination(params.id);
    const tenantId = this.context.tenantId();
    const query: GetNominationHistoryQuery = { tenantId, nominationId: params.id };
    const [nomination, review] = await Promise.all([
      this.sender.send<NominationHistory>(NOMINATION_SERVICE, NOMINATION.history, query),
      reviewHistory(this.sender, tenantId, params.id),
    ]);
    return mergeDossierHistory(nomination.items, review);
  }

  @Post('nominations/:id/documents')
  @HttpCode(201)
  @Roles(...ACTORS)
  @UseGuards(DocumentUploadGuard)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachDocumentFormDto })
  @ApiOperation({
    summary:
      'Attach a document (multipart `file` + `documentTypeCode`): streamed into the blob store; 413 past UPLOAD_MAX_BYTES, 415 a type outside PDF/DOCX/DOC/XLSX/XLS/ODT/JPEG/PNG, 422 unsafe-archive',
  })
  async attach(
    @Param() params: NominationIdParams,
    @Body() body: AttachDocumentDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const { blob, fileName, nomination } = streamedUpload(request);
    const documentId = randomUUID();
    const command: AttachNominationDocumentCommand = {
      context: this.context.commandContext(),
      nominationId: nomination.id,
      documentId,
      documentTypeCode: body.documentTypeCode,
      file: { sha256: blob.sha256, size: blob.size, mediaType: blob.mediaType, fileName },
    };
    const result = await this.sender.send<CommandResult<NominationView>>(
      NOMINATION_SERVICE,
      NOMINATION.attachDocument,
      command,
    );
    const location = `/api/v1/nominations/${params.id}/documents/${documentId}/content`;
    response.setHeader('Location', location);
    response.setHeader('ETag', `"${result.version}"`);
    return {
      documentId,
      documentTypeCode: body.documentTypeCode,
      sha256: blob.sha256,
      size: blob.size,
      mediaType: blob.mediaType,
      fileName,
      nominationVersion: result.version,
      position: result.position,
    };
  }

  @Get('nominations/:id/documents/:documentId/content')
  @ApiOperation({
    summary: "A document's content, with its media type and the original file name (RFC 6266/5987)",
  })
  async content(
    @Param() params: NominationDocumentParams,
    @Query() _query: NominationReadQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const nomination = await this.access().visibleNomination(params.id);
    const document = nomination.documents.find((item) => item.documentId === params.documentId);
    if (!document) throw new ProblemException('not-found');
    if (!this.store) throw new ProblemException('service-unavailable', [], { 'Retry-After': '5' });
    const content = await this.store.get(document.sha256).catch((error: unknown) => {
      // The dossier records a file the store no longer holds (a restored backup, a replica with
      // another directory): the caller cannot get it, and it is no fault of the request.
      if (error instanceof BlobNotFound) {
        this.logger.error(`dossier ${params.id} records blob ${document.sha256}, which is missing`);
        throw new ProblemException('not-found');
      }
      throw error;
    });
    response.status(200);
    response.setHeader('Content-Type', document.mediaType);
    response.setHeader('Content-Length', String(document.size));
    response.setHeader('Content-Disposition', contentDisposition(document.fileName));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('ETag', `"${document.sha256}"`);
    response.setHeader('Cache-Control', 'private, no-store');
    try {
      await pipeline(content, response);
    } catch {
      // The client went away, or the store failed mid-way: the connection is closed either way.
      response.destroy();
    }
  }

  @Delete('nominations/:id/documents/:documentId')
  @HttpCode(200)
  @Roles(...ACTORS)
  @ApiOperation({ summary: 'Remove a document while the dossier is a draft or returned' })
  async removeDocument(
    @Param() params: NominationDocumentParams,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const nomination = await this.access().actionableNomination(params.id);
    if (!nomination.documents.some((item) => item.documentId === params.documentId)) {
      throw new ProblemException('not-found');
    }
    const command: RemoveNominationDocumentCommand = {
      context: this.context.commandContext(),
      nominationId: nomination.id,
      documentId: params.documentId,
    };
    const result = await this.sender.send<CommandResult<NominationView>>(
      NOMINATION_SERVICE,
      NOMINATION.removeDocument,
      command,
    );
    return commandAnswer(response, result);
  }

  @Post('nominations/:id/submit')
  @HttpCode(200)
  @Roles(...ACTORS)
  @ApiOperation({
    summary:
      "Submit before the unit stage's deadline with every unit-stage document: 200 submitted; 422 deadline-passed / missing-documents / nominee-not-eligible / nominee-on-hold; 409 invalid-state",
  })
  async submit(
    @Param() params: NominationIdParams,
    @Body() _body: SubmitNominationDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const nomination = await this.access().actionableNomination(params.id);
    const command: SubmitNominationCommand = {
      context: this.context.commandContext(),
      nominationId: nomination.id,
    };
    const result = await this.sender.send<CommandResult<NominationView>>(
      NOMINATION_SERVICE,
      NOMINATION.submit,
      command,
    );
    return commandAnswer(response, result);
  }

  @Post('nominations/:id/withdraw')
  @HttpCode(200)
  @Roles(...ACTORS)
  @ApiOperation({ summary: 'Withdraw a dossier before a decision (409 invalid-state after one)' })
  async withdraw(
    @Param() params: NominationIdParams,
    @Body() body: WithdrawNominationDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const nomination = await this.access().actionableNomination(params.id);
    const command: WithdrawNominationCommand = {
      context: this.context.commandContext(),
      nominationId: nomination.id,
      ...(body.reason === undefined ? {} : { reason: body.reason }),
    };
    const result = await this.sender.send<CommandResult<NominationView>>(
      NOMINATION_SERVICE,
      NOMINATION.withdraw,
      command,
    );
    return commandAnswer(response, result);
  }

  private access(): NominationAccess {
    return new NominationAccess(this.sender, this.context.user(), this.context.tenantId());
  }
}
