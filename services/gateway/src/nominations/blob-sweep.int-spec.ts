import { DirectoryBlobStore } from '@ttkt/blob-store';
import { REFERENCED_DOCUMENT_BLOBS, REFERENCED_NOMINATION_BLOBS } from '@ttkt/contracts';
import { createTestSchema, deferred, testDatabaseUrl, type TestSchema } from '@ttkt/testing';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { FakeSender, TEST_JWT_SECRET } from '../../test/gateway-test-kit';
import { startGateway, type RunningGateway } from '../gateway';
import type { BlobSweeper } from './blob-sweep';
import { BLOB_SWEEPER } from './blob-sweep.config';
import { PostgresSweepLock } from './blob-sweep-lock';

const HOUR = 60 * 60 * 1000;

/** The sessions of the sweep's lock connections and what they are doing. */
async function sweepSessions(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ state: string }>(
    `SELECT state FROM pg_stat_activity
      WHERE application_name = 'gateway-blob-sweep' AND datname = current_database()`,
  );
  return rows.map((row) => row.state);
}

describe('PostgresSweepLock', () => {
  let probe: Client;
  const key = `blob-sweep-spec-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    probe = new Client({ connectionString: testDatabaseUrl() });
    await probe.connect();
  });

  afterAll(async () => {
    await probe?.end();
  });

  it('lets one holder at a time run, outside any transaction, and releases after', async () => {
    const first = new PostgresSweepLock(testDatabaseUrl(), key);
    const second = new PostgresSweepLock(testDatabaseUrl(), key);
    try {
      const running = deferred<void>();
      const release = deferred<void>();
      const held = first.runExclusive(async () => {
        running.resolve();
        await release.promise;
        return 'swept';
      });
      await running.promise;
      expect(await second.runExclusive(() => Promise.resolve('also'))).toEqual({
        acquired: false,
      });
      // The holder's session sits idle (not "idle in transaction") while the work runs.
      expect(await sweepSessions(probe)).not.toContain('idle in transaction');
      release.resolve();
      expect(await held).toEqual({ acquired: true, result: 'swept' });
      expect(await second.runExclusive(() => Promise.resolve('now'))).toEqual({
        acquired: true,
        result: 'now',
      });
      // Work that fails still gives the lock back.
      await expect(first.runExclusive(() => Promise.reject(new Error('boom')))).rejects.toThrow(
        'boom',
      );
      const { rows } = await probe.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [key],
      );
      expect(rows[0]?.locked).toBe(true);
      await probe.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

/**
 * The gateway's own sweeper with its lock in the gateway's schema (the nomination service's side
 * of `nomination.referenced-blobs` is tested in the nomination service, the document service's
 * side of `document.referenced-blobs` in the document service; all together end to end).
 */
describe('the gateway’s BlobSweeper with a database', () => {
  let schema: TestSchema;
  const sender = new FakeSender();
  let gateway: RunningGateway;
  let dir: string;
  let store: DirectoryBlobStore;
  const referenced = new Set<string>();

  beforeAll(async () => {
    schema = await createTestSchema('gw_sweep');
    dir = await mkdtemp(join(tmpdir(), 'blob-sweep-int-'));
    store = new DirectoryBlobStore(dir);
    sender.handlers[REFERENCED_NOMINATION_BLOBS] = ({ sha256s }) => ({
      referenced: (sha256s as string[]).filter((sha256) => referenced.has(sha256)),
    });
    sender.handlers[REFERENCED_DOCUMENT_BLOBS] = () => ({ referenced: [] });
    gateway = await startGateway({
      sender,
      jwtSecret: TEST_JWT_SECRET,
      databaseUrl: testDatabaseUrl(),
      schema: schema.name,
      blobStore: store,
      logger: false,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await schema?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function stored(text: string, ageMs: number): Promise<string> {
    const bytes = Buffer.from(`%PDF-1.4\n% ${text}\ntrailer << >>\n%%EOF\n`);
    const { sha256 } = await store.put(Readable.from([bytes]), { maxBytes: 1024 * 1024 });
    const then = new Date(Date.now() - ageMs);
    await utimes(store.pathOf(sha256), then, then);
    return sha256;
  }

  it('sweeps under its lock: the old orphan goes, the referenced and the recent stay', async () => {
    const orphan = await stored('mồ côi', 2 * HOUR);
    const attached = await stored('đã đính kèm', 2 * HOUR);
    const recent = await stored('vừa tải lên', 60 * 1000);
    referenced.add(attached);

    const sweeper = gateway.app.get<BlobSweeper>(BLOB_SWEEPER);
    expect(await sweeper.sweepOnce()).toMatchObject({
      outcome: 'done',
      listed: 2,
      referenced: 1,
      deleted: 1,
    });
    expect(await store.has(orphan)).toBe(false);
    expect(await store.has(attached)).toBe(true);
    expect(await store.has(recent)).toBe(true);
  });

  it('skips the round while another replica holds the lock', async () => {
    const orphan = await stored('mồ côi lần hai', 2 * HOUR);
    const replica = new PostgresSweepLock(testDatabaseUrl(), `${schema.name}.blob-sweep`);
    try {
      const outcome = await replica.runExclusive(() =>
        gateway.app.get<BlobSweeper>(BLOB_SWEEPER).sweepOnce(),
      );
      expect(outcome).toEqual({
        acquired: true,
        result: expect.objectContaining({ outcome: 'locked' }) as unknown,
      });
    } finally {
      await replica.close();
    }
    expect(await store.has(orphan)).toBe(true);
    expect(await gateway.app.get<BlobSweeper>(BLOB_SWEEPER).sweepOnce()).toMatchObject({
      outcome: 'done',
      deleted: 1,
    });
  });
});
