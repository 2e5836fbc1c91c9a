import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { hasReached, type LogFollower, type StoredEvent, type StreamRef } from '../src';
import { MemoryLogger } from './support/memory-logger';
import { createTestStore, eventually, type TestStore } from './support/test-database';

let db: TestStore;
const followers: LogFollower[] = [];

beforeAll(async () => {
  db = await createTestStore('follow');
  await db.pool.query(
    `CREATE TABLE "${db.schema}".seen (consumer text NOT NULL, event_id uuid NOT NULL, PRIMARY KEY (consumer, event_id))`,
  );
});

afterEach(async () => {
  await Promise.all(followers.splice(0).map((follower) => follower.stop()));
});

afterAll(async () => {
  await db.dispose();
});

function newRef(): StreamRef {
  return { tenantId: 'tenant-a', streamId: `thing-${randomUUID()}` };
}

function track(follower: LogFollower): LogFollower {
  followers.push(follower);
  return follower;
}

async function recordSeen(
  client: PoolClient | null,
  consumer: string,
  events: StoredEvent[],
): Promise<void> {
  if (!client) throw new Error('a transactional follower must get a client');
  await client.query(
    `INSERT INTO "${db.schema}".seen (event_id, consumer) SELECT unnest($1::uuid[]), $2`,
    [events.map((event) => event.eventId), consumer],
  );
}

