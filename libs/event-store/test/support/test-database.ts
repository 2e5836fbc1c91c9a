import { randomBytes } from 'node:crypto';
import { Pool, type PoolConfig } from 'pg';
import { EventStore, migrateEventStore, type EventStoreOptions } from '../../src';

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
