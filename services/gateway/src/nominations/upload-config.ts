/** DI token of the gateway's `BlobStore` (`startGateway`'s `blobStore`; null when none). */
export const BLOB_STORE = Symbol('BLOB_STORE');

/** DI token of the largest upload accepted, in bytes (`UPLOAD_MAX_BYTES`). */
export const UPLOAD_MAX_BYTES = Symbol('UPLOAD_MAX_BYTES');

/** The default upload limit: 20 MB. */
export const DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
