import { Client } from 'pg';
import { testDatabaseUrl } from './infra-urls';
import { testResourceName } from './test-names';

/**
 * A unique prefix for the schemas of a whole platform started by a test (each service's schema
 * is `${prefix}${service}`), made by {@link createTestSchemaPrefix}.
 */
export interface TestSchemaPrefix {
  /** `t_<label>_<created-at>_<random>_`: pass it as the platform's `schemaPrefix`. */
  prefix: string;
  /** The schemas that exist now under the prefix, sorted. */
  schemas(): Promise<string[]>;
  /**
   * The number of rows of `<schema>.events` in every schema under the prefix that has an
   * event store (schema name → count): compare before and after to show nothing was stored.
   */
  countEvents(): Promise<Record<string, number>>;
  /** Drops every schema under the prefix with everything in it. Safe to call twice. */
  drop(): Promise<void>;
}

/**
 * A prefix for the schemas of one test's platform, so concurrent test files and runs never share
 * tables and `afterAll` can drop them all. Creates nothing itself: the platform creates its
 * schemas on start.
 * @param label - what the platform is for (e.g. `slice_register`), part of the prefix.
 */
export function createTestSchemaPrefix(label: string): TestSchemaPrefix {
  const prefix = `${testResourceName(label)}_`;
  const databaseUrl = testDatabaseUrl();
  const schemas = async (): Promise<string[]> =>
    query(databaseUrl, async (client) => {
      const { rows } = await client.query<{ nspname: string }>(
        `SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1) ORDER BY nspname`,
        [prefix],
      );
      return rows.map((row) => row.nspname);
    });
  return {
    prefix,
    schemas,
    countEvents: () =>
      query(databaseUrl, async (client) => {
        const { rows } = await client.query<{ table_schema: string }>(
          `SELECT table_schema FROM information_schema.tables
            WHERE starts_with(table_schema, $1) AND table_name = 'events'
            ORDER BY table_schema`,
          [prefix],
        );
        const counts: Record<string, number> = {};
        for (const { table_schema: schema } of rows) {
          const counted = await client.query<{ n: string }>(
            `SELECT count(*) AS n FROM "${schema}".events`,
          );
          counts[schema] = Number(counted.rows[0]?.n ?? 0);
        }
        return counts;
      }),
    drop: async () => {
      for (const schema of await schemas()) {
        await query(databaseUrl, (client) =>
          client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`),
        );
      }
    },
  };
}

async function query<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
