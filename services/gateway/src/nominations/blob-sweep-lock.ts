import { Pool, type PoolClient } from 'pg';

/** What a {@link SweepLock} reports: whether the work ran, and its result if so. */
export type Exclusive<T> = { acquired: true; result: T } | { acquired: false };

/** Lets one process at a time run a piece of work; another asking meanwhile is told so at once. */
export interface SweepLock {
  /** Runs `work` if no other holder runs it now; never waits for the lock. */
  runExclusive<T>(work: () => Promise<T>): Promise<Exclusive<T>>;
  close(): Promise<void>;
}

/**
 * A session-level PostgreSQL advisory lock (`pg_try_advisory_lock(hashtext(key))`) on a connection
 * of a one-connection pool of the gateway's own database: taken in autocommit (no transaction is
 * ever opened), held while the work runs, released by `pg_advisory_unlock` before the connection
 * goes back to the pool. When the unlock cannot be confirmed the connection is destroyed instead,
 * which ends the session and so the lock; a gateway that dies mid-sweep releases it the same way.
 * The connection is closed after 10 s idle, so none is held between sweeps.
 */
export class PostgresSweepLock implements SweepLock {
  private readonly pool: Pool;

  /**
   * @param databaseUrl - the gateway's database (its replicas share it).
   * @param key - the lock's name, e.g. `gateway.blob-sweep`.
   */
  constructor(
    databaseUrl: string,
    private readonly key: string,
  ) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: 1,
      idleTimeoutMillis: 10_000,
      application_name: 'gateway-blob-sweep',
      statement_timeout: 10_000,
    });
    this.pool.on('error', () => undefined);
  }

  async runExclusive<T>(work: () => Promise<T>): Promise<Exclusive<T>> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      let locked: boolean;
      try {
        locked = await this.query(client, 'SELECT pg_try_advisory_lock(hashtext($1)) AS locked');
      } catch (error) {
        broken = true;
        throw error;
      }
      if (!locked) return { acquired: false };
      try {
        return { acquired: true, result: await work() };
      } finally {
        // Not unlocked (or not known to be): the destroyed connection ends the session's lock.
        broken = !(await this.query(
          client,
          'SELECT pg_advisory_unlock(hashtext($1)) AS locked',
        ).catch(() => false));
      }
    } finally {
      client.release(broken ? true : undefined);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async query(client: PoolClient, sql: string): Promise<boolean> {
    const { rows } = await client.query<{ locked: boolean }>(sql, [this.key]);
    return rows[0]?.locked === true;
  }
}
