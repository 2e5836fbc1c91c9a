import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { testDatabaseUrl } from './infra-urls';
import { testResourceName } from './test-names';

const run = promisify(execFile);
const HOUR = 60 * 60 * 1000;

// The globalSetup module is plain CommonJS (Jest loads it outside ts-jest).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const globalSetup = require('./global-setup.js') as () => Promise<void>;

async function sql<T extends object = object>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function schemaNames(names: string[]): Promise<string[]> {
  const rows = await sql<{ nspname: string }>(
    'SELECT nspname FROM pg_namespace WHERE nspname = ANY($1)',
    [names],
  );
  return rows.map((row) => row.nspname).sort();
}

async function vhosts(): Promise<string[]> {
  const { stdout } = await run('rabbitmqctl', ['-q', '--no-table-headers', 'list_vhosts', 'name']);
  return stdout.split('\n').map((line) => line.trim());
}

describe('the integration tests’ global setup', () => {
  const stale = testResourceName('left_behind', Date.now() - 5 * HOUR);
  const fresh = testResourceName('in_use', Date.now() - HOUR);

  afterAll(async () => {
    for (const name of [stale, fresh]) {
      await sql(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await run('rabbitmqctl', ['-q', 'delete_vhost', name]).catch(() => undefined);
    }
  });

  it('drops test schemas and vhosts older than a few hours, and only those', async () => {
    for (const name of [stale, fresh]) {
      await sql(`CREATE SCHEMA ${name}`);
      await run('rabbitmqctl', ['-q', 'add_vhost', name]);
    }
    await globalSetup();
    expect(await schemaNames([stale, fresh])).toEqual([fresh]);
    const left = await vhosts();
    expect(left).toContain(fresh);
    expect(left).not.toContain(stale);
  });
});
