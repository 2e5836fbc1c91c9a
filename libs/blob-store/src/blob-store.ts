import type { Readable } from 'node:stream';

/** What {@link BlobStore.put} needs besides the bytes. */
export interface PutOptions {
  /** Largest accepted size in bytes; one byte more and the put fails with `BlobTooLarge`. */
  maxBytes: number;
  /**
   * The name the uploader gave. Only used in error messages: the type is always judged from the
   * content, and the stored blob is named by its sha256.
   */
  fileName?: string;
}

/** A blob the store holds (or already held), as `put` reports it. */
export interface StoredBlob {
  /** Lower-case hex sha256 of the content; the blob's address. */
  sha256: string;
  /** Size in bytes. */
  size: number;
  /** The media type sniffed from the content, e.g. `application/pdf`. */
  mediaType: string;
  /** The usual extension for that type, without a dot, e.g. `pdf`, `docx`, `jpg`. */
  extension: string;
  /** True when a blob with this sha256 was already stored, so this put added no file. */
  deduplicated: boolean;
}

/**
 * Content-addressed file storage for dossier attachments and generated documents. Blobs are
 * immutable and addressed by their sha256, so the same content is stored once.
 */
export interface BlobStore {
  /**
   * Streams `source` into the store; refuses (and stores nothing) past `maxBytes`
   * (`BlobTooLarge`), a type outside the allow-list (`BlobTypeNotAllowed`) or an unsafe Office
   * archive (`UnsafeArchive`). Never buffers the whole file. An error of `source` itself is
   * rethrown as is, with nothing stored.
   */
  put(source: Readable, options: PutOptions): Promise<StoredBlob>;
  /** The blob's bytes as a stream; `BlobNotFound` when it is not stored. */
  get(sha256: string): Promise<Readable>;
  /** Whether a blob with this sha256 is stored. */
  has(sha256: string): Promise<boolean>;
  /**
   * Removes the blob; removing one that is not stored does nothing. With `storedBefore`, removes
   * it only if it was last stored before that instant: a `put` of the same bytes since then (an
   * upload whose command may still be on its way) keeps it. Resolves true when a blob was removed.
   */
  delete(sha256: string, options?: DeleteOptions): Promise<boolean>;
  /**
   * The blobs last stored before `storedBefore` (all when absent), in sha256 order, after `after`
   * (exclusive) when given, at most `limit` of them. Streams: a large store is never held in
   * memory. A blob deleted while listing is skipped.
   */
  list(options?: ListOptions): AsyncIterable<ListedBlob>;
  /**
   * Removes the temporary files a process killed mid-upload (or mid-delete) left behind, when
   * they were last written before `olderThan`; resolves with how many were removed. An upload
   * still writing keeps its file fresh, so pick `olderThan` well before any upload could start.
   */
  removeStaleTemporaryFiles(olderThan: Date): Promise<number>;
}

/** What {@link BlobStore.delete} may check first. */
export interface DeleteOptions {
  /** Delete only if the blob was last stored (put) before this instant. */
  storedBefore?: Date;
}

/** What {@link BlobStore.list} lists. */
export interface ListOptions {
  /** Only blobs last stored (put) before this instant. */
  storedBefore?: Date;
  /** Only blobs whose sha256 sorts after this one (a cursor: the last one seen). */
  after?: string;
  /** At most this many (default: all). */
  limit?: number;
}

/** A blob {@link BlobStore.list} found. */
export interface ListedBlob {
  /** Lower-case hex sha256 of the content. */
  sha256: string;
  /** Size in bytes. */
  size: number;
  /**
   * When the content was last stored: its first `put`, or a later `put` of the same bytes
   * (which refreshes it, so a blob just uploaded again is never taken for an old one).
   */
  storedAt: Date;
}
