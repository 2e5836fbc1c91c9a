import { DirectoryBlobStore, TEMPORARY_SUBDIRECTORY } from '@ttkt/blob-store';
import { REFERENCED_DOCUMENT_BLOBS, REFERENCED_NOMINATION_BLOBS } from '@ttkt/contracts';
import { ServiceUnavailableError } from '@ttkt/messaging';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FakeSender, TEST_JWT_SECRET } from '../../test/gateway-test-kit';
import { startGateway } from '../gateway';
import { BlobSweeper, type BlobSweepReport } from './blob-sweep';
import { BLOB_SWEEPER, blobSweepOptionsFromEnv } from './blob-sweep.config';
import type { Exclusive, SweepLock } from './blob-sweep-lock';

const HOUR = 60 * 60 * 1000;
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

let dir: string;
let store: DirectoryBlobStore;
let sender: FakeSender;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'blob-sweep-'));
  store = new DirectoryBlobStore(dir);
  sender = new FakeSender();
  documentsHold([]);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A minimal PDF with `text` in it (so each is a distinct blob). */
function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
}

/** Stores a distinct PDF dated `ageMs` ago; its sha256. */
async function stored(text: string, ageMs: number): Promise<string> {
  const { sha256 } = await store.put(Readable.from([pdf(text)]), { maxBytes: 1024 * 1024 });
  await age(store.pathOf(sha256), ageMs);
  return sha256;
}

async function age(path: string, ageMs: number): Promise<void> {
  const then = new Date(Date.now() - ageMs);
  await utimes(path, then, then);
}

/** A temporary upload file dated `ageMs` ago. */
async function partFile(name: string, ageMs: number): Promise<void> {
  const temporary = join(dir, TEMPORARY_SUBDIRECTORY);
  await mkdir(temporary, { recursive: true });
  await writeFile(join(temporary, name), 'half an upload');
  await age(join(temporary, name), ageMs);
}

const temporaryFiles = async (): Promise<string[]> =>
  (await readdir(join(dir, TEMPORARY_SUBDIRECTORY))).sort();

/** The nomination service holding `referenced` (and answering for no other). */
function answersWith(referenced: readonly string[]): void {
  sender.handlers[REFERENCED_NOMINATION_BLOBS] = ({ sha256s }) => ({
    referenced: (sha256s as string[]).filter((sha256) => referenced.includes(sha256)),
  });
}

/** The document service holding `referenced` as generated documents' files (none by default). */
function documentsHold(referenced: readonly string[]): void {
  sender.handlers[REFERENCED_DOCUMENT_BLOBS] = ({ sha256s }) => ({
    referenced: (sha256s as string[]).filter((sha256) => referenced.includes(sha256)),
  });
}

function sweeper(options: ConstructorParameters<typeof BlobSweeper>[1] = {}, lock?: SweepLock) {
  return new BlobSweeper({ store, sender, lock: lock ?? null, logger: quiet }, options);
}

const report = (fields: Partial<BlobSweepReport>): BlobSweepReport => ({
  outcome: 'done',
  listed: 0,
  referenced: 0,
  deleted: 0,
  storedAgain: 0,
  temporaryRemoved: 0,
  ...fields,
});

