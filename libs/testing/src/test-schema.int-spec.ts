import { Client } from 'pg';
import { createTestSchema, type TestSchema } from './test-schema';
import { testDatabaseUrl } from './infra-urls';

async function query<T extends object>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function schemaExists(name: string): Promise<boolean> {
  const rows = await query<{ found: boolean }>(
    testDatabaseUrl(),
    'SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS found',
    [name],
  );
  return rows[0]?.found === true;
}

describe('createTestSchema', () => {
  const created: TestSchema[] = [];

  afterAll(async () => {
    for (const schema of created) await schema.drop();
  });

  it('creates a unique schema that connections made with its URL use by default', async () => {
    const a = await createTestSchema('schema_spec');
    const b = await createTestSchema('schema_spec');
    created.push(a, b);
    expect(a.name).not.toBe(b.name);
    expect(a.name).toMatch(/^t_schema_spec_/);

    await query(a.connectionString, 'CREATE TABLE things (id int PRIMARY KEY)');
    await query(a.connectionString, 'INSERT INTO things VALUES (1)');
    const [where] = await query<{ schema: string }>(
      a.connectionString,
      'SELECT current_schema() AS schema',
    );
    expect(where?.schema).toBe(a.name);
    const tables = await query<{ table_schema: string }>(
      testDatabaseUrl(),
      `SELECT table_schema FROM information_schema.tables WHERE table_name = 'things' AND table_schema = ANY($1)`,
      [[a.name, b.name]],
    );
    expect(tables).toEqual([{ table_schema: a.name }]);
    await expect(query(b.connectionString, 'SELECT * FROM things')).rejects.toThrow(/things/);
  });

  it('drops the schema with everything in it, twice without harm', async () => {
    const schema = await createTestSchema('drop me');
    await query(schema.connectionString, 'CREATE TABLE t (x int)');
    expect(await schemaExists(schema.name)).toBe(true);
    await schema.drop();
    await schema.drop();
    expect(await schemaExists(schema.name)).toBe(false);
  });
});
