/**
 * `@ttkt/blob-store`: content-addressed file storage (by sha256) for dossier attachments and
 * generated documents. Uploads are streamed, bounded, sniffed against an allow-list and checked
 * for zip bombs before anything is stored. See README.md for the guarantees.
 */
export type {
  BlobStore,
  DeleteOptions,
  ListedBlob,
  ListOptions,
  PutOptions,
  StoredBlob,
} from './blob-store';
export { BlobNotFound, BlobTooLarge, BlobTypeNotAllowed, UnsafeArchive } from './blob-errors';
export {
  ALLOWED_DOCUMENT_TYPES,
  DEFAULT_ARCHIVE_LIMITS,
  type ArchiveLimits,
  type DocumentType,
} from './document-types';
export {
  DirectoryBlobStore,
  TEMPORARY_SUBDIRECTORY,
  type DirectoryBlobStoreOptions,
} from './directory-blob-store';
export { blobStoreFromUrl } from './blob-store-from-url';
