import { Client } from 'pg';
import { testDatabaseUrl } from './infra-urls';
import { testResourceName } from './test-names';

/** A throw-away PostgreSQL schema created by {@link createTestSchema}. */
export interface TestSchema {
  /** The schema's name, `t_<prefix>_<created-at>_<random>`; a plain lower-case identifier. */
  name: string;
  /**
   * `DATABASE_URL` with `options=-c search_path=<name>` added, so that every connection made with
   * it creates and finds unqualified tables in this schema.
   */
  connectionString: string;
  /** Drops the schema and everything in it. Safe to call twice. */
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named schema in the PostgreSQL at `DATABASE_URL` (default
 * `postgres://postgres@127.0.0.1:5432/postgres`), so that concurrent test files and runs never
 * share tables. Drop it in `afterAll`; the integration tests' global setup drops schemas that
 * aborted runs left behind once they are a few hours old.
 * @param prefix - what the schema is for (e.g. `event_store`), part of its name.
 */
export async function createTestSchema(prefix: string): Promise<TestSchema> {
  const databaseUrl = testDatabaseUrl();
  const name = testResourceName(prefix);
  await withClient(databaseUrl, (client) => client.query(`CREATE SCHEMA ${name}`));
  return {
    name,
    connectionString: withSearchPath(databaseUrl, name),
    drop: () =>
      withClient(databaseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)),
  };
}

/** `url` with the libpq `options` parameter set to `-c search_path=<schema>`. */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

async function withClient(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
