import { randomBytes } from 'node:crypto';
import { Pool, type PoolConfig } from 'pg';
import {
  EventStore,
  migrateEventStore,
  type EventStoreOptions,
  type ExpectedVersion,
  type NewEvent,
  type StreamRef,
} from '../../src';

/** The PostgreSQL the integration tests run against. */
export const DATABASE_URL =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh schema name per test file, in the shared `t_<label>_<base36 time>_<hex>` form so that
 * the integration global setup can drop leftovers of aborted runs.
 */
export function uniqueSchemaName(label: string): string {
  return `t_es_${label}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** A migrated schema, its pool and a store over it. */
export interface TestStore {
  schema: string;
  pool: Pool;
  store: EventStore;
  /** Drops the schema and ends the pool. */
  dispose(): Promise<void>;
}

/** Creates and migrates a uniquely named schema; dispose it in `afterAll`. */
export async function createTestStore(
  label: string,
  options: { pool?: PoolConfig; store?: Omit<EventStoreOptions, 'pool' | 'schema'> } = {},
): Promise<TestStore> {
  const schema = uniqueSchemaName(label);
  await migrateEventStore({ connectionString: DATABASE_URL, schema });
  const pool = new Pool({ connectionString: DATABASE_URL, max: 10, ...options.pool });
  const store = new EventStore({ pool, schema, service: 'test', ...options.store });
  return {
    schema,
    pool,
    store,
    async dispose() {
      try {
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}

/**
 * Races `competitor` against an append left open: appends `open.event` to `open.ref` at
 * `open.expected` in a transaction of its own, starts `competitor` while that transaction holds the
 * stream, then ends it with `open.end` and returns what `competitor` resolved with (let it catch
 * the error the test expects).
 */
export async function raceAnOpenAppend<T>(
  db: TestStore,
  open: { ref: StreamRef; expected: ExpectedVersion; event: NewEvent; end: 'COMMIT' | 'ROLLBACK' },
  competitor: () => Promise<T>,
): Promise<T> {
  const first = await db.pool.connect();
  try {
    await first.query('BEGIN');
    await db.store.append(open.ref, open.expected, [open.event], {}, { client: first });
    const second = competitor();
    await first.query(open.end);
    return await second;
  } finally {
    first.release();
  }
}

/**
 * Polls `condition` until it holds or `timeoutMs` passes; the tests wait on observable state this
 * way, never on a fixed sleep.
 */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  describe: () => string = () => 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
