import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Pool } from 'pg';
import { VersionConflict, type EventStore, type LogPosition, type StoredEvent } from '../../src';
import { compareLogPositions } from '../../src/log-position';

/** One transaction a writer attempts. */
export interface WriteOp {
  stream: number;
  size: number;
  /** Take the xid before reading the stream: `select` = pg_current_xact_id(), `row` = write a side row. */
  earlyXid: 'no' | 'select' | 'row';
  /** Wait for some other writer's commit between taking the xid and appending. */
  waitBeforeAppend: boolean;
  /** Keep the transaction open after appending: wait for another commit, or pg_sleep this many ms. */
  commitLate: 'no' | 'other-commit' | number;
  rollback: boolean;
}

/** A random write schedule: one cyclic list of operations per writer. */
export function scheduleArbitrary(
  writers: number,
  opsPerWriter: number,
  streams: number,
): fc.Arbitrary<WriteOp[][]> {
  const percent = fc.integer({ min: 0, max: 99 });
  const op: fc.Arbitrary<WriteOp> = fc.record({
    stream: fc.nat({ max: streams - 1 }),
    size: fc.integer({ min: 1, max: 12 }),
    earlyXid: percent.map((p): WriteOp['earlyXid'] => (p < 15 ? 'select' : p < 25 ? 'row' : 'no')),
    waitBeforeAppend: percent.map((p) => p < 60),
    commitLate: fc
      .tuple(percent, fc.integer({ min: 1, max: 15 }))
      .map(([p, ms]): WriteOp['commitLate'] => (p < 8 ? 'other-commit' : p < 14 ? ms : 'no')),
    rollback: percent.map((p) => p < 5),
  });
  return fc.array(fc.array(op, { minLength: opsPerWriter, maxLength: opsPerWriter }), {
    minLength: writers,
    maxLength: writers,
  });
}

/** The longest a writer holding a stream's row lock waits for another writer's commit. */
const LOCK_HOLDING_WAIT_MS = 200;

/**
 * Lets a transaction hold itself open until some other writer commits, so that newer
 * transactions really do commit while an older one is still running. Never lets the last
 * running writer wait (that would deadlock the schedule).
 */
class CommitBeacon {
  private waiters: Array<() => void> = [];

  constructor(private active: number) {}

  /**
   * Waits for the next commit. A writer that waits while holding a stream's row lock (after its
   * append) can block the very writers it waits for, in the database, where this count cannot see
   * them; `atMostMs` bounds such a wait so the schedule never deadlocks.
   */
  next(atMostMs?: number): Promise<void> {
    if (this.waiters.length + 1 >= this.active) return Promise.resolve();
    const committed = new Promise<void>((resolve) => this.waiters.push(resolve));
    if (atMostMs === undefined) return committed;
    return Promise.race([committed, new Promise<void>((resolve) => setTimeout(resolve, atMostMs))]);
  }

  signal(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }

  leave(): void {
    this.active -= 1;
    if (this.waiters.length + 1 >= this.active) this.signal();
  }
}

/** What the writers did. */
export interface WorkloadOutcome {
  /** Committed event ids with their stream key (`tenant/stream`) and version. */
  committed: Map<string, { stream: string; version: number }>;
  rolledBack: Set<string>;
  lastPosition: LogPosition | null;
  conflicts: { version: number; xidOrder: number };
  earlyXidCommits: number;
}

/**
 * Runs `schedule` on `db` (a test store: its pool, store and schema) with one dedicated pool
 * connection per writer until at least `target` events are committed. Each transaction reads the
 * stream's version and appends at it, so writers that collide get VersionConflict (and roll back).
 */
