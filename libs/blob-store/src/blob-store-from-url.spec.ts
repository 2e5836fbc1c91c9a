import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { blobStoreFromUrl } from './blob-store-from-url';
import { DirectoryBlobStore } from './directory-blob-store';

describe('blobStoreFromUrl', () => {
  it('opens file:<dir> as a directory store that works', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'blob-url-'));
    try {
      const store = blobStoreFromUrl(`file:${dir}`);
      expect(store).toBeInstanceOf(DirectoryBlobStore);
      expect((store as DirectoryBlobStore).dir).toBe(dir);
      const { sha256 } = await store.put(Readable.from([Buffer.from('%PDF-1.7\n%%EOF\n')]), {
        maxBytes: 1000,
      });
      expect(await store.has(sha256)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads file:/x, a relative file:dir and file:///x', () => {
    expect((blobStoreFromUrl('file:/x') as DirectoryBlobStore).dir).toBe(resolve('/x'));
    expect((blobStoreFromUrl('file:.data/blobs') as DirectoryBlobStore).dir).toBe(
      resolve('.data/blobs'),
    );
    expect((blobStoreFromUrl(pathToFileURL('/srv/blobs').href) as DirectoryBlobStore).dir).toBe(
      resolve('/srv/blobs'),
    );
  });

  it('says clearly that s3:// is not implemented yet, without repeating the URL', () => {
    const open = (): unknown => blobStoreFromUrl('s3://KEY:SECRET@bucket/prefix');
    expect(open).toThrow(/s3:\/\/ is not supported yet/);
    expect(open).not.toThrow(/SECRET/);
  });

  it('refuses other schemes and an empty directory', () => {
    expect(() => blobStoreFromUrl('https://example.org/blobs')).toThrow(/file:<directory>.*https:/);
    expect(() => blobStoreFromUrl('/var/blobs')).toThrow(/no scheme/);
    expect(() => blobStoreFromUrl('file:')).toThrow(/without a directory/);
  });
});
