import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, type Stats } from 'node:fs';
import {
  link,
  lstat,
  mkdir,
  open,
  readdir,
  rename,
  rm,
  stat,
  unlink,
  utimes,
} from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobNotFound, BlobTooLarge } from './blob-errors';
import type {
  BlobStore,
  DeleteOptions,
  ListedBlob,
  ListOptions,
  PutOptions,
  StoredBlob,
} from './blob-store';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './document-types';
import { identifyDocument, SNIFF_BYTES } from './identify-document';

const SHA256 = /^[0-9a-f]{64}$/;
const PREFIX = /^[0-9a-f]{2}$/;
/** Temporary files: uploads being written, blobs being deleted. */
const TEMPORARY_FILE = /\.(part|sweep)$/;
/** How often a put retries giving its file an address a concurrent delete just freed. */
const SETTLE_ATTEMPTS = 5;

/** Sub-directory of the store's directory where uploads are written before they are accepted. */
export const TEMPORARY_SUBDIRECTORY = '.tmp';

/** Options of {@link DirectoryBlobStore}. */
export interface DirectoryBlobStoreOptions {
  /** Overrides of {@link DEFAULT_ARCHIVE_LIMITS} (tests, or a deployment with other bounds). */
  archiveLimits?: Partial<ArchiveLimits>;
}

/**
 * A {@link BlobStore} in a local directory: blob `<sha256>` lives at `<dir>/<aa>/<sha256>` where
 * `aa` is the first two hex digits. An upload is streamed to `<dir>/.tmp/<uuid>.part` while it is
 * hashed and counted, flushed to disk, checked, then hard-linked to its address (so of two
 * concurrent puts of the same content exactly one reports `deduplicated: false`); the temporary
 * file is removed whatever happens. The directory is created on the first put.
 *
 * A blob's `storedAt` is its file's mtime: set when first stored, refreshed by a `put` of the same
 * bytes, so `delete(sha256, { storedBefore })` never removes content a recent upload counts on.
 */
export class DirectoryBlobStore implements BlobStore {
  /** The store's directory, absolute. */
  readonly dir: string;
  private readonly temporaryDir: string;
  private readonly archiveLimits: ArchiveLimits;

  /**
   * @param dir - the store's directory (relative to the current directory unless absolute);
   *   created on the first put, so it may not exist yet.
   */
  constructor(dir: string, options: DirectoryBlobStoreOptions = {}) {
    this.dir = resolve(dir);
    this.temporaryDir = join(this.dir, TEMPORARY_SUBDIRECTORY);
    this.archiveLimits = { ...DEFAULT_ARCHIVE_LIMITS, ...options.archiveLimits };
  }

