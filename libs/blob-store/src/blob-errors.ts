/**
 * The upload is larger than the caller's `maxBytes`. Nothing was stored; the store stopped reading
 * the source as soon as the limit was passed. HTTP: `413 payload-too-large`.
 */
export class BlobTooLarge extends Error {
  override readonly name = 'BlobTooLarge';

  constructor(
    /** The limit that was passed, in bytes. */
    readonly maxBytes: number,
  ) {
    super(`the file is larger than ${maxBytes} bytes`);
  }
}

/**
 * The content is not one of the allowed document types (PDF, DOCX, DOC, XLSX, XLS, ODT, JPEG,
 * PNG), judged from the bytes, never from the file name. Nothing was stored.
 * HTTP: `415 unsupported-media-type`.
 */
export class BlobTypeNotAllowed extends Error {
  override readonly name = 'BlobTypeNotAllowed';

  constructor(
    /**
     * What the content looked like (a media type such as `application/x-msdownload`, or
     * `unknown`); for logs, not for users.
     */
    readonly detected: string,
    /** The file name the uploader gave, if any (only for messages). */
    readonly fileName?: string,
  ) {
    super(
      `${fileName === undefined ? 'the file' : `"${fileName}"`} is not an allowed document type (detected: ${detected})`,
    );
  }
}

/**
 * An Office archive (DOCX, XLSX, ODT) that would be unsafe to open: too many entries, too much
 * declared uncompressed data, an entry compressed suspiciously well (a zip bomb), an unsafe entry
 * name (absolute or `..`), or a damaged zip structure. Nothing was stored.
 * HTTP: `422 unsafe-archive`.
 */
export class UnsafeArchive extends Error {
  override readonly name = 'UnsafeArchive';

  constructor(
    /** Why, in English, for logs. */
    readonly reason: string,
  ) {
    super(`unsafe archive: ${reason}`);
  }
}

/** No blob with this sha256 is stored (or the string is not a sha256). HTTP: `404 not-found`. */
export class BlobNotFound extends Error {
  override readonly name = 'BlobNotFound';

  constructor(
    /** The sha256 that was asked for, as given. */
    readonly sha256: string,
  ) {
    super(`no blob ${sha256}`);
  }
}
