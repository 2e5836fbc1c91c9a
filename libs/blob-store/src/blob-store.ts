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
  /** Removes the blob; removing one that is not stored does nothing. */
  delete(sha256: string): Promise<void>;
}