describe('BlobSweeper.sweepOnce', () => {
  it('deletes an old unreferenced blob, keeps a referenced one and a recent one', async () => {
    const orphan = await stored('mồ côi', 2 * HOUR);
    const attached = await stored('đã đính kèm', 2 * HOUR);
    const recent = await stored('vừa tải lên', 10 * 60 * 1000);
    await partFile('killed.part', 2 * HOUR);
    await partFile('uploading.part', 1000);
    answersWith([attached]);

    expect(await sweeper().sweepOnce()).toEqual(
      report({ listed: 2, referenced: 1, deleted: 1, temporaryRemoved: 1 }),
    );
    expect(await store.has(orphan)).toBe(false);
    expect(await store.has(attached)).toBe(true);
    expect(await store.has(recent)).toBe(true);
    expect(await temporaryFiles()).toEqual(['uploading.part']);
    expect(sender.sent).toEqual([
      {
        service: 'nomination',
        pattern: REFERENCED_NOMINATION_BLOBS,
        payload: { sha256s: [orphan, attached].sort() },
      },
      {
        service: 'document',
        pattern: REFERENCED_DOCUMENT_BLOBS,
        payload: { sha256s: [orphan, attached].sort() },
      },
    ]);
  });

  it('keeps a blob a generated document records, even when no dossier does', async () => {
    const orphan = await stored('mồ côi', 2 * HOUR);
    const attached = await stored('đã đính kèm', 2 * HOUR);
    const generated = await stored('giấy khen', 2 * HOUR);
    const both = await stored('cả hai', 2 * HOUR);
    answersWith([attached, both]);
    documentsHold([generated, both]);

    expect(await sweeper().sweepOnce()).toEqual(report({ listed: 4, referenced: 3, deleted: 1 }));
    expect(await store.has(orphan)).toBe(false);
    for (const kept of [attached, generated, both]) expect(await store.has(kept)).toBe(true);
  });

  it('deletes nothing when the document service does not answer, or answers nonsense', async () => {
    const orphan = await stored('mồ côi', 2 * HOUR);
    answersWith([]);
    sender.handlers[REFERENCED_DOCUMENT_BLOBS] = () => {
      throw new ServiceUnavailableError(
        { service: 'document', pattern: REFERENCED_DOCUMENT_BLOBS },
        'no connection',
      );
    };
    const result = await sweeper().sweepOnce();
    expect(result).toMatchObject({ outcome: 'failed', listed: 1, deleted: 0 });
    expect(result.error).toMatch(/no connection/);
    sender.handlers[REFERENCED_DOCUMENT_BLOBS] = () => ({ referenced: [42] });
    expect(await sweeper().sweepOnce()).toMatchObject({
      outcome: 'failed',
      deleted: 0,
      error: `${REFERENCED_DOCUMENT_BLOBS} answered without a list of sha256s`,
    });
    expect(await store.has(orphan)).toBe(true);
  });

  it('deletes nothing when the nomination service does not answer', async () => {
    const orphan = await stored('mồ côi', 2 * HOUR);
    await partFile('killed.part', 2 * HOUR);
    sender.handlers[REFERENCED_NOMINATION_BLOBS] = () => {
      throw new ServiceUnavailableError(
        { service: 'nomination', pattern: REFERENCED_NOMINATION_BLOBS },
        'no connection',
      );
    };
    const result = await sweeper().sweepOnce();
    expect(result).toMatchObject({ outcome: 'failed', listed: 1, deleted: 0 });
    expect(result.error).toMatch(/no connection/);
    expect(await store.has(orphan)).toBe(true);
    expect(await temporaryFiles()).toEqual(['killed.part']);
  });

  it('deletes nothing on an answer that is not a list of sha256s', async () => {
    const orphan = await stored('mồ côi', 2 * HOUR);
    sender.handlers[REFERENCED_NOMINATION_BLOBS] = () => ({ referenced: null });
    expect(await sweeper().sweepOnce()).toMatchObject({ outcome: 'failed', deleted: 0 });
    sender.handlers[REFERENCED_NOMINATION_BLOBS] = () => undefined;
    expect(await sweeper().sweepOnce()).toMatchObject({ outcome: 'failed', deleted: 0 });
    expect(await store.has(orphan)).toBe(true);
  });

  it('asks in batches and stops at the first batch left unanswered', async () => {
    const orphans: string[] = [];
    for (let n = 0; n < 5; n += 1) orphans.push(await stored(`mồ côi ${n}`, 2 * HOUR));
    orphans.sort();
    let calls = 0;
    sender.handlers[REFERENCED_NOMINATION_BLOBS] = ({ sha256s }) => {
      calls += 1;
      if (calls === 2) throw new Error('timed out');
      return { referenced: [], asked: sha256s };
    };
    expect(await sweeper({ batchSize: 2 }).sweepOnce()).toMatchObject({
      outcome: 'failed',
      listed: 4,
      deleted: 2,
    });
    expect(sender.payloads(REFERENCED_NOMINATION_BLOBS)).toEqual([
      { sha256s: orphans.slice(0, 2) },
      { sha256s: orphans.slice(2, 4) },
    ]);
    for (const [index, sha256] of orphans.entries()) {
      expect(await store.has(sha256)).toBe(index >= 2);
    }
    answersWith([]);
    expect(await sweeper({ batchSize: 2 }).sweepOnce()).toEqual(report({ listed: 3, deleted: 3 }));
  });

  it('keeps a blob uploaded again while the sweep asked about it', async () => {
    const sha256 = await stored('tải lại', 2 * HOUR);
    sender.handlers[REFERENCED_NOMINATION_BLOBS] = async () => {
      // The same bytes are uploaded again; their attach command has not arrived yet.
      await store.put(Readable.from([pdf('tải lại')]), { maxBytes: 1024 * 1024 });
      return { referenced: [] };
    };
    expect(await sweeper().sweepOnce()).toEqual(report({ listed: 1, storedAgain: 1 }));
    expect(await store.has(sha256)).toBe(true);
  });

  it('skips the round when another replica holds the lock', async () => {
    const orphan = await stored('mồ côi', 2 * HOUR);
    answersWith([]);
    const taken: SweepLock = {
      runExclusive: <T>(): Promise<Exclusive<T>> => Promise.resolve({ acquired: false }),
      close: () => Promise.resolve(),
    };
    expect(await sweeper({}, taken).sweepOnce()).toEqual(report({ outcome: 'locked' }));
    expect(sender.sent).toEqual([]);
    expect(await store.has(orphan)).toBe(true);

    let held = 0;
    const free: SweepLock = {
      runExclusive: async <T>(work: () => Promise<T>): Promise<Exclusive<T>> => {
        held += 1;
        return { acquired: true, result: await work() };
      },
      close: () => Promise.resolve(),
    };
    expect(await sweeper({}, free).sweepOnce()).toEqual(report({ listed: 1, deleted: 1 }));
    expect(held).toBe(1);
  });

  it('joins a sweep already running instead of starting another', async () => {
    await stored('mồ côi', 2 * HOUR);
    answersWith([]);
    const sweep = sweeper();
    const [first, second] = await Promise.all([sweep.sweepOnce(), sweep.sweepOnce()]);
    expect(second).toBe(first);
    expect(sender.payloads(REFERENCED_NOMINATION_BLOBS)).toHaveLength(1);
    expect(sender.payloads(REFERENCED_DOCUMENT_BLOBS)).toHaveLength(1);
  });
});