  /** {@inheritDoc BlobStore.put} */
  async put(source: Readable, options: PutOptions): Promise<StoredBlob> {
    const { maxBytes, fileName } = options;
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
      throw new RangeError(`maxBytes must be a non-negative integer, got ${maxBytes}`);
    }
    await mkdir(this.temporaryDir, { recursive: true });
    const temporary = join(this.temporaryDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headBytes = 0;
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxBytes) {
          // Refuse before writing the chunk that crosses the limit; pipeline() then destroys
          // the source, so the rest of the upload is never read.
          callback(new BlobTooLarge(maxBytes));
          return;
        }
        hash.update(chunk);
        if (headBytes < SNIFF_BYTES) {
          const part = Buffer.from(chunk.subarray(0, SNIFF_BYTES - headBytes));
          head.push(part);
          headBytes += part.length;
        }
        callback(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(temporary, { flags: 'wx', mode: 0o640 }));
      await syncFile(temporary);
      const type = await identifyDocument(
        temporary,
        Buffer.concat(head),
        this.archiveLimits,
        fileName,
      );
      const sha256 = hash.digest('hex');
      const deduplicated = await this.settle(temporary, sha256);
      return { sha256, size, mediaType: type.mediaType, extension: type.extension, deduplicated };
    } finally {
      await rm(temporary, { force: true });
    }
  }

  /**
   * {@inheritDoc BlobStore.get}
   *
   * The file is opened before the stream is returned, so a later `delete` does not cut it short;
   * read the stream to its end or destroy it, which closes the file.
   */
  async get(sha256: string): Promise<Readable> {
    if (!SHA256.test(sha256)) throw new BlobNotFound(sha256);
    try {
      const handle = await open(this.pathOf(sha256), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (codeOf(error) === 'ENOENT') throw new BlobNotFound(sha256);
      throw error;
    }
  }

  /** {@inheritDoc BlobStore.has} */
  async has(sha256: string): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return false;
      throw error;
    }
  }

  /**
   * {@inheritDoc BlobStore.delete}
   *
   * With `storedBefore`, the file is first moved out of its address (atomically) and its mtime
   * checked there: a `put` of the same bytes that refreshed it in between wins (the file is linked
   * back), and a `put` after the move finds no file and stores its own.
   */
  async delete(sha256: string, options: DeleteOptions = {}): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    const target = this.pathOf(sha256);
    const { storedBefore } = options;
    if (storedBefore === undefined) return removeIfPresent(target);
    const before = storedBefore.getTime();
    const current = await statIfPresent(target);
    if (!current?.isFile() || current.mtimeMs >= before) return false;
    await mkdir(this.temporaryDir, { recursive: true });
    const moved = join(this.temporaryDir, `${sha256}.${randomUUID()}.sweep`);
    try {
      await rename(target, moved);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return false;
      throw error;
    }
    try {
      const checked = await stat(moved);
      if (checked.mtimeMs < before) return true;
      // Stored again since it was listed: put it back (unless a put has stored it anew).
      try {
        await link(moved, target);
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') throw error;
      }
      return false;
    } finally {
      await rm(moved, { force: true });
    }
  }

  /** {@inheritDoc BlobStore.list} */
  async *list(options: ListOptions = {}): AsyncGenerator<ListedBlob> {
    const { storedBefore, after, limit } = options;
    if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
      throw new RangeError(`limit must be a non-negative integer, got ${limit}`);
    }
    if (limit === 0) return;
    const before = storedBefore?.getTime() ?? Number.POSITIVE_INFINITY;
    const prefixes = (await readdirIfPresent(this.dir)).filter((name) => PREFIX.test(name)).sort();
    let count = 0;
    for (const prefix of prefixes) {
      if (after !== undefined && prefix < after.slice(0, 2)) continue;
      const names = (await readdirIfPresent(join(this.dir, prefix)))
        .filter((name) => SHA256.test(name) && name.startsWith(prefix))
        .filter((name) => after === undefined || name > after)
        .sort();
      for (const sha256 of names) {
        const stats = await statIfPresent(this.pathOf(sha256));
        if (!stats?.isFile() || stats.mtimeMs >= before) continue;
        yield { sha256, size: stats.size, storedAt: new Date(stats.mtimeMs) };
        count += 1;
        if (limit !== undefined && count >= limit) return;
      }
    }
  }

  /** {@inheritDoc BlobStore.removeStaleTemporaryFiles} */
  async removeStaleTemporaryFiles(olderThan: Date): Promise<number> {
    const before = olderThan.getTime();
    let removed = 0;
    for (const name of await readdirIfPresent(this.temporaryDir)) {
      if (!TEMPORARY_FILE.test(name)) continue;
      const path = join(this.temporaryDir, name);
      let stats;
      try {
        stats = await lstat(path);
      } catch (error) {
        if (codeOf(error) === 'ENOENT') continue;
        throw error;
      }
      if (!stats.isFile() || stats.mtimeMs >= before) continue;
      if (await removeIfPresent(path)) removed += 1;
    }
    return removed;
  }

  /** Where blob `sha256` lives (whether or not it is stored). */
  pathOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  /**
   * Gives the accepted temporary file its address; true when the address was already taken, whose
   * file then counts as stored now (its mtime is refreshed, so no sweep takes it for an old one).
   */
  private async settle(temporary: string, sha256: string): Promise<boolean> {
    const target = this.pathOf(sha256);
    await mkdir(dirname(target), { recursive: true });
    for (let attempt = 1; ; attempt += 1) {
      try {
        await link(temporary, target);
        break;
      } catch (error) {
        const code = codeOf(error);
        if (code === 'EEXIST') {
          // A delete may have moved it away since: then store this one.
          if (await touch(target)) return true;
          if (attempt < SETTLE_ATTEMPTS) continue;
          throw error;
        }
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
        // A file system without hard links: rename, which replaces an existing blob with the
        // same bytes (harmless), but cannot tell two concurrent puts apart.
        if ((await this.has(sha256)) && (await touch(target))) return true;
        await rename(temporary, target);
        break;
      }
    }
    await syncDirectory(dirname(target));
    return false;
  }
}

/** Sets the file's mtime to now; false when it is gone. */
async function touch(path: string): Promise<boolean> {
  const now = new Date();
  try {
    await utimes(path, now, now);
    return true;
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return false;
    throw error;
  }
}

async function removeIfPresent(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return false;
    throw error;
  }
}

async function statIfPresent(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return null;
    throw error;
  }
}

async function readdirIfPresent(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (error) {
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return [];
    throw error;
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the new directory entry durable (Linux, macOS); Windows cannot open a directory. */
async function syncDirectory(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (codeOf(error) === 'EISDIR' || codeOf(error) === 'EPERM') return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}
