import { fileURLToPath } from 'node:url';
import type { BlobStore } from './blob-store';
import { DirectoryBlobStore, type DirectoryBlobStoreOptions } from './directory-blob-store';

/**
 * The blob store a configuration URL names (`BLOB_STORE`):
 * - `file:<dir>` — a {@link DirectoryBlobStore} in `<dir>` (absolute, or relative to the current
 *   directory, e.g. `file:.data/blobs`); `file:///abs/dir` works too;
 * - `s3://…` — not implemented yet: throws, naming the alternative;
 * - anything else throws.
 *
 * Error messages never repeat the URL, which may carry credentials.
 */
export function blobStoreFromUrl(url: string, options?: DirectoryBlobStoreOptions): BlobStore {
  if (url.startsWith('file://')) return new DirectoryBlobStore(fileURLToPath(url), options);
  if (url.startsWith('file:')) {
    const dir = url.slice('file:'.length);
    if (dir.trim() === '') throw new Error('BLOB_STORE file: URL without a directory');
    return new DirectoryBlobStore(dir, options);
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 's3') {
    throw new Error(
      'BLOB_STORE s3:// is not supported yet (no S3 blob store is implemented); use file:<directory>',
    );
  }
  throw new Error(
    `BLOB_STORE must be file:<directory> (got ${scheme === undefined ? 'no scheme' : `${scheme}:`})`,
  );
}
