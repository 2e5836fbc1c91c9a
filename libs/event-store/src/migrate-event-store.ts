import { Client } from 'pg';
import { eventStoreMigrations } from './migrations/event-store.migrations';
import { assertSchemaName, quoteSchema } from './schema-name';

/** Where to create or upgrade an event store. */
export interface MigrateEventStoreOptions {
  /** A PostgreSQL URL of a role that may create the schema. */
  connectionString: string;
  /** The service's own schema; created when missing. */
  schema: string;
}

/**
 * Creates the schema when missing and brings its event store tables up to date.
 *
 * Replicas of one service start together and would race on `CREATE SCHEMA` and on TypeORM's
 * migrations table, so the whole run holds a session advisory lock keyed by the schema; the
 * second process waits, then finds nothing left to do.
 */
export async function migrateEventStore(options: MigrateEventStoreOptions): Promise<void> {
  const schema = assertSchemaName(options.schema);
  const lock = new Client({
    connectionString: options.connectionString,
    application_name: `es-migrate:${schema}`,
  });
  // Idle while TypeORM runs; a dropped connection must fail the migration, not crash the process.
  lock.on('error', () => undefined);
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [
      `ttkt-es-migrate:${schema}`,
    ]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS ${quoteSchema(schema)}`);
    if (await upToDate(lock, schema)) return;
    // Loaded only when there is something to run: TypeORM takes about a second to load, which
    // every start of every service (and every test) would otherwise pay.
    const { DataSource } = await import('typeorm');
    const dataSource = new DataSource({
      type: 'postgres',
      url: options.connectionString,
      schema,
      migrationsTableName: 'es_migrations',
      migrations: [...eventStoreMigrations],
      migrationsTransactionMode: 'each',
      logging: false,
      extra: { max: 1, application_name: `es-migrate:${schema}` },
    });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
  } finally {
    // Ending the session releases the advisory lock even if the unlock above never ran.
    await lock.end();
  }
}

/** True when every known migration is recorded in the schema's migrations table. */
async function upToDate(client: Client, schema: string): Promise<boolean> {
  const table = await client.query<{ found: string | null }>(
    'SELECT to_regclass($1)::text AS found',
    [`${quoteSchema(schema)}.es_migrations`],
  );
  if (!table.rows[0]?.found) return false;
  const ran = await client.query<{ name: string }>(
    `SELECT name FROM ${quoteSchema(schema)}.es_migrations`,
  );
  const names = new Set(ran.rows.map((row) => row.name));
  return eventStoreMigrations.every((migration) =>
    names.has(new migration().name ?? migration.name),
  );
}
