import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pdf } from '../test/samples';
import type { ListedBlob, ListOptions } from './blob-store';
import { DirectoryBlobStore, TEMPORARY_SUBDIRECTORY } from './directory-blob-store';

const HOUR = 60 * 60 * 1000;

let dir: string;
let store: DirectoryBlobStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'blob-store-collection-'));
  store = new DirectoryBlobStore(dir);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Stores a distinct PDF and dates it `ageMs` ago; its sha256. */
async function stored(text: string, ageMs = 0): Promise<string> {
  const { sha256 } = await store.put(Readable.from([pdf(text)]), { maxBytes: 1024 * 1024 });
  if (ageMs > 0) await age(store.pathOf(sha256), ageMs);
  return sha256;
}

async function age(path: string, ageMs: number): Promise<void> {
  const then = new Date(Date.now() - ageMs);
  await utimes(path, then, then);
}

async function listed(options?: ListOptions): Promise<ListedBlob[]> {
  const blobs: ListedBlob[] = [];
  for await (const blob of store.list(options)) blobs.push(blob);
  return blobs;
}

const ago = (ms: number): Date => new Date(Date.now() - ms);

describe('DirectoryBlobStore.list', () => {
  it('lists nothing before the first put (no directory yet)', async () => {
    expect(await listed()).toEqual([]);
    expect(await new DirectoryBlobStore(join(dir, 'missing')).list().next()).toEqual({
      done: true,
      value: undefined,
    });
  });

  it('lists every blob in sha256 order with its size and when it was stored', async () => {
    const shas = [await stored('một'), await stored('hai', 2 * HOUR), await stored('ba')];
    const blobs = await listed();
    expect(blobs.map((blob) => blob.sha256)).toEqual([...shas].sort());
    for (const blob of blobs) {
      expect(blob.size).toBe(pdf(['một', 'hai', 'ba'][shas.indexOf(blob.sha256)]).length);
      expect(blob.storedAt).toBeInstanceOf(Date);
    }
    const old = blobs.find((blob) => blob.sha256 === shas[1]);
    expect(Date.now() - (old?.storedAt.getTime() ?? 0)).toBeGreaterThanOrEqual(2 * HOUR - 1000);
  });

  it('lists only the blobs stored before storedBefore', async () => {
    const old = await stored('cũ', 2 * HOUR);
    await stored('mới');
    expect((await listed({ storedBefore: ago(HOUR) })).map((blob) => blob.sha256)).toEqual([old]);
  });

  it('pages with after and limit', async () => {
    const shas: string[] = [];
    for (let n = 0; n < 7; n += 1) shas.push(await stored(`tài liệu ${n}`));
    shas.sort();
    const first = await listed({ limit: 3 });
    expect(first.map((blob) => blob.sha256)).toEqual(shas.slice(0, 3));
    const rest = await listed({ after: first[2]?.sha256 ?? '' });
    expect(rest.map((blob) => blob.sha256)).toEqual(shas.slice(3));
    expect(await listed({ limit: 0 })).toEqual([]);
    await expect(store.list({ limit: -1 }).next()).rejects.toThrow(RangeError);
  });

  it('ignores what is not a blob (temporary files, stray names)', async () => {
    const sha256 = await stored('thật');
    await mkdir(join(dir, 'zz'), { recursive: true });
    await writeFile(join(dir, 'zz', 'not-a-blob'), 'x');
    await writeFile(join(dir, sha256.slice(0, 2), 'README'), 'x');
    await writeFile(join(dir, TEMPORARY_SUBDIRECTORY, 'x.part'), 'x');
    expect((await listed()).map((blob) => blob.sha256)).toEqual([sha256]);
  });

  it('counts a put of the same bytes as storing them again (storedAt refreshed)', async () => {
    const sha256 = await stored('lại', 2 * HOUR);
    expect(await listed({ storedBefore: ago(HOUR) })).toHaveLength(1);
    const again = await store.put(Readable.from([pdf('lại')]), { maxBytes: 1024 * 1024 });
    expect(again).toMatchObject({ sha256, deduplicated: true });
    expect(await listed({ storedBefore: ago(HOUR) })).toEqual([]);
  });
});

describe('DirectoryBlobStore.delete with storedBefore', () => {
  it('deletes a blob stored before the instant and keeps a recent one', async () => {
    const old = await stored('cũ', 2 * HOUR);
    const recent = await stored('mới');
    expect(await store.delete(old, { storedBefore: ago(HOUR) })).toBe(true);
    expect(await store.delete(recent, { storedBefore: ago(HOUR) })).toBe(false);
    expect(await store.has(old)).toBe(false);
    expect(await store.has(recent)).toBe(true);
    expect(await readdir(join(dir, TEMPORARY_SUBDIRECTORY))).toEqual([]);
  });

  it('keeps a blob put again after it was listed', async () => {
    const sha256 = await stored('lại', 2 * HOUR);
    const cutoff = ago(HOUR);
    const [blob] = await listed({ storedBefore: cutoff });
    expect(blob?.sha256).toBe(sha256);
    await store.put(Readable.from([pdf('lại')]), { maxBytes: 1024 * 1024 });
    expect(await store.delete(sha256, { storedBefore: cutoff })).toBe(false);
    expect(await store.has(sha256)).toBe(true);
  });

  it('lets a put store the bytes again after a delete', async () => {
    const sha256 = await stored('xoá', 2 * HOUR);
    expect(await store.delete(sha256, { storedBefore: ago(HOUR) })).toBe(true);
    const again = await store.put(Readable.from([pdf('xoá')]), { maxBytes: 1024 * 1024 });
    expect(again).toMatchObject({ sha256, deduplicated: false });
    expect(await store.has(sha256)).toBe(true);
  });

  it('reports false for a blob not stored or a malformed address', async () => {
    expect(await store.delete('a'.repeat(64), { storedBefore: new Date() })).toBe(false);
    expect(await store.delete('../etc/passwd', { storedBefore: new Date() })).toBe(false);
    expect(await store.delete('a'.repeat(64))).toBe(false);
  });

  it('without storedBefore deletes whatever its age', async () => {
    const sha256 = await stored('bất kỳ');
    expect(await store.delete(sha256)).toBe(true);
    expect(await store.has(sha256)).toBe(false);
  });
});

describe('DirectoryBlobStore.removeStaleTemporaryFiles', () => {
  it('removes the .part and .sweep files last written before the instant, nothing else', async () => {
    const temporary = join(dir, TEMPORARY_SUBDIRECTORY);
    await mkdir(temporary, { recursive: true });
    for (const name of ['killed.part', 'fresh.part', 'stale.sweep', 'keep.txt']) {
      await writeFile(join(temporary, name), 'x');
    }
    await mkdir(join(temporary, 'dir.part'));
    for (const name of ['killed.part', 'stale.sweep', 'keep.txt', 'dir.part']) {
      await age(join(temporary, name), 2 * HOUR);
    }
    expect(await store.removeStaleTemporaryFiles(ago(HOUR))).toBe(2);
    expect((await readdir(temporary)).sort()).toEqual(['dir.part', 'fresh.part', 'keep.txt']);
  });

  it('finds nothing to remove in a store never written to', async () => {
    expect(await store.removeStaleTemporaryFiles(new Date())).toBe(0);
  });
});
