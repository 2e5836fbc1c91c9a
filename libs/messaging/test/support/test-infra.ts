import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Pool } from 'pg';

const run = promisify(execFile);

/** `AMQP_URL` or the local broker. */
export const AMQP_URL = process.env['AMQP_URL'] || 'amqp://guest:guest@127.0.0.1:5672';
/** `DATABASE_URL` or the local PostgreSQL. */
export const DATABASE_URL =
  process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A throw-away name `t_<label>_<ms base 36>_<hex>`: the shape the integration project's global
 * set-up recognises, so leftovers of an aborted run get dropped later.
 */
export function uniqueName(label: string): string {
  return `t_${label}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** A RabbitMQ vhost of one test file. */
export interface TestVhost {
  name: string;
  /** `AMQP_URL` pointing at the vhost. */
  url: string;
  /** Closes every client connection to the vhost from the broker side. */
  closeConnections(): Promise<void>;
  /** Deletes the vhost and all it holds. */
  drop(): Promise<void>;
}

/** Creates a vhost with `rabbitmqctl` (the tests run on the broker's machine) and grants the URL's user on it. */
export async function createTestVhost(label: string): Promise<TestVhost> {
  const base = new URL(AMQP_URL);
  const user = decodeURIComponent(base.username) || 'guest';
  const name = uniqueName(label);
  await rabbitmqctl('add_vhost', name);
  await rabbitmqctl('set_permissions', '-p', name, user, '.*', '.*', '.*');
  const url = new URL(AMQP_URL);
  url.pathname = `/${encodeURIComponent(name)}`;
  return {
    name,
    url: url.toString(),
    closeConnections: () => rabbitmqctl('close_all_connections', '--vhost', name, 'test'),
    drop: () => rabbitmqctl('delete_vhost', name),
  };
}

async function rabbitmqctl(...args: string[]): Promise<void> {
  await run('rabbitmqctl', ['-q', ...args], { timeout: 30_000 });
}

/** A PostgreSQL schema of one test file, with a pool whose `search_path` is it. */
export interface TestSchema {
  name: string;
  pool: Pool;
  /** Drops the schema and ends the pool. */
  drop(): Promise<void>;
}

/** Creates a schema and a pool on it. */
export async function createTestSchema(label: string): Promise<TestSchema> {
  const name = uniqueName(label);
  const admin = new Pool({ connectionString: DATABASE_URL, max: 1 });
  try {
    await admin.query(`CREATE SCHEMA "${name}"`);
  } finally {
    await admin.end();
  }
  const pool = new Pool({
    connectionString: DATABASE_URL,
    max: 10,
    options: `-c search_path=${name}`,
  });
  return {
    name,
    pool,
    drop: async () => {
      try {
        await pool.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}
