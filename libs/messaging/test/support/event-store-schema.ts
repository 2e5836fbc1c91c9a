import { migrateEventStore } from '@ttkt/event-store';
import { createTestSchema, createTestVhost, testDatabaseUrl, type TestVhost } from '@ttkt/testing';
import { Pool } from 'pg';

/** A throw-away schema holding the event store's tables, with a pool whose `search_path` is it. */
export interface EventStoreSchema {
  /** The schema's name, `t_<label>_<created-at>_<random>` (see `createTestSchema`). */
  name: string;
  /** Up to 10 connections that create and find unqualified tables (e.g. `effects`) in the schema. */
  pool: Pool;
  /** Drops the schema with everything in it, then ends the pool. */
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named schema (`createTestSchema` of `@ttkt/testing`), migrates the event store
 * into it (so `new Inbox(name)` and `new EventStore({ schema: name, … })` work) and opens a pool on
 * it. Drop it when done; if the migration fails, the schema is dropped before the error is thrown.
 * @param label - what the schema is for, part of its name.
 */
export async function createEventStoreSchema(label: string): Promise<EventStoreSchema> {
  const schema = await createTestSchema(label);
  try {
    await migrateEventStore({ connectionString: testDatabaseUrl(), schema: schema.name });
  } catch (error: unknown) {
    await schema.drop();
    throw error;
  }
  const pool = new Pool({ connectionString: schema.connectionString, max: 10 });
  return {
    name: schema.name,
    pool,
    drop: async () => {
      try {
        await schema.drop();
      } finally {
        await pool.end();
      }
    },
  };
}

/** What {@link useVhostAndEventStoreSchema} gives a test file once its `beforeAll` has run. */
export interface VhostAndEventStoreSchema {
  vhost: TestVhost;
  schema: EventStoreSchema;
}

/**
 * Gives the calling test file a vhost and an event-store schema (see
 * {@link createEventStoreSchema}), both named after `label`: registers a `beforeAll` that creates
 * them side by side and then runs `setUpSql` on the schema's pool (e.g. `CREATE TABLE effects …`),
 * and an `afterAll` that drops whichever of the two was created. Read them from the returned object
 * inside tests and hooks, not at the top level (they are assigned by `beforeAll`).
 */
export function useVhostAndEventStoreSchema(
  label: string,
  setUpSql: string,
): VhostAndEventStoreSchema {
  const infra = {} as Partial<VhostAndEventStoreSchema>;
  beforeAll(async () => {
    // Assigned one by one, so afterAll drops whichever was created even if the other failed.
    await Promise.all([
      createTestVhost(label).then((created) => (infra.vhost = created)),
      createEventStoreSchema(label).then((created) => (infra.schema = created)),
    ]);
    await infra.schema!.pool.query(setUpSql);
  });
  afterAll(async () => {
    await Promise.all([infra.vhost?.drop(), infra.schema?.drop()]);
  });
  return infra as VhostAndEventStoreSchema;
}
