import { Inbox, IdempotencyKeys, fingerprintOf, type Clock } from '../src';
import { createTestStore, type TestStore } from './support/test-database';

let db: TestStore;

beforeAll(async () => {
  db = await createTestStore('dedupe');
});

afterAll(async () => {
  await db.dispose();
});

describe('Inbox', () => {
  it('claims a message once per consumer, inside the caller transaction', async () => {
    const inbox = new Inbox(db.schema);
    await db.store.transaction(async (client) => {
      expect(await inbox.claim(client, 'review', 'message-1')).toBe(true);
      expect(await inbox.claim(client, 'review', 'message-1')).toBe(false);
      expect(await inbox.claim(client, 'dashboard', 'message-1')).toBe(true);
    });
    await db.store.transaction(async (client) => {
      expect(await inbox.claim(client, 'review', 'message-1')).toBe(false);
    });
  });

  it('forgets a claim whose transaction rolled back, so the redelivery is handled', async () => {
    const inbox = new Inbox(db.schema);
    await expect(
      db.store.transaction(async (client) => {
        expect(await inbox.claim(client, 'review', 'message-2')).toBe(true);
        throw new Error('the effect failed');
      }),
    ).rejects.toThrow('the effect failed');
    await db.store.transaction(async (client) => {
      expect(await inbox.claim(client, 'review', 'message-2')).toBe(true);
    });
  });

  it('purges entries processed before a time', async () => {
    const inbox = new Inbox(db.schema);
    await db.store.transaction(async (client) => {
      await inbox.claim(client, 'old', 'message-3');
    });
    const purged = await db.store.transaction((client) =>
      inbox.purgeProcessedBefore(client, new Date(Date.now() + 60_000)),
    );
    expect(purged).toBeGreaterThanOrEqual(1);
    await db.store.transaction(async (client) => {
      expect(await inbox.claim(client, 'old', 'message-3')).toBe(true);
    });
  });
});

describe('IdempotencyKeys', () => {
  let now = new Date('2026-05-12T08:00:00.000Z');
  const clock: Clock = { now: () => now };
  const keys = (): IdempotencyKeys => new IdempotencyKeys({ schema: db.schema, clock });
  const fingerprint = fingerprintOf({ title: 'Kế hoạch thi đua 2026', units: ['a', 'b'] });

  it('answers new, then in-progress, then done with the stored response, and mismatch for another payload', async () => {
    const store = keys();
    expect(
      await db.store.transaction((client) => store.claim(client, 'tenant-a', 'key-1', fingerprint)),
    ).toEqual({
      kind: 'new',
    });
    expect(
      await db.store.transaction((client) => store.claim(client, 'tenant-a', 'key-1', fingerprint)),
    ).toEqual({
      kind: 'in-progress',
    });
    await db.store.transaction((client) =>
      store.complete(client, 'tenant-a', 'key-1', 201, { id: 'campaign-1' }),
    );
    expect(
      await db.store.transaction((client) => store.claim(client, 'tenant-a', 'key-1', fingerprint)),
    ).toEqual({
      kind: 'done',
      status: 201,
      body: { id: 'campaign-1' },
    });
    expect(
      await db.store.transaction((client) =>
        store.claim(client, 'tenant-a', 'key-1', fingerprintOf({ title: 'other' })),
      ),
    ).toEqual({ kind: 'mismatch' });
    // Keys are per tenant.
    expect(
      await db.store.transaction((client) => store.claim(client, 'tenant-b', 'key-1', fingerprint)),
    ).toEqual({
      kind: 'new',
    });
  });

  it('lets a released first attempt be retried, but keeps completed keys', async () => {
    const store = keys();
    await db.store.transaction((client) => store.claim(client, 'tenant-a', 'key-2', fingerprint));
    await db.store.transaction((client) => store.release(client, 'tenant-a', 'key-2'));
    expect(
      await db.store.transaction((client) => store.claim(client, 'tenant-a', 'key-2', fingerprint)),
    ).toEqual({
      kind: 'new',
    });
    await db.store.transaction((client) => store.complete(client, 'tenant-a', 'key-2', 200, null));
    await db.store.transaction((client) => store.release(client, 'tenant-a', 'key-2'));
    expect(
      await db.store.transaction((client) => store.claim(client, 'tenant-a', 'key-2', fingerprint)),
    ).toMatchObject({
      kind: 'done',
      status: 200,
    });
  });

  it('refuses to complete a key nobody claimed', async () => {
    await expect(
      db.store.transaction((client) =>
        keys().complete(client, 'tenant-a', 'never-claimed', 200, {}),
      ),
    ).rejects.toThrow(/not claimed/);
  });

  it('forgets a key after 24 hours', async () => {
    const store = keys();
    await db.store.transaction((client) => store.claim(client, 'tenant-a', 'key-3', fingerprint));
    await db.store.transaction((client) =>
      store.complete(client, 'tenant-a', 'key-3', 201, { id: 'x' }),
    );
    now = new Date(now.getTime() + 24 * 60 * 60 * 1000 - 1);
    expect(
      await db.store.transaction((client) => store.claim(client, 'tenant-a', 'key-3', 'other')),
    ).toEqual({
      kind: 'mismatch',
    });
    now = new Date(now.getTime() + 1);
    expect(
      await db.store.transaction((client) => store.claim(client, 'tenant-a', 'key-3', 'other')),
    ).toEqual({
      kind: 'new',
    });
  });

  it('makes a concurrent duplicate wait for the first claimant and then see its outcome', async () => {
    const store = keys();
    const first = await db.pool.connect();
    try {
      await first.query('BEGIN');
      expect(await store.claim(first, 'tenant-a', 'key-4', fingerprint)).toEqual({ kind: 'new' });
      const duplicate = db.store.transaction((client) =>
        store.claim(client, 'tenant-a', 'key-4', fingerprint),
      );
      await store.complete(first, 'tenant-a', 'key-4', 201, { id: 'once' });
      await first.query('COMMIT');
      expect(await duplicate).toEqual({ kind: 'done', status: 201, body: { id: 'once' } });
    } finally {
      first.release();
    }
  });
});
