import { randomUUID } from 'node:crypto';
import {
  DuplicateEventId,
  VersionConflict,
  hasReached,
  migrateEventStore,
  type Clock,
  type StoredEvent,
  type StreamRef,
} from '../src';
import {
  createTestStore,
  DATABASE_URL,
  eventually,
  raceAnOpenAppend,
  uniqueSchemaName,
  type TestStore,
} from './support/test-database';

const fixedClock: Clock = { now: () => new Date('2026-05-12T01:02:03.000Z') };

let db: TestStore;

beforeAll(async () => {
  db = await createTestStore('store', { store: { clock: fixedClock } });
});

afterAll(async () => {
  await db.dispose();
});

function newRef(tenantId = 'tenant-a'): StreamRef {
  return { tenantId, streamId: `thing-${randomUUID()}` };
}

function conflictOf(error: unknown): VersionConflict {
  if (error instanceof VersionConflict) return error;
  throw error;
}

describe('migrateEventStore', () => {
  it('is safe to run twice at once and again later', async () => {
    const schema = uniqueSchemaName('migrate');
    try {
      await Promise.all([
        migrateEventStore({ connectionString: DATABASE_URL, schema }),
        migrateEventStore({ connectionString: DATABASE_URL, schema }),
      ]);
      await migrateEventStore({ connectionString: DATABASE_URL, schema });
      const tables = await db.pool.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
        [schema],
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual([
        'checkpoints',
        'es_migrations',
        'events',
        'idempotency_keys',
        'inbox',
        'streams',
      ]);
      const migrations = await db.pool.query(`SELECT name FROM "${schema}".es_migrations`);
      expect(migrations.rows).toEqual([{ name: 'CreateEventStore1764100000000' }]);
    } finally {
      await db.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(
      migrateEventStore({ connectionString: DATABASE_URL, schema: 'x"; DROP' }),
    ).rejects.toThrow(RangeError);
  });
});

describe('append and readStream', () => {
  it('stores every event of one append with its metadata and reads them back in version order', async () => {
    const ref = newRef();
    const givenId = randomUUID();
    const result = await db.store.append(
      ref,
      'no-stream',
      [
        { type: 'ThingCreated', data: { name: 'Sở KH&CN "Bắc Kạn"' } },
        { type: 'ThingRenamed', data: { name: 'b\\c' }, eventId: givenId, schemaVersion: 3 },
      ],
      {
        actor: { kind: 'user', id: 'u-1' },
        correlationId: 'corr-1',
        causationId: 'cause-1',
        idempotencyKey: 'idem-1',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      },
    );
    expect(result.nextVersion).toBe(2);
    expect(result.globalPositions).toHaveLength(2);
    expect(result.globalPositions[0]! < result.globalPositions[1]!).toBe(true);
    expect(result.lastPosition.globalPosition).toBe(result.globalPositions[1]);

    const events = await db.store.readStream(ref);
    expect(
      events.map((event) => [event.streamPosition, event.type, event.data, event.schemaVersion]),
    ).toEqual([
      [1, 'ThingCreated', { name: 'Sở KH&CN "Bắc Kạn"' }, 1],
      [2, 'ThingRenamed', { name: 'b\\c' }, 3],
    ]);
    expect(events[1]!.eventId).toBe(givenId);
    expect(events[0]!.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(events[0]!.transactionId).toBe(result.lastPosition.transactionId);
    expect(events[0]!.metadata).toEqual({
      tenantId: 'tenant-a',
      actor: { kind: 'user', id: 'u-1' },
      correlationId: 'corr-1',
      causationId: 'cause-1',
      idempotencyKey: 'idem-1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      occurredAt: '2026-05-12T01:02:03.000Z',
    });
    expect(events[0]!.recordedAt).toBeInstanceOf(Date);

    const rows = await db.pool.query(
      `SELECT tenant_id, stream_type FROM "${db.schema}".streams WHERE stream_id = $1`,
      [ref.streamId],
    );
    expect(rows.rows).toEqual([{ tenant_id: 'tenant-a', stream_type: 'thing' }]);
  });

  it('continues a stream at its version and reads from a version on', async () => {
    const ref = newRef();
    await db.store.append(ref, 'no-stream', [{ type: 'A', data: 1 }]);
    const second = await db.store.append(ref, 1, [
      { type: 'B', data: 2 },
      { type: 'C', data: 3 },
    ]);
    expect(second.nextVersion).toBe(3);
    const third = await db.store.append(ref, 'any', [{ type: 'D', data: null }]);
    expect(third.nextVersion).toBe(4);
    const tail = await db.store.readStream(ref, { fromVersion: 2 });
    expect(tail.map((event) => [event.streamPosition, event.type, event.data])).toEqual([
      [3, 'C', 3],
      [4, 'D', null],
    ]);
  });

  it('orders by number, not by text, past nine events (stream and log)', async () => {
    const ref = newRef();
    const head = await db.store.headPosition();
    const appended = await db.store.append(
      ref,
      'no-stream',
      Array.from({ length: 12 }, (_, i) => ({ type: 'N', data: i })),
    );
    expect((await db.store.readStream(ref)).map((event) => event.streamPosition)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    await eventually(
      async () => hasReached(await db.store.headPosition(), appended.lastPosition),
      10_000,
    );
    const logged = (await db.store.readAll({ after: head, limit: 100 })).filter(
      (event) => event.streamId === ref.streamId,
    );
    expect(logged.map((event) => event.globalPosition)).toEqual(appended.globalPositions);
    expect(logged.map((event) => event.streamPosition)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
  });

  it("creates a stream with 'any' and refuses appends at a wrong version", async () => {
    const ref = newRef();
    expect((await db.store.append(ref, 'any', [{ type: 'A', data: {} }])).nextVersion).toBe(1);
    const conflict = conflictOf(
      await db.store.append(ref, 5, [{ type: 'B', data: {} }]).catch((e: unknown) => e),
    );
    expect(conflict).toMatchObject({
      streamId: ref.streamId,
      expected: 5,
      actual: 1,
      reason: 'version',
    });
    const missing = conflictOf(
      await db.store.append(newRef(), 2, [{ type: 'B', data: {} }]).catch((e: unknown) => e),
    );
    expect(missing.actual).toBe(0);
  });

  it('refuses an empty append and a malformed expected version', async () => {
    await expect(db.store.append(newRef(), 'any', [])).rejects.toThrow(RangeError);
    await expect(db.store.append(newRef(), -1, [{ type: 'A', data: 1 }])).rejects.toThrow(
      RangeError,
    );
  });

  it('reports a stored event id as DuplicateEventId', async () => {
    const eventId = randomUUID();
    await db.store.append(newRef(), 'no-stream', [{ type: 'A', data: 1, eventId }]);
    await expect(
      db.store.append(newRef(), 'no-stream', [{ type: 'A', data: 1, eventId }]),
    ).rejects.toBeInstanceOf(DuplicateEventId);
  });
});

describe('two appends with the same expected version', () => {
  it('lets exactly one of many concurrent writers win, the others get VersionConflict', async () => {
    const ref = newRef();
    await db.store.append(ref, 'no-stream', [{ type: 'A', data: 0 }]);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => db.store.append(ref, 1, [{ type: 'B', data: i }])),
    );
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const outcome of lost) {
      expect(outcome.reason).toBeInstanceOf(VersionConflict);
      expect(outcome.reason).toMatchObject({ expected: 1, actual: 2 });
    }
    expect(await db.store.readStream(ref)).toHaveLength(2);
  });

  it('makes the second writer wait for the first and then fail, for numbered versions', async () => {
    const ref = newRef();
    await db.store.append(ref, 'no-stream', [{ type: 'A', data: 0 }]);
    const second = await raceAnOpenAppend(
      db,
      { ref, expected: 1, event: { type: 'B', data: 'first' }, end: 'COMMIT' },
      () => db.store.append(ref, 1, [{ type: 'B', data: 'second' }]).catch((e: unknown) => e),
    );
    expect(conflictOf(second)).toMatchObject({ expected: 1, actual: 2, reason: 'version' });
    expect((await db.store.readStream(ref)).map((event) => event.data)).toEqual([0, 'first']);
  });

  it("makes exactly one of two concurrent creations with 'no-stream' win", async () => {
    const ref = newRef();
    const second = await raceAnOpenAppend(
      db,
      { ref, expected: 'no-stream', event: { type: 'Created', data: 'first' }, end: 'COMMIT' },
      () =>
        db.store
          .append(ref, 'no-stream', [{ type: 'Created', data: 'second' }])
          .catch((e: unknown) => e),
    );
    expect(conflictOf(second)).toMatchObject({ expected: 'no-stream', actual: 1 });
    const racing = newRef();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        db.store.append(racing, 'no-stream', [{ type: 'Created', data: i }]),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(
      outcomes.filter(
        (outcome) => outcome.status === 'rejected' && outcome.reason instanceof VersionConflict,
      ),
    ).toHaveLength(5);
  });

  it('lets the creation win after a first creator rolled back', async () => {
    const ref = newRef();
    const second = await raceAnOpenAppend(
      db,
      { ref, expected: 'no-stream', event: { type: 'Created', data: 'first' }, end: 'ROLLBACK' },
      () => db.store.append(ref, 'no-stream', [{ type: 'Created', data: 'second' }]),
    );
    expect(second.nextVersion).toBe(1);
    expect((await db.store.readStream(ref)).map((event) => event.data)).toEqual(['second']);
  });
});

describe('appending inside a caller transaction', () => {
  it('commits and rolls back with the caller, and a conflict leaves the transaction usable', async () => {
    const kept = newRef();
    const dropped = newRef();
    await db.store.transaction(async (client) => {
      await db.store.append(kept, 'no-stream', [{ type: 'A', data: 1 }], {}, { client });
      await expect(
        db.store.append(kept, 'no-stream', [{ type: 'A', data: 2 }], {}, { client }),
      ).rejects.toBeInstanceOf(VersionConflict);
      await db.store.append(kept, 1, [{ type: 'B', data: 2 }], {}, { client });
    });
    await expect(
      db.store.transaction(async (client) => {
        await db.store.append(dropped, 'no-stream', [{ type: 'A', data: 1 }], {}, { client });
        throw new Error('the command failed after appending');
      }),
    ).rejects.toThrow('the command failed after appending');
    expect((await db.store.readStream(kept)).map((event) => event.type)).toEqual(['A', 'B']);
    expect(await db.store.readStream(dropped)).toEqual([]);
  });
});

describe('the last-writer-xid guard', () => {
  it('refuses an append by a transaction that took its xid before the stream last writer', async () => {
    const ref = newRef();
    await db.store.append(ref, 'no-stream', [{ type: 'A', data: 'v1' }]);
    const early = await db.pool.connect();
    try {
      await early.query('BEGIN');
      const earlyXid = BigInt(
        (await early.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0]!
          .xid,
      );
      // A newer transaction appends to the same stream and commits first.
      const newer = await db.store.append(ref, 1, [{ type: 'B', data: 'v2' }]);
      expect(newer.lastPosition.transactionId > earlyXid).toBe(true);

      const byVersion = conflictOf(
        await db.store
          .append(ref, 2, [{ type: 'C', data: 'late' }], {}, { client: early })
          .catch((e: unknown) => e),
      );
      expect(byVersion).toMatchObject({ expected: 2, actual: 2, reason: 'xid-order' });
      const byAny = conflictOf(
        await db.store
          .append(ref, 'any', [{ type: 'C', data: 'late' }], {}, { client: early })
          .catch((e: unknown) => e),
      );
      expect(byAny.reason).toBe('xid-order');
      // Other streams are not affected, and the transaction is still usable.
      await db.store.append(
        newRef(),
        'no-stream',
        [{ type: 'X', data: 'ok' }],
        {},
        { client: early },
      );
      await early.query('COMMIT');
    } finally {
      early.release();
    }
    const events = await db.store.readStream(ref);
    expect(events.map((event) => event.data)).toEqual(['v1', 'v2']);
  });

  it('keeps each stream in version order in the log when the early-xid transaction appends first', async () => {
    const ref = newRef();
    const other = newRef();
    await db.store.append(ref, 'no-stream', [{ type: 'A', data: 'v1' }]);
    await db.store.append(other, 'no-stream', [{ type: 'A', data: 'w1' }]);
    const early = await db.pool.connect();
    const later = await db.pool.connect();
    try {
      await early.query('BEGIN');
      await early.query('SELECT pg_current_xact_id()');
      await later.query('BEGIN');
      await later.query('SELECT pg_current_xact_id()');
      await db.store.append(ref, 1, [{ type: 'B', data: 'v2 early' }], {}, { client: early });
      await db.store.append(other, 1, [{ type: 'B', data: 'w2 early' }], {}, { client: early });
      // This one waits on the stream row the early transaction holds, then goes after it.
      const waiting = db.store.append(other, 'any', [{ type: 'C', data: 'w3 later' }]);
      await early.query('COMMIT');
      await db.store.append(ref, 2, [{ type: 'C', data: 'v3 later' }], {}, { client: later });
      await later.query('COMMIT');
      expect((await waiting).nextVersion).toBe(3);
    } finally {
      early.release();
      later.release();
    }
    // The horizon is cluster-wide: other sessions' open transactions may hold it for a moment.
    let log: StoredEvent[] = [];
    await eventually(async () => {
      log = await readWholeLog();
      return (
        log.filter((event) => event.streamId === ref.streamId || event.streamId === other.streamId)
          .length === 6
      );
    }, 10_000);
    for (const streamId of [ref.streamId, other.streamId]) {
      const mine = log.filter((event) => event.streamId === streamId);
      expect(mine.map((event) => event.streamPosition)).toEqual([1, 2, 3]);
    }
  });
});

describe('readAll', () => {
  it('holds back events behind an open older writer until it commits, then returns them in xid order', async () => {
    const head = await db.store.headPosition();
    const early = await db.pool.connect();
    const slow = newRef();
    const fast = newRef();
    try {
      await early.query('BEGIN');
      await early.query('SELECT pg_current_xact_id()');
      await db.store.append(slow, 'no-stream', [{ type: 'Slow', data: 1 }], {}, { client: early });
      const fastResult = await db.store.append(fast, 'no-stream', [{ type: 'Fast', data: 2 }]);

      const whileOpen = await db.store.readAll({ after: head, limit: 100 });
      expect(whileOpen.map((event) => event.streamId)).not.toContain(fast.streamId);
      expect(await db.store.hasEventsBeyondHorizon(head)).toBe(true);
      const heldHead = await db.store.headPosition();
      expect(
        heldHead === null || heldHead.transactionId < fastResult.lastPosition.transactionId,
      ).toBe(true);

      await early.query('COMMIT');
    } finally {
      early.release();
    }
    let ids: string[] = [];
    await eventually(async () => {
      ids = (await db.store.readAll({ after: head, limit: 100 })).map((event) => event.streamId);
      return ids.includes(fast.streamId);
    }, 10_000);
    expect(ids.indexOf(slow.streamId)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(slow.streamId)).toBeLessThan(ids.indexOf(fast.streamId));
  });

  it('pages through the log by the last position read', async () => {
    const head = await db.store.headPosition();
    const ref = newRef();
    const appended = await db.store.append(
      ref,
      'no-stream',
      Array.from({ length: 7 }, (_, i) => ({ type: 'N', data: i })),
    );
    await eventually(
      async () => hasReached(await db.store.headPosition(), appended.lastPosition),
      10_000,
    );
    const seen: StoredEvent[] = [];
    let after = head;
    for (;;) {
      const page = await db.store.readAll({ after, limit: 3 });
      const last = page[page.length - 1];
      if (!last) break;
      seen.push(...page);
      after = { transactionId: last.transactionId, globalPosition: last.globalPosition };
    }
    expect(
      seen.filter((event) => event.streamId === ref.streamId).map((event) => event.data),
    ).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(await db.store.headPosition()).toEqual(after);
  });
});

describe('tenant isolation', () => {
  it('treats the same stream id in two tenants as two streams', async () => {
    const streamId = `thing-${randomUUID()}`;
    const a = { tenantId: 'tinh-bac-kan', streamId };
    const b = { tenantId: 'tinh-cao-bang', streamId };
    await db.store.append(a, 'no-stream', [{ type: 'A', data: 'a1' }]);
    await db.store.append(b, 'no-stream', [{ type: 'A', data: 'b1' }]);
    await db.store.append(a, 1, [{ type: 'A', data: 'a2' }]);
    await expect(db.store.append(b, 2, [{ type: 'A', data: 'b2' }])).rejects.toBeInstanceOf(
      VersionConflict,
    );
    expect((await db.store.readStream(a)).map((event) => [event.tenantId, event.data])).toEqual([
      ['tinh-bac-kan', 'a1'],
      ['tinh-bac-kan', 'a2'],
    ]);
    expect(
      (await db.store.readStream(b)).map((event) => [
        event.tenantId,
        event.metadata.tenantId,
        event.data,
      ]),
    ).toEqual([['tinh-cao-bang', 'tinh-cao-bang', 'b1']]);
  });
});

describe('position tokens', () => {
  it('round-trips a position through its token and refuses another service token', async () => {
    const result = await db.store.append(newRef(), 'no-stream', [{ type: 'A', data: 1 }]);
    const token = db.store.toToken(result.lastPosition);
    expect(token).toBe(
      `test:${result.lastPosition.transactionId}.${result.lastPosition.globalPosition}`,
    );
    expect(db.store.fromToken(token)).toEqual(result.lastPosition);
    expect(db.store.fromToken(token.replace('test:', 'other:'))).toBeUndefined();
  });
});

async function readWholeLog(): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  let after = null;
  for (;;) {
    const page: StoredEvent[] = await db.store.readAll({ after, limit: 1000 });
    const last = page[page.length - 1];
    if (!last) return all;
    all.push(...page);
    after = { transactionId: last.transactionId, globalPosition: last.globalPosition };
  }
}