describe('a transactional log follower', () => {
  it('hands every event to the handler once, with its writes and the checkpoint in one transaction', async () => {
    const consumer = `projection-${randomUUID()}`;
    const ref = newRef();
    const first = await db.store.append(ref, 'no-stream', [
      { type: 'A', data: 1 },
      { type: 'B', data: 2 },
    ]);
    const follower = track(
      db.store.follow({
        consumer,
        batchSize: 2,
        pollIntervalMs: 5_000,
        handle: (events, client) => recordSeen(client, consumer, events),
      }),
    );
    await follower.start();
    expect(await follower.waitFor(first.lastPosition, 10_000)).toBe(true);
    expect(follower.isOwner).toBe(true);

    // Woken by NOTIFY: the poll interval is far longer than the wait allowed.
    const second = await db.store.append(ref, 2, [
      { type: 'C', data: 3 },
      { type: 'D', data: 4 },
      { type: 'E', data: 5 },
    ]);
    expect(await follower.waitFor(second.lastPosition, 4_000)).toBe(true);
    expect(await follower.checkpoint()).toEqual(second.lastPosition);

    const seen = await db.pool.query(
      `SELECT count(*)::int AS n FROM "${db.schema}".seen WHERE consumer = $1`,
      [consumer],
    );
    expect(seen.rows[0]).toEqual({ n: 5 });
  });

  it('logs a failing batch, retries the same batch and skips nothing', async () => {
    const consumer = `flaky-${randomUUID()}`;
    const logger = new MemoryLogger();
    const ref = newRef();
    const appended = await db.store.append(ref, 'no-stream', [
      { type: 'A', data: 1 },
      { type: 'B', data: 2 },
    ]);
    let failuresLeft = 2;
    const batches: number[][] = [];
    const follower = track(
      db.store.follow({
        consumer,
        logger,
        errorBackoff: { initialMs: 5, maxMs: 20 },
        handle: async (events, client) => {
          const mine = events.filter((event) => event.streamId === ref.streamId);
          // Only batches holding this test's events: earlier tests' events may come first, and an
          // open transaction elsewhere in the cluster may hold this test's behind the horizon.
          if (mine.length > 0) batches.push(mine.map((event) => event.streamPosition));
          await recordSeen(client, consumer, events);
          if (mine.length > 0 && failuresLeft > 0) {
            failuresLeft -= 1;
            throw new Error('projection database hiccup');
          }
        },
      }),
    );
    await follower.start();
    expect(await follower.waitFor(appended.lastPosition, 10_000)).toBe(true);
    expect(batches.slice(0, 3)).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    expect(logger.count('error')).toBe(2);
    expect(logger.entries.find((entry) => entry.level === 'error')?.meta).toMatchObject({
      consumer,
      error: 'projection database hiccup',
    });
    // The failed attempts' writes rolled back with their checkpoint moves.
    const seen = await db.pool.query(
      `SELECT count(*)::int AS n FROM "${db.schema}".seen s JOIN "${db.schema}".events e USING (event_id)
        WHERE s.consumer = $1 AND e.stream_id = $2`,
      [consumer, ref.streamId],
    );
    expect(seen.rows[0]).toEqual({ n: 2 });
  });

  it('reconnects its dedicated connection when it drops and keeps following', async () => {
    const consumer = `reconnect-${randomUUID()}`;
    const logger = new MemoryLogger();
    const handled: string[] = [];
    const follower = track(
      db.store.follow({
        consumer,
        logger,
        pollIntervalMs: 50,
        handle: (events) => {
          handled.push(...events.map((event) => event.eventId));
          return Promise.resolve();
        },
      }),
    );
    await follower.start();
    await eventually(
      () => follower.isOwner,
      10_000,
      () => 'ownership',
    );
    const killed = await db.pool.query<{ killed: boolean }>(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = $1`,
      [`es-follower:${consumer}`],
    );
    expect(killed.rows).toEqual([{ killed: true }]);
    await eventually(
      () => logger.entries.some((entry) => entry.message.includes('connection lost')),
      10_000,
    );
    const eventId = randomUUID();
    const appended = await db.store.append(newRef(), 'no-stream', [
      { type: 'AfterReconnect', data: 1, eventId },
    ]);
    expect(await follower.waitFor(appended.lastPosition, 10_000)).toBe(true);
    expect(follower.isOwner).toBe(true);
    expect(handled).toContain(eventId);
    expect(new Set(handled).size).toBe(handled.length);
  });
});

describe('a non-transactional log follower', () => {
  it('gives the handler no client and moves the checkpoint only after the handler resolved', async () => {
    const consumer = `relay-${randomUUID()}`;
    const appended = await db.store.append(newRef(), 'no-stream', [{ type: 'A', data: 1 }]);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const clients: Array<PoolClient | null> = [];
    let entered = false;
    const follower = track(
      db.store.follow({
        consumer,
        transactional: false,
        handle: async (events, client) => {
          clients.push(client);
          entered = true;
          if (events.some((event) => event.globalPosition === appended.lastPosition.globalPosition))
            await gate;
        },
      }),
    );
    await follower.start();
    await eventually(() => entered, 10_000);
    // The handler has the batch but has not resolved: no progress is recorded for it.
    expect(hasReached(await follower.checkpoint(), appended.lastPosition)).toBe(false);
    expect(await follower.waitFor(appended.lastPosition, 50)).toBe(false);
    release();
    expect(await follower.waitFor(appended.lastPosition, 10_000)).toBe(true);
    expect(clients.every((client) => client === null)).toBe(true);
  });
});

describe('two followers with one consumer name', () => {
  it('lets one own it at a time and hands over when the owner stops', async () => {
    const consumer = `single-${randomUUID()}`;
    const handledBy: string[] = [];
    const make = (name: string): LogFollower =>
      track(
        db.store.follow({
          consumer,
          ownerId: name,
          pollIntervalMs: 20,
          handle: (events) => {
            handledBy.push(...events.map(() => name));
            return Promise.resolve();
          },
        }),
      );
    const a = make('a');
    const b = make('b');
    await a.start();
    await eventually(
      () => a.isOwner,
      10_000,
      () => 'a to own the consumer',
    );
    await b.start();
    const first = await db.store.append(newRef(), 'no-stream', [{ type: 'A', data: 1 }]);
    expect(await a.waitFor(first.lastPosition, 10_000)).toBe(true);
    expect(b.isOwner).toBe(false);
    expect(new Set(handledBy)).toEqual(new Set(['a']));

    await a.stop();
    await eventually(
      () => b.isOwner,
      10_000,
      () => 'b to take over',
    );
    const second = await db.store.append(newRef(), 'no-stream', [{ type: 'B', data: 2 }]);
    expect(await b.waitFor(second.lastPosition, 10_000)).toBe(true);
    expect(handledBy[handledBy.length - 1]).toBe('b');
    const owner = await db.pool.query(
      `SELECT owner_id FROM "${db.schema}".checkpoints WHERE consumer = $1`,
      [consumer],
    );
    expect(owner.rows).toEqual([{ owner_id: 'b' }]);
  });
});

describe('checkpoint compare-and-set', () => {
  it('keeps a stale owner from moving progress: its write is refused and it reloads the stored position', async () => {
    const consumer = `stale-${randomUUID()}`;
    const logger = new MemoryLogger();
    const ref = newRef();
    const first = await db.store.append(ref, 'no-stream', [{ type: 'First', data: 1 }]);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handledTypes: string[] = [];
    let holding = false;
    const follower = track(
      db.store.follow({
        consumer,
        logger,
        transactional: false,
        handle: async (events) => {
          const mine = events.filter((event) => event.streamId === ref.streamId);
          handledTypes.push(...mine.map((event) => event.type));
          if (mine.some((event) => event.type === 'Second')) {
            holding = true;
            await gate;
          }
        },
      }),
    );
    await follower.start();
    expect(await follower.waitFor(first.lastPosition, 10_000)).toBe(true);

    const second = await db.store.append(ref, 1, [{ type: 'Second', data: 2 }]);
    await eventually(
      () => holding,
      10_000,
      () => 'the follower to hold the second batch',
    );
    // Meanwhile "another owner" has already moved the checkpoint past the second event.
    await db.pool.query(
      `UPDATE "${db.schema}".checkpoints SET transaction_id = $2::xid8, global_position = $3::bigint, owner_id = 'other'
        WHERE consumer = $1`,
      [
        consumer,
        second.lastPosition.transactionId.toString(),
        second.lastPosition.globalPosition.toString(),
      ],
    );
    release();
    await eventually(
      () => logger.entries.some((entry) => entry.message.includes('checkpoint moved')),
      10_000,
      () => 'the refused checkpoint write to be reported',
    );
    const stored = await db.pool.query(
      `SELECT owner_id FROM "${db.schema}".checkpoints WHERE consumer = $1`,
      [consumer],
    );
    expect(stored.rows).toEqual([{ owner_id: 'other' }]);

    const third = await db.store.append(ref, 2, [{ type: 'Third', data: 3 }]);
    expect(await follower.waitFor(third.lastPosition, 10_000)).toBe(true);
    expect(handledTypes).toEqual(['First', 'Second', 'Third']);
  });
});
