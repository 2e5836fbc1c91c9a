/** The kinds of document the document service generates from other services' events. */
export const GENERATED_DOCUMENT_KINDS = [
  'plan',
  'decision',
  'certificate',
  'proposal',
  'summary-list',
  'minutes',
] as const;

/**
 * One of {@link GENERATED_DOCUMENT_KINDS}: the plan (kế hoạch), the decision (quyết định, its annex
 * of awardees inside), a certificate (giấy khen, one per awardee), the proposal letter (tờ trình),
 * the summary list (danh sách trích ngang) and the minutes of a council session (biên bản).
 */
export type GeneratedDocumentKind = (typeof GENERATED_DOCUMENT_KINDS)[number];

/** The file formats of generated documents. */
export const GENERATED_DOCUMENT_FORMATS = ['pdf', 'docx', 'xlsx'] as const;

/** One of {@link GENERATED_DOCUMENT_FORMATS}. */
export type GeneratedDocumentFormat = (typeof GENERATED_DOCUMENT_FORMATS)[number];

/**
 * Where a generated document stands: `pending` until its files are stored (also between retries
 * of a failed attempt), `ready` with its files, `failed` after its last attempt failed.
 */
export const GENERATED_DOCUMENT_STATUSES = ['pending', 'ready', 'failed'] as const;

/** One of {@link GENERATED_DOCUMENT_STATUSES}. */
export type GeneratedDocumentStatus = (typeof GENERATED_DOCUMENT_STATUSES)[number];

/** The kinds of fact a document is generated from. */
export const DOCUMENT_SOURCE_KINDS = ['campaign', 'decision', 'proposal', 'session'] as const;

/** One of {@link DOCUMENT_SOURCE_KINDS}. */
export type DocumentSourceKind = (typeof DOCUMENT_SOURCE_KINDS)[number];

/** What a document was generated from: an issued campaign, a decision, a proposal or a session. */
export interface DocumentSourceView {
  /** `campaign` (the plan), `decision`, `proposal` or `session` (the minutes). */
  kind: DocumentSourceKind;
  /** The campaign's, decision's, proposal's or session's id. */
  id: string;
}

/** One stored file of a document (the bytes are in the blob store, by `sha256`). */
export interface DocumentFileView {
  /** `pdf`, `docx` or `xlsx`. */
  format: GeneratedDocumentFormat;
  /** Lower-case hex SHA-256 of the bytes: the blob's address. */
  sha256: string;
  /** Size in bytes. */
  size: number;
  /** `application/pdf`, `application/vnd.openxmlformats-officedocument.wordprocessingml.document`, … */
  mediaType: string;
  /** The name to download it under (ASCII, e.g. `ke-hoach-27-KH-SKHCN.pdf`). */
  fileName: string;
}

/** A generated document as `document.get` and `document.list-by-campaign` answer it. */
export interface DocumentView {
  /** The document's id: a UUID (v5) derived from its source, so a redelivery names the same one. */
  id: string;
  kind: GeneratedDocumentKind;
  /** The campaign the document belongs to. */
  campaignId: string;
  /** The issuing agency (whose members may read it). */
  agencyId: string;
  /**
   * As printed after "Số:" (`27/KH-SKHCN`); a certificate carries its decision's number; null for
   * the minutes.
   */
  number: string | null;
  /** The document's date (`YYYY-MM-DD`): the plan's, the decision's, the proposal's, the session's. */
  issuedOn: string;
  /** A short title (`Kế hoạch …`, `Giấy khen – Nguyễn Thị Lan`). */
  title: string;
  status: GeneratedDocumentStatus;
  /** The stored files, once `ready` (empty before, and when `failed`). */
  formats: DocumentFileView[];
  source: DocumentSourceView;
  /** A certificate's awardee when a person (may download it); null otherwise. */
  subjectPersonId: string | null;
  /**
   * `generation-failed` when the last attempt failed (kept while retrying and when `failed`);
   * null otherwise. The internal message stays in `document.failed.v1` and the service's log.
   */
  error: string | null;
  /** Generation attempts made so far (0 while the first is pending). */
  attempts: number;
  /** When the document was requested (ISO-8601, UTC). */
  createdAt: string;
  /** The version of the document's stream. */
  version: number;
}

/** How far a campaign's documents are: counts over all of them (whatever a list's filters). */
export interface DocumentProgress {
  total: number;
  ready: number;
  pending: number;
  failed: number;
}

/** A page of a campaign's documents, in the order they were requested, with the campaign's progress. */
export interface DocumentList {
  items: DocumentView[];
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: string | null;
  progress: DocumentProgress;
}
