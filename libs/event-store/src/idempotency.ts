import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { systemClock, type Clock } from './clock';
import { quoteSchema } from './schema-name';

/** The outcome of claiming an idempotency key. */
export type IdempotencyClaim =
  /** First use (or the previous use expired): do the work, then `complete` or `release`. */
  | { kind: 'new' }
  /** A first request with this key has not finished: answer 409 and let the client retry. */
  | { kind: 'in-progress' }
  /** The key was used with another request: answer 422. */
  | { kind: 'mismatch' }
  /** The request already completed: replay its stored response. */
  | { kind: 'done'; status: number; body: unknown };

/** Options of {@link IdempotencyKeys}. */
export interface IdempotencyKeysOptions {
  schema: string;
  /** How long a key is remembered (default 24 h, the usual published policy). */
  ttlMs?: number;
  /** The clock expiry is measured with (default: the wall clock). */
  clock?: Clock;
}

const DAY_MS = 24 * 60 * 60 * 1000;

interface KeyRow {
  fingerprint: string;
  state: 'in-progress' | 'done';
  response_status: number | null;
  response_body: unknown;
}

/**
 * `Idempotency-Key` bookkeeping (IETF httpapi draft, Stripe-style). Claim in the same transaction
 * as the command's writes and the claim commits or rolls back with them, so there is no window in
 * which the work is done but the key is not recorded; store the response before commit with
 * `complete`.
 */
export class IdempotencyKeys {
  private readonly table: string;
  private readonly ttlMs: number;
  private readonly clock: Clock;

  constructor(options: IdempotencyKeysOptions) {
    this.table = `${quoteSchema(options.schema)}.idempotency_keys`;
    this.ttlMs = options.ttlMs ?? DAY_MS;
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Claims `key` for a request with `fingerprint`. A concurrent claim of the same key waits until
   * the first claimant's transaction ends, then sees its outcome.
   */
  async claim(
    client: PoolClient,
    tenantId: string,
    key: string,
    fingerprint: string,
  ): Promise<IdempotencyClaim> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    const inserted = await client.query(
      `INSERT INTO ${this.table} AS k (tenant_id, key, fingerprint, state, created_at, expires_at)
       VALUES ($1, $2, $3, 'in-progress', $4, $5)
       ON CONFLICT (tenant_id, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, state = 'in-progress', response_status = NULL,
             response_body = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
         WHERE k.expires_at <= $4`,
      [tenantId, key, fingerprint, now, expiresAt],
    );
    if (inserted.rowCount === 1) return { kind: 'new' };

    const existing = await client.query<KeyRow>(
      `SELECT fingerprint, state, response_status, response_body FROM ${this.table}
        WHERE tenant_id = $1 AND key = $2`,
      [tenantId, key],
    );
    const row = existing.rows[0];
    if (!row) throw new Error(`idempotency key ${key} vanished while being claimed`);
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (row.state === 'in-progress') return { kind: 'in-progress' };
    return { kind: 'done', status: row.response_status ?? 200, body: row.response_body };
  }

  /** Stores the response of the request that claimed `key`; replays get exactly this. */
  async complete(
    client: PoolClient,
    tenantId: string,
    key: string,
    status: number,
    body: unknown,
  ): Promise<void> {
    const result = await client.query(
      `UPDATE ${this.table} SET state = 'done', response_status = $3, response_body = $4::jsonb
        WHERE tenant_id = $1 AND key = $2 AND state = 'in-progress'`,
      [tenantId, key, status, JSON.stringify(body ?? null)],
    );
    if (result.rowCount !== 1)
      throw new Error(`idempotency key ${key} is not claimed (or already completed)`);
  }

  /**
   * Forgets an unfinished claim so the client may retry with the same key — for a first attempt
   * that failed after its claim was committed separately (a claim in the failed transaction rolls
   * back by itself). Completed keys are kept.
   */
  async release(client: PoolClient, tenantId: string, key: string): Promise<void> {
    await client.query(
      `DELETE FROM ${this.table} WHERE tenant_id = $1 AND key = $2 AND state = 'in-progress'`,
      [tenantId, key],
    );
  }

  /** Deletes expired keys; returns how many. */
  async purgeExpired(client: PoolClient): Promise<number> {
    const result = await client.query(`DELETE FROM ${this.table} WHERE expires_at <= $1`, [
      this.clock.now(),
    ]);
    return result.rowCount ?? 0;
  }
}

/**
 * A request fingerprint: SHA-256 of the JSON of `value` with object keys sorted, so the same
 * payload always matches however its keys were ordered.
 */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
