import type { DocumentFileView, DocumentSourceView, GeneratedDocumentKind } from '@ttkt/contracts';
import type { DocumentInput } from './document-inputs';

/** The stream of one generated document. */
export function documentStreamId(documentId: string): string {
  return `document-${documentId}`;
}

/** What identifies a document and what every one of its events repeats (consumers need no lookup). */
export interface DocumentFacts {
  documentId: string;
  kind: GeneratedDocumentKind;
  campaignId: string;
  agencyId: string;
  /** As printed after "Số:", or null (the minutes). */
  number: string | null;
  /** The document's date (`YYYY-MM-DD`). */
  issuedOn: string;
  title: string;
  source: DocumentSourceView;
  subjectPersonId: string | null;
}

/** A document was asked for, with all its generation needs; it is `pending`. */
export interface DocumentRequested {
  type: 'DocumentRequested';
  data: DocumentFacts & {
    /** Its place among the documents of one request (a decision 0, its certificates 1, 2, …). */
    sequence: number;
    input: DocumentInput;
    requestedAt: string;
  };
}

/** The document's files were generated and stored; it is `ready`. */
export interface DocumentGenerated {
  type: 'DocumentGenerated';
  data: DocumentFacts & {
    files: DocumentFileView[];
    /** The attempt that succeeded (1 for the first). */
    attempt: number;
    generatedAt: string;
  };
}

/**
 * An attempt failed: retried `retryAfterMs` later, or, when `final`, the document is `failed`.
 */
export interface DocumentGenerationFailed {
  type: 'DocumentGenerationFailed';
  data: DocumentFacts & {
    error: string;
    /** The attempt that failed (1 for the first). */
    attempt: number;
    final: boolean;
    /** How long after this failure the next attempt may start; null when `final`. */
    retryAfterMs: number | null;
    failedAt: string;
  };
}

/** The events of a document's stream. */
export type DocumentEvent = DocumentRequested | DocumentGenerated | DocumentGenerationFailed;