export async function runWorkload(
  db: { pool: Pool; store: EventStore; schema: string },
  options: {
    tenantId: string;
    streamPrefix: string;
    schedule: WriteOp[][];
    target: number;
  },
): Promise<WorkloadOutcome> {
  const { pool, store } = db;
  const { schedule, target, tenantId } = options;
  const outcome: WorkloadOutcome = {
    committed: new Map(),
    rolledBack: new Set(),
    lastPosition: null,
    conflicts: { version: 0, xidOrder: 0 },
    earlyXidCommits: 0,
  };
  const beacon = new CommitBeacon(schedule.length);
  await pool.query(
    `CREATE TABLE IF NOT EXISTS "${db.schema}".side_rows (id bigserial PRIMARY KEY, note text)`,
  );

  const writer = async (ops: WriteOp[], writerIndex: number): Promise<void> => {
    const client = await pool.connect();
    try {
      for (let i = 0; outcome.committed.size < target; i += 1) {
        const op = ops[i % ops.length]!;
        const streamId = `${options.streamPrefix}-${op.stream}`;
        await client.query('BEGIN');
        let ok = false;
        try {
          if (op.earlyXid === 'select') await client.query('SELECT pg_current_xact_id()');
          if (op.earlyXid === 'row') {
            await client.query(`INSERT INTO "${db.schema}".side_rows (note) VALUES ($1)`, [
              `writer ${writerIndex}`,
            ]);
          }
          if (op.earlyXid !== 'no' && op.waitBeforeAppend) await beacon.next();
          const current = await client.query<{ version: string }>(
            `SELECT version::text AS version FROM "${db.schema}".streams WHERE tenant_id = $1 AND stream_id = $2`,
            [tenantId, streamId],
          );
          const version = Number(current.rows[0]?.version ?? 0);
          const events = Array.from({ length: op.size }, (_, k) => ({
            type: 'ChaosHappened',
            data: { writer: writerIndex, op: i, k },
            eventId: randomUUID(),
          }));
          const result = await store.append(
            { tenantId, streamId },
            version,
            events,
            {},
            { client },
          );
          if (op.commitLate === 'other-commit') await beacon.next(LOCK_HOLDING_WAIT_MS);
          else if (typeof op.commitLate === 'number')
            await client.query('SELECT pg_sleep($1)', [op.commitLate / 1000]);
          if (op.rollback) {
            await client.query('ROLLBACK');
            for (const event of events) outcome.rolledBack.add(event.eventId);
          } else {
            await client.query('COMMIT');
            events.forEach((event, k) => {
              outcome.committed.set(event.eventId, {
                stream: `${tenantId}/${streamId}`,
                version: version + k + 1,
              });
            });
            if (op.earlyXid !== 'no') outcome.earlyXidCommits += 1;
            if (
              !outcome.lastPosition ||
              compareLogPositions(result.lastPosition, outcome.lastPosition) > 0
            ) {
              outcome.lastPosition = result.lastPosition;
            }
            beacon.signal();
          }
          ok = true;
        } catch (error) {
          if (!(error instanceof VersionConflict)) throw error;
          if (error.reason === 'xid-order') outcome.conflicts.xidOrder += 1;
          else outcome.conflicts.version += 1;
        } finally {
          if (!ok) await client.query('ROLLBACK');
        }
      }
    } finally {
      beacon.leave();
      client.release();
    }
  };
  await Promise.all(schedule.map((ops, index) => writer(ops, index)));
  return outcome;
}

/** What a check needs of a delivered event. */
export type ObservedEvent = Pick<
  StoredEvent,
  'eventId' | 'tenantId' | 'streamId' | 'streamPosition' | 'transactionId' | 'globalPosition'
>;

/**
 * Checks what a reader of the whole log saw against what was committed: every committed event
 * exactly once, no rolled-back one, each stream in version order, the log in (xid, position) order.
 */
export function checkObserved(
  seen: ObservedEvent[],
  outcome: WorkloadOutcome,
  tenantId: string,
): void {
  const mine = seen.filter((event) => event.tenantId === tenantId);
  const ids = mine.map((event) => event.eventId);
  const duplicates = ids.length - new Set(ids).size;
  if (duplicates > 0) {
    const firstAt = new Map<string, number>();
    const examples: string[] = [];
    mine.forEach((event, index) => {
      const earlier = firstAt.get(event.eventId);
      if (earlier === undefined) firstAt.set(event.eventId, index);
      else if (examples.length < 3) {
        examples.push(
          `${event.streamId}@${event.streamPosition} (${event.transactionId}.${event.globalPosition}) at ${earlier} and ${index}`,
        );
      }
    });
    throw new Error(
      `${duplicates} events were delivered more than once, e.g. ${examples.join('; ')}`,
    );
  }
  const rolledBack = ids.filter((id) => outcome.rolledBack.has(id));
  if (rolledBack.length > 0)
    throw new Error(`${rolledBack.length} rolled-back events were delivered`);
  const unknown = ids.filter((id) => !outcome.committed.has(id));
  if (unknown.length > 0)
    throw new Error(`${unknown.length} delivered events were never committed`);
  const delivered = new Set(ids);
  const missing = [...outcome.committed.keys()].filter((id) => !delivered.has(id));
  if (missing.length > 0)
    throw new Error(`${missing.length} committed events were never delivered`);

  const lastVersion = new Map<string, number>();
  for (const event of mine) {
    const key = `${event.tenantId}/${event.streamId}`;
    const expected = (lastVersion.get(key) ?? 0) + 1;
    if (event.streamPosition !== expected) {
      const history = mine
        .filter((other) => other.streamId === event.streamId)
        .map((other) => `v${other.streamPosition}@${other.transactionId}.${other.globalPosition}`)
        .join(' ');
      throw new Error(
        `${key}: version ${event.streamPosition} delivered where ${expected} was due; delivered: ${history}`,
      );
    }
    lastVersion.set(key, event.streamPosition);
  }
  for (let i = 1; i < seen.length; i += 1) {
    const before = seen[i - 1]!;
    const after = seen[i]!;
    if (compareLogPositions(before, after) >= 0) {
      throw new Error(
        `log order broken at ${i}: ${before.transactionId}.${before.globalPosition} then ${after.transactionId}.${after.globalPosition}`,
      );
    }
  }
}
