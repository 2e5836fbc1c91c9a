import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GET_DOCUMENT,
  GetDocumentQuery,
  LIST_CAMPAIGN_DOCUMENTS,
  ListCampaignDocumentsQuery,
  REFERENCED_DOCUMENT_BLOBS,
  ReferencedDocumentBlobsQuery,
  type DocumentList,
  type DocumentView,
  type ReferencedBlobs,
} from '@ttkt/contracts';
import { answer, validateCommand } from '@ttkt/messaging';
import { DocumentReads } from './document-reads';

/**
 * RPC entries of the generated documents' queries, answered from the read table: one document, a
 * campaign's documents with their progress, and, for the gateway's blob sweep, which blobs a
 * document's file is.
 */
@Controller()
export class DocumentQueriesController {
  constructor(private readonly reads: DocumentReads) {}

  @MessagePattern(GET_DOCUMENT)
  async get(@Payload() payload: unknown): Promise<DocumentView> {
    const query = validateCommand(GetDocumentQuery, payload);
    return answer(() => this.reads.get(query.tenantId, query.documentId));
  }

  @MessagePattern(LIST_CAMPAIGN_DOCUMENTS)
  async list(@Payload() payload: unknown): Promise<DocumentList> {
    const query = validateCommand(ListCampaignDocumentsQuery, payload);
    return answer(() =>
      this.reads.list({
        tenantId: query.tenantId,
        campaignId: query.campaignId,
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      }),
    );
  }

  /** The gateway's blob sweep: which of these blobs a generated document's file is (all tenants). */
  @MessagePattern(REFERENCED_DOCUMENT_BLOBS)
  async referencedBlobs(@Payload() payload: unknown): Promise<ReferencedBlobs> {
    const query = validateCommand(ReferencedDocumentBlobsQuery, payload);
    return answer(async () => ({ referenced: await this.reads.referencedBlobs(query.sha256s) }));
  }
}
