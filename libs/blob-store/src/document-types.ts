/** A document type the store accepts: its media type and usual extension. */
export interface DocumentType {
  /** IANA media type, e.g. `application/pdf`. */
  readonly mediaType: string;
  /** Usual extension without a dot, e.g. `pdf`. */
  readonly extension: string;
}

/**
 * The allow-list: the only types `put` stores, keyed by extension. Dossier documents are scanned
 * decisions, forms and tables (PDF, Word, Excel, OpenDocument text) and photographs (JPEG, PNG).
 */
export const ALLOWED_DOCUMENT_TYPES = {
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  doc: { mediaType: 'application/msword', extension: 'doc' },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  xls: { mediaType: 'application/vnd.ms-excel', extension: 'xls' },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
  jpg: { mediaType: 'image/jpeg', extension: 'jpg' },
  png: { mediaType: 'image/png', extension: 'png' },
} as const satisfies Record<string, DocumentType>;

/** Bounds on an Office archive (DOCX, XLSX, ODT), checked on its central directory. */
export interface ArchiveLimits {
  /** Most entries an archive may have. */
  readonly maxEntries: number;
  /** Most uncompressed bytes all entries may declare together. */
  readonly maxTotalUncompressedBytes: number;
  /** Highest uncompressed : compressed ratio of one entry (100 means 100 : 1). */
  readonly maxCompressionRatio: number;
  /**
   * Entries declaring at most this many uncompressed bytes skip the ratio check: small XML parts
   * compress far better than 100 : 1 without being a threat (Apache POI uses the same grace).
   */
  readonly ratioGraceBytes: number;
}

/** 10 000 entries, 200 MB uncompressed in all, 100 : 1 per entry above 100 KiB. */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 10_000,
  maxTotalUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioGraceBytes: 100 * 1024,
};
