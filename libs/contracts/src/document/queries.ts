import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { REFERENCED_BLOBS_BATCH } from '../nomination/commands';
import {
  GENERATED_DOCUMENT_KINDS,
  GENERATED_DOCUMENT_STATUSES,
  type GeneratedDocumentKind,
  type GeneratedDocumentStatus,
} from './views';

/** RPC pattern of {@link GetDocumentQuery}, answered by `document` with a `DocumentView`. */
export const GET_DOCUMENT = 'document.get';
/** RPC pattern of {@link ListCampaignDocumentsQuery}, answered with a `DocumentList`. */
export const LIST_CAMPAIGN_DOCUMENTS = 'document.list-by-campaign';
/** RPC pattern of {@link ReferencedDocumentBlobsQuery}, answered with `ReferencedBlobs`. */
export const REFERENCED_DOCUMENT_BLOBS = 'document.referenced-blobs';

/** The largest page of {@link ListCampaignDocumentsQuery}. */
export const DOCUMENT_LIST_MAX_LIMIT = 200;

/** The longest id a document query accepts. */
const ID_MAX = 200;

/** Read one generated document; `not-found` when the tenant has none with the id. */
export class GetDocumentQuery {
  /** The caller's tenant; another tenant's document is not found. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The document. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  documentId!: string;
}

/**
 * A campaign's generated documents, in the order they were requested (a decision before its
 * certificates, these in the annex's order), a page at a time, with the campaign's progress.
 */
export class ListCampaignDocumentsQuery {
  /** The caller's tenant. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The campaign. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  campaignId!: string;

  /** Only this kind. */
  @IsOptional()
  @IsIn(GENERATED_DOCUMENT_KINDS)
  kind?: GeneratedDocumentKind;

  /** Only this status. */
  @IsOptional()
  @IsIn(GENERATED_DOCUMENT_STATUSES)
  status?: GeneratedDocumentStatus;

  /** Page size (1 to {@link DOCUMENT_LIST_MAX_LIMIT}; default 50). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(DOCUMENT_LIST_MAX_LIMIT)
  limit?: number;

  /** The previous page's `nextCursor`. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/**
 * Which of these blobs a generated document's file is, in any tenant: a system query of the
 * gateway's blob sweep (never exposed over HTTP), so it carries no tenant — the document
 * service's side of `nomination.referenced-blobs`, with the same rules. A blob counts once the
 * document that stored it recorded it (`ready`); a file stored by an attempt that then failed to
 * record it does not (the sweep's grace period covers an attempt in progress). Answered from the
 * read tables. Answer: `ReferencedBlobs`.
 */
export class ReferencedDocumentBlobsQuery {
  /** The blobs asked about (64 lower-case hex digits each), at most `REFERENCED_BLOBS_BATCH`. */
  @IsArray()
  @ArrayMaxSize(REFERENCED_BLOBS_BATCH)
  @ArrayUnique()
  @Matches(/^[0-9a-f]{64}$/, { each: true })
  sha256s!: string[];
}
