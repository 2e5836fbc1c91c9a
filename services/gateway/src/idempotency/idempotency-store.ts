import {
  assertSchemaName,
  IdempotencyKeys,
  migrateEventStore,
  type Clock,
  type IdempotencyClaim,
} from '@ttkt/event-store';
import { Pool, type PoolClient } from 'pg';

/** DI token of the gateway's {@link IdempotencyStore}. */
export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

/**
 * Where the gateway keeps `Idempotency-Key`s. Every method is one short statement of its own:
 * nothing is held open while the request runs.
 */
export interface IdempotencyStore {
  /** Claims `key` of `scope` (the user) for a request with `fingerprint`. */
  claim(scope: string, key: string, fingerprint: string): Promise<IdempotencyClaim>;
  /** Stores the response; later repeats replay it. */
  complete(scope: string, key: string, status: number, body: unknown): Promise<void>;
  /** Forgets an unfinished claim so a retry runs again. */
  release(scope: string, key: string): Promise<void>;
  close(): Promise<void>;
}

/** Options of the stores. */
export interface IdempotencyStoreOptions {
  clock: Clock;
  /** How long a key is remembered (default 24 h). */
  ttlMs?: number;
  /**
   * How long a claim may stay unfinished before another request may take it over (default 2 min,
   * well past any RPC timeout): a gateway that died mid-request does not block the key for a day.
   */
  staleClaimMs?: number;
}

const STALE_CLAIM_MS = 2 * 60 * 1000;

/**
 * The keys in PostgreSQL: the event store's `idempotency_keys` table in the gateway's own schema
 * (created by `migrateEventStore`), used through `IdempotencyKeys` outside any transaction — each
 * call takes a pooled connection for one autocommitted statement or two and gives it back.
 */
export class PostgresIdempotencyStore implements IdempotencyStore {
  private readonly keys: IdempotencyKeys;
  private readonly table: string;
  private readonly staleClaimMs: number;

  private constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly options: IdempotencyStoreOptions,
  ) {
    this.keys = new IdempotencyKeys({ schema, clock: options.clock, ttlMs: options.ttlMs });
    this.table = `"${assertSchemaName(schema)}".idempotency_keys`;
    this.staleClaimMs = options.staleClaimMs ?? STALE_CLAIM_MS;
  }

  /** Creates the schema and table when missing and opens a small pool. */
  static async open(
    databaseUrl: string,
    schema: string,
    options: IdempotencyStoreOptions,
  ): Promise<PostgresIdempotencyStore> {
    await migrateEventStore({ connectionString: databaseUrl, schema });
    const pool = new Pool({
      connectionString: databaseUrl,
      max: 4,
      application_name: 'gateway-idempotency',
      // A statement that hangs (a lock) fails the request instead of holding it.
      statement_timeout: 10_000,
    });
    pool.on('error', () => undefined);
    return new PostgresIdempotencyStore(pool, schema, options);
  }

  async claim(scope: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const claim = await this.withClient((client) =>
      this.keys.claim(client, scope, key, fingerprint),
    );
    if (claim.kind !== 'in-progress') return claim;
    // A claim left behind by a request that never finished: take it over once it is stale.
    const staleBefore = new Date(this.options.clock.now().getTime() - this.staleClaimMs);
    const dropped = await this.pool.query(
      `DELETE FROM ${this.table}
        WHERE tenant_id = $1 AND key = $2 AND state = 'in-progress' AND created_at <= $3`,
      [scope, key, staleBefore],
    );
    if ((dropped.rowCount ?? 0) === 0) return claim;
    return this.withClient((client) => this.keys.claim(client, scope, key, fingerprint));
  }

  complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    return this.withClient((client) => this.keys.complete(client, scope, key, status, body));
  }

  release(scope: string, key: string): Promise<void> {
    return this.withClient((client) => this.keys.release(client, scope, key));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  }
}

interface MemoryEntry {
  fingerprint: string;
  state: 'in-progress' | 'done';
  status: number;
  body: unknown;
  createdAt: number;
  expiresAt: number;
}

/**
 * The keys in memory: for tests and tools without a database only (one process, lost on restart).
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, MemoryEntry>();

  constructor(private readonly options: IdempotencyStoreOptions) {}

  claim(scope: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const now = this.options.clock.now().getTime();
    const id = `${scope}\u0000${key}`;
    const entry = this.entries.get(id);
    const stale =
      entry?.state === 'in-progress' &&
      entry.createdAt + (this.options.staleClaimMs ?? STALE_CLAIM_MS) <= now;
    if (!entry || entry.expiresAt <= now || stale) {
      this.entries.set(id, {
        fingerprint,
        state: 'in-progress',
        status: 0,
        body: null,
        createdAt: now,
        expiresAt: now + (this.options.ttlMs ?? 24 * 60 * 60 * 1000),
      });
      return Promise.resolve({ kind: 'new' });
    }
    if (entry.fingerprint !== fingerprint) return Promise.resolve({ kind: 'mismatch' });
    if (entry.state === 'in-progress') return Promise.resolve({ kind: 'in-progress' });
    // A copy, as PostgreSQL would give.
    return Promise.resolve({
      kind: 'done',
      status: entry.status,
      body: JSON.parse(JSON.stringify(entry.body ?? null)) as unknown,
    });
  }

  complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    const entry = this.entries.get(`${scope}\u0000${key}`);
    if (entry?.state === 'in-progress') {
      entry.state = 'done';
      entry.status = status;
      entry.body = JSON.parse(JSON.stringify(body ?? null)) as unknown;
    }
    return Promise.resolve();
  }

  release(scope: string, key: string): Promise<void> {
    const id = `${scope}\u0000${key}`;
    if (this.entries.get(id)?.state === 'in-progress') this.entries.delete(id);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
