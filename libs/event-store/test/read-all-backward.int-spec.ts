import { randomUUID } from 'node:crypto';
import { hasReached, type LogPosition, type StoredEvent, type StreamRef } from '../src';
import { createTestStore, eventually, type TestStore } from './support/test-database';

let db: TestStore;

beforeAll(async () => {
  db = await createTestStore('backward');
});

afterAll(async () => {
  await db.dispose();
});

function newRef(): StreamRef {
  return { tenantId: 'tenant-a', streamId: `thing-${randomUUID()}` };
}

function positionOf(event: StoredEvent): LogPosition {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}

/** The whole log as `readAll` pages it, oldest first. */
async function readForward(): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  let after: LogPosition | null = null;
  for (;;) {
    const page = await db.store.readAll({ after, limit: 4 });
    const last = page[page.length - 1];
    if (!last) return all;
    all.push(...page);
    after = positionOf(last);
  }
}

describe('readAllBackward', () => {
  it('reads the log newest first, from a position (inclusive) or from the end, paging back to the start', async () => {
    const appended = [];
    for (let i = 0; i < 3; i += 1) {
      appended.push(
        await db.store.append(
          newRef(),
          'no-stream',
          Array.from({ length: 3 }, (_, j) => ({ type: 'N', data: i * 3 + j })),
        ),
      );
    }
    const lastAppend = appended[appended.length - 1];
    if (!lastAppend) throw new Error('nothing appended');
    await eventually(
      async () => hasReached(await db.store.headPosition(), lastAppend.lastPosition),
      10_000,
    );

    const forward = await readForward();
    const ids = (events: StoredEvent[]): string[] => events.map((event) => event.eventId);

    const fromEnd = await db.store.readAllBackward({ atOrBefore: null, limit: 1000 });
    expect(ids(fromEnd)).toEqual(ids(forward).reverse());

    const middle = forward[4];
    if (!middle) throw new Error('too few events');
    const fromMiddle = await db.store.readAllBackward({
      atOrBefore: positionOf(middle),
      limit: 2,
    });
    expect(ids(fromMiddle)).toEqual([forward[4]?.eventId, forward[3]?.eventId]);

    const paged: StoredEvent[] = [];
    let atOrBefore: LogPosition | null = null;
    for (;;) {
      const page: StoredEvent[] = await db.store.readAllBackward({ atOrBefore, limit: 2 });
      const oldest = page[page.length - 1];
      if (!oldest) break;
      paged.push(...page);
      atOrBefore = {
        transactionId: oldest.transactionId,
        globalPosition: oldest.globalPosition - 1n,
      };
    }
    expect(ids(paged)).toEqual(ids(forward).reverse());
  });

  it('leaves out events of transactions above the horizon, as readAll does', async () => {
    const early = await db.pool.connect();
    const fast = newRef();
    try {
      await early.query('BEGIN');
      await early.query('SELECT pg_current_xact_id()');
      await db.store.append(
        newRef(),
        'no-stream',
        [{ type: 'Slow', data: 1 }],
        {},
        { client: early },
      );
      await db.store.append(fast, 'no-stream', [{ type: 'Fast', data: 2 }]);

      const whileOpen = await db.store.readAllBackward({ atOrBefore: null, limit: 1000 });
      expect(whileOpen.map((event) => event.streamId)).not.toContain(fast.streamId);
      await early.query('COMMIT');
    } finally {
      early.release();
    }
    await eventually(
      async () =>
        (await db.store.readAllBackward({ atOrBefore: null, limit: 1 }))[0]?.streamId ===
        fast.streamId,
      10_000,
    );
  });

  it('refuses a limit that is not a positive integer', async () => {
    await expect(db.store.readAllBackward({ atOrBefore: null, limit: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});