describe('BlobSweeper.start and stop', () => {
  it('sweeps every interval until stopped, then closes its lock', async () => {
    answersWith([]);
    let closed = false;
    const lock: SweepLock = {
      runExclusive: async <T>(work: () => Promise<T>): Promise<Exclusive<T>> => ({
        acquired: true,
        result: await work(),
      }),
      close: () => {
        closed = true;
        return Promise.resolve();
      },
    };
    const sweep = sweeper({ intervalMs: 20, initialDelayMs: 0 }, lock);
    sweep.start();
    await stored('một', 2 * HOUR);
    const sweeps = (): number => sender.payloads(REFERENCED_NOMINATION_BLOBS).length;
    const deadline = Date.now() + 5_000;
    while (sweeps() < 2 && Date.now() < deadline) {
      await stored(`thêm ${sweeps()}`, 2 * HOUR);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await sweep.stop();
    expect(sweeps()).toBeGreaterThanOrEqual(2);
    expect(closed).toBe(true);
    const sent = sender.sent.length;
    await stored('sau khi dừng', 2 * HOUR);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sender.sent).toHaveLength(sent);
  });

  it('refuses nonsense options', () => {
    expect(() => sweeper({ intervalMs: 0 })).toThrow(RangeError);
    expect(() => sweeper({ graceMs: -1 })).toThrow(RangeError);
    expect(() => sweeper({ batchSize: 501 })).toThrow(RangeError);
  });
});

describe('the gateway’s sweeper', () => {
  it('is started with a gateway that has a blob store, and not without one or when off', async () => {
    const withStore = await startGateway({
      sender,
      jwtSecret: TEST_JWT_SECRET,
      blobStore: store,
      logger: false,
    });
    const without = await startGateway({ sender, jwtSecret: TEST_JWT_SECRET, logger: false });
    const off = await startGateway({
      sender,
      jwtSecret: TEST_JWT_SECRET,
      blobStore: store,
      blobSweep: false,
      logger: false,
    });
    try {
      expect(withStore.app.get(BLOB_SWEEPER)).toBeInstanceOf(BlobSweeper);
      expect(without.app.get(BLOB_SWEEPER)).toBeNull();
      expect(off.app.get(BLOB_SWEEPER)).toBeNull();
      const orphan = await stored('mồ côi', 2 * HOUR);
      answersWith([]);
      const sweep = withStore.app.get<BlobSweeper>(BLOB_SWEEPER);
      expect(await sweep.sweepOnce()).toMatchObject({ outcome: 'done', deleted: 1 });
      expect(await store.has(orphan)).toBe(false);
    } finally {
      await withStore.stop();
      await without.stop();
      await off.stop();
    }
  });
});

describe('blobSweepOptionsFromEnv', () => {
  it('reads BLOB_SWEEP_INTERVAL_MS and BLOB_SWEEP_GRACE_MS', () => {
    expect(blobSweepOptionsFromEnv({})).toEqual({
      options: { intervalMs: HOUR, graceMs: HOUR },
      problems: [],
    });
    expect(
      blobSweepOptionsFromEnv({ BLOB_SWEEP_INTERVAL_MS: '600000', BLOB_SWEEP_GRACE_MS: '7200000' }),
    ).toEqual({ options: { intervalMs: 600_000, graceMs: 2 * HOUR }, problems: [] });
    expect(blobSweepOptionsFromEnv({ BLOB_SWEEP_INTERVAL_MS: '0' }).options).toBe(false);
    expect(
      blobSweepOptionsFromEnv({ BLOB_SWEEP_INTERVAL_MS: 'often', BLOB_SWEEP_GRACE_MS: '1000' })
        .problems,
    ).toEqual([
      'BLOB_SWEEP_INTERVAL_MS must be a number of milliseconds, at least 0',
      'BLOB_SWEEP_GRACE_MS must be a number of milliseconds, at least 60000',
    ]);
  });
});
