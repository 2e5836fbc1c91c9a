import { Controller, Get, Inject, Logger, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { BlobNotFound, type BlobStore } from '@ttkt/blob-store';
import {
  GET_DOCUMENT,
  LIST_CAMPAIGN_DOCUMENTS,
  type DocumentFileView,
  type DocumentList,
  type DocumentView,
  type GetDocumentQuery,
  type ListCampaignDocumentsQuery,
} from '@ttkt/contracts';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { withETag } from '../directory/command-answer';
import { contentDisposition } from '../nominations/content-disposition';
import { NominationAccess } from '../nominations/nomination-access';
import { BLOB_STORE } from '../nominations/upload-config';
import { ProblemException } from '../problem/problem.exception';
import { RequestContext } from '../request-context';
import { canReadDocument, documentReach } from './document-access';
import {
  CampaignDocumentsQueryDto,
  DocumentContentQueryDto,
  DocumentIdParams,
  DocumentReadQueryDto,
} from './document.dto';

/** The service that generates documents and answers their queries. */
export const DOCUMENT_SERVICE = 'document';

/** How long a client should wait before asking again for a document still being generated. */
export const PENDING_RETRY_AFTER_SECONDS = 2;

/**
 * `/api/v1` routes of generated documents (API.md, Documents): a document's metadata, its files,
 * a campaign's documents with the generation's progress. The document service generates them off
 * the request path; these routes read its table and the blob store. Who may read: the agency's
 * staff every document; a person's own account its own certificates (see `documentReach`);
 * anyone else gets `404`, as for a document that does not exist.
 */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/v1')
export class DocumentsHttpController {
  private readonly logger = new Logger('documents');

  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    @Inject(BLOB_STORE) private readonly store: BlobStore | null,
    private readonly context: RequestContext,
  ) {}

  @Get('documents/:id')
  @ApiOperation({
    summary:
      "A generated document's metadata: kind, number, issuedOn, campaign, status (pending, ready, failed), files with their sha256; ETag = version",
  })
  async get(
    @Param() params: DocumentIdParams,
    @Query() _query: DocumentReadQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DocumentView> {
    return withETag(response, await this.readable(params.id));
  }

  @Get('documents/:id/content')
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  @ApiOperation({
    summary:
      'A generated file (`format` = pdf, docx or xlsx; default pdf) with Content-Disposition; 409 invalid-state while pending (Retry-After) or after the generation failed; 404 for a format the document has not',
  })
  async content(
    @Param() params: DocumentIdParams,
    @Query() query: DocumentContentQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const document = await this.readable(params.id);
    if (document.status === 'pending') {
      throw new ProblemException(
        'invalid-state',
        [],
        { 'Retry-After': String(PENDING_RETRY_AFTER_SECONDS) },
        { status: 'pending' },
      );
    }
    if (document.status === 'failed') {
      throw new ProblemException(
        'invalid-state',
        [],
        {},
        {
          status: 'failed',
          error: document.error,
        },
      );
    }
    const file = chosenFile(document.formats, query.format);
    if (!file) throw new ProblemException('not-found');
    if (!this.store) throw new ProblemException('service-unavailable', [], { 'Retry-After': '5' });
    const content = await this.store.get(file.sha256).catch((error: unknown) => {
      // The document records a file the store no longer holds (a restored backup, a replica with
      // another directory): the caller cannot get it, and it is no fault of the request.
      if (error instanceof BlobNotFound) {
        this.logger.error(
          `document ${document.id} records ${file.format} blob ${file.sha256}, which is missing`,
        );
        throw new ProblemException('not-found');
      }
      throw error;
    });
    response.status(200);
    response.setHeader('Content-Type', file.mediaType);
    response.setHeader('Content-Length', String(file.size));
    response.setHeader('Content-Disposition', contentDisposition(file.fileName));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('ETag', `"${file.sha256}"`);
    response.setHeader('Cache-Control', 'private, no-store');
    try {
      await pipeline(content, response);
    } catch {
      // The client went away, or the store failed mid-way: the connection is closed either way.
      response.destroy();
    }
  }

  @Get('campaigns/:id/documents')
  @ApiOperation({
    summary:
      "A campaign's generated documents (the plan, decisions, certificates, proposals, summary lists, minutes), `?kind=`, by cursor, with the generation's progress (total, ready, pending, failed); the agency's staff",
  })
  async listByCampaign(
    @Param() params: DocumentIdParams,
    @Query() query: CampaignDocumentsQueryDto,
  ): Promise<DocumentList> {
    const user = this.context.user();
    const tenantId = this.context.tenantId();
    const campaign = await new NominationAccess(this.sender, user, tenantId).visibleCampaign(
      params.id,
    );
    // A person's own account sees the campaign but not its documents list (403, the agency is
    // visible to it); its certificates are read one by one.
    if (documentReach(user, campaign.agencyId) !== 'all') throw new ProblemException('forbidden');
    const request: ListCampaignDocumentsQuery = {
      tenantId,
      campaignId: campaign.id,
      ...(query.kind === undefined ? {} : { kind: query.kind }),
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.limit === undefined ? {} : { limit: query.limit }),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    };
    return this.sender.send<DocumentList>(DOCUMENT_SERVICE, LIST_CAMPAIGN_DOCUMENTS, request);
  }

  /** The document, or `404` when there is none in the caller's tenant or the caller may not read it. */
  private async readable(documentId: string): Promise<DocumentView> {
    const query: GetDocumentQuery = { tenantId: this.context.tenantId(), documentId };
    const document = await this.sender.send<DocumentView>(DOCUMENT_SERVICE, GET_DOCUMENT, query);
    if (!canReadDocument(this.context.user(), document)) throw new ProblemException('not-found');
    return document;
  }
}

/** The file of `format`, or without one the PDF when there is one, else the first file. */
export function chosenFile(
  files: readonly DocumentFileView[],
  format: string | undefined,
): DocumentFileView | undefined {
  if (format !== undefined) return files.find((file) => file.format === format);
  return files.find((file) => file.format === 'pdf') ?? files[0];
}
