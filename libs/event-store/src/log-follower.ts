import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Client, type ClientConfig, type Pool, type PoolClient } from 'pg';
import type { EventStore } from './event-store';
import { hasReached } from './log-position';
import { describeError, stderrLogger, type EventStoreLogger } from './logger';
import { notifyChannel, quoteSchema } from './schema-name';
import type { LogPosition, StoredEvent } from './types';

/** How to follow the whole log. */
export interface FollowOptions {
  /** The checkpoint's name; one active owner per name across all processes. */
  consumer: string;
  /** Events per handler call (default 500). Full batches are read back to back. */
  batchSize?: number;
  /**
   * Default true: the handler gets a transaction's client and the checkpoint moves in that same
   * transaction, so read-model writes and progress commit together (exactly once). False (for
   * effects outside PostgreSQL, such as publishing to a broker): the handler gets null and the
   * checkpoint moves after it resolved (at least once).
   */
  transactional?: boolean;
  /**
   * Handles one batch, in log order. Throwing retries the same batch after a backoff. `after` is
   * the position the batch was read after (the checkpoint it continues; null = the start of the
   * log): a handler that carries state from batch to batch can tell from it whether this batch
   * follows the last one it handled or comes after a gap (a restart, another owner's progress).
   */
  handle(
    events: StoredEvent[],
    client: PoolClient | null,
    after: LogPosition | null,
  ): Promise<void>;
  /** The fallback poll when no notification comes, and the retry period for ownership (default 1000). */
  pollIntervalMs?: number;
  /** Handler failures and connection losses go here (default: JSON lines on stderr). */
  logger?: EventStoreLogger;
  /** Backoff after a failed batch: doubles from `initialMs` (default 100) up to `maxMs` (default 30 s). */
  errorBackoff?: { initialMs?: number; maxMs?: number };
  /** Names this instance in the checkpoint row; defaults to host, pid and a random suffix. */
  ownerId?: string;
  /** Settings for the follower's dedicated LISTEN/lock connection; defaults to the pool's. */
  connection?: ClientConfig;
}

/** The stored checkpoint moved under us: another owner (or an operator) wrote it. */
class CheckpointMoved extends Error {
  override readonly name = 'CheckpointMoved';
}

const PENDING_POLL_START_MS = 5;
const PROGRESS_POLL_MS = 50;

/**
 * Follows one store's whole log for one consumer name, keeping a checkpoint.
 *
 * Ownership: a session advisory lock held on a dedicated connection, which is also the one that
 * LISTENs for appends. If that connection drops, the lock is gone with it, so ownership is
 * dropped too and re-acquired on reconnect; meanwhile another process may take over. Because
 * each checkpoint write is a compare-and-set on the position the batch was read from (and, when
 * transactional, taken before the handler runs, so it holds the checkpoint row's lock), a stale
 * owner can neither move progress nor commit a batch twice.
 */
export class LogFollower {
  /** The consumer (checkpoint) name. */
  readonly consumer: string;
  /** This instance's name in the checkpoint row. */
  readonly ownerId: string;

  private readonly batchSize: number;
  private readonly transactional: boolean;
  private readonly pollIntervalMs: number;
  private readonly backoffInitialMs: number;
  private readonly backoffMaxMs: number;
  private readonly logger: EventStoreLogger;
  private readonly handler: FollowOptions['handle'];
  private readonly connection: ClientConfig;
  private readonly lockKey: string;
  private readonly checkpoints: string;

  private running = false;
  private loop: Promise<void> | null = null;
  private control: Client | null = null;
  private owner = false;
  private position: LogPosition | null = null;
  /** Set when the stored checkpoint moved under us; reloaded at the top of the next round. */
  private positionStale = false;
  private woken = false;
  private wakeIdle: (() => void) | null = null;
  private readonly progressWaiters = new Set<() => void>();

  constructor(
    private readonly store: EventStore,
    options: FollowOptions,
  ) {
    if (options.consumer === '') throw new RangeError('a follower needs a consumer name');
    this.consumer = options.consumer;
    this.ownerId = options.ownerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.batchSize = positiveInteger('batchSize', options.batchSize ?? 500);
    this.transactional = options.transactional ?? true;
    this.pollIntervalMs = positiveInteger('pollIntervalMs', options.pollIntervalMs ?? 1000);
    this.backoffInitialMs = positiveInteger(
      'errorBackoff.initialMs',
      options.errorBackoff?.initialMs ?? 100,
    );
    this.backoffMaxMs = positiveInteger(
      'errorBackoff.maxMs',
      options.errorBackoff?.maxMs ?? 30_000,
    );
    this.logger = options.logger ?? stderrLogger;
    this.handler = (events, client, after) => options.handle(events, client, after);
    this.connection = options.connection ?? store.pool.options;
    this.lockKey = `ttkt-es-follower:${store.schema}:${options.consumer}`;
    this.checkpoints = `${quoteSchema(store.schema)}.checkpoints`;
  }

  /** True while this instance holds the consumer's ownership. */
  get isOwner(): boolean {
    return this.owner;
  }

  /**
   * Starts following in the background. Resolves at once; a follower that is not the owner
   * keeps trying every poll interval.
   */
  start(): Promise<void> {
    if (!this.running) {
      this.running = true;
      this.loop = this.run();
    }
    return Promise.resolve();
  }

  /** Lets the batch in hand finish, then releases ownership and closes the dedicated connection. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    const loop = this.loop;
    this.loop = null;
    if (loop) await loop;
    await this.closeControl();
  }

  /** The stored checkpoint (whoever owns it); null before the first batch. */
  async checkpoint(): Promise<LogPosition | null> {
    const result = await this.store.pool.query<{
      transaction_id: string | null;
      global_position: string | null;
    }>(
      `SELECT transaction_id::text AS transaction_id, global_position::text AS global_position
         FROM ${this.checkpoints} WHERE consumer = $1`,
      [this.consumer],
    );
    return toPosition(result.rows[0]);
  }

  /**
   * Resolves true once the consumer's checkpoint is at or past `position` (whichever process
   * owns it), false after `timeoutMs`. The read-your-writes wait.
   */
  async waitFor(position: LogPosition, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (hasReached(this.position, position) || hasReached(await this.checkpoint(), position))
        return true;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await this.nextProgress(Math.min(remaining, PROGRESS_POLL_MS));
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    let pendingDelay = PENDING_POLL_START_MS;
    while (this.running) {
      try {
        if (this.positionStale) {
          this.position = await this.checkpoint();
          this.positionStale = false;
        }
        if (!this.owner && !(await this.tryAcquire())) {
          await this.idle(this.pollIntervalMs, true);
          continue;
        }
        const outcome = await this.step();
        failures = 0;
        if (outcome === 'full') continue;
        if (outcome === 'pending') {
          // Committed events wait behind an older open transaction; no new NOTIFY will say when
          // it ends, so poll, backing off towards the normal interval.
          await this.idle(pendingDelay, true);
          pendingDelay = Math.min(pendingDelay * 2, this.pollIntervalMs);
          continue;
        }
        pendingDelay = PENDING_POLL_START_MS;
        await this.idle(this.pollIntervalMs, true);
      } catch (error) {
        if (error instanceof CheckpointMoved) {
          this.logger.warn('event log follower: checkpoint moved by another writer; reloading it', {
            consumer: this.consumer,
            ownerId: this.ownerId,
          });
          this.positionStale = true;
          continue;
        }
        failures += 1;
        const delay = Math.min(this.backoffInitialMs * 2 ** (failures - 1), this.backoffMaxMs);
        this.logger.error('event log follower: batch failed; retrying the same batch', {
          consumer: this.consumer,
          ownerId: this.ownerId,
          after: this.position,
          attempt: failures,
          retryInMs: delay,
          ...describeError(error),
        });
        await this.idle(delay, false);
      }
    }
  }

  /** Reads and handles one batch; says whether to read again at once, poll soon, or wait. */
  private async step(): Promise<'full' | 'pending' | 'caught-up'> {
    this.woken = false;
    const events = await this.store.readAll({ after: this.position, limit: this.batchSize });
    const last = events[events.length - 1];
    if (last) {
      if (!this.owner) return 'caught-up';
      await this.handleBatch(events, {
        transactionId: last.transactionId,
        globalPosition: last.globalPosition,
      });
    }
    if (events.length === this.batchSize) return 'full';
    return (await this.store.hasEventsBeyondHorizon(this.position)) ? 'pending' : 'caught-up';
  }

  private async handleBatch(events: StoredEvent[], to: LogPosition): Promise<void> {
    const from = this.position;
    if (this.transactional) {
      await this.store.transaction(async (client) => {
        // Compare-and-set first: it locks the checkpoint row, so a stale owner's batch waits for
        // ours and then finds the position moved instead of handling the events again.
        if (!(await this.moveCheckpoint(client, from, to))) throw new CheckpointMoved();
        await this.handler(events, client, from);
      });
    } else {
      await this.handler(events, null, from);
      if (!(await this.moveCheckpoint(this.store.pool, from, to))) throw new CheckpointMoved();
    }
    this.position = to;
    for (const notify of [...this.progressWaiters]) notify();
  }

  private async moveCheckpoint(
    client: Pool | PoolClient,
    from: LogPosition | null,
    to: LogPosition,
  ): Promise<boolean> {
    const result = await client.query(
      `UPDATE ${this.checkpoints}
          SET transaction_id = $2::xid8, global_position = $3::bigint, owner_id = $6, updated_at = now()
        WHERE consumer = $1
          AND transaction_id IS NOT DISTINCT FROM $4::xid8
          AND global_position IS NOT DISTINCT FROM $5::bigint`,
      [
        this.consumer,
        to.transactionId.toString(),
        to.globalPosition.toString(),
        from?.transactionId.toString() ?? null,
        from?.globalPosition.toString() ?? null,
        this.ownerId,
      ],
    );
    return result.rowCount === 1;
  }

  private async tryAcquire(): Promise<boolean> {
    const control = await this.ensureControl();
    const result = await control.query<{ acquired: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS acquired',
      [this.lockKey],
    );
    if (result.rows[0]?.acquired !== true || this.control !== control) return false;
    const row = await this.store.pool.query<{
      transaction_id: string | null;
      global_position: string | null;
    }>(
      `INSERT INTO ${this.checkpoints} (consumer, owner_id) VALUES ($1, $2)
       ON CONFLICT (consumer) DO UPDATE SET owner_id = EXCLUDED.owner_id, updated_at = now()
       RETURNING transaction_id::text AS transaction_id, global_position::text AS global_position`,
      [this.consumer, this.ownerId],
    );
    this.position = toPosition(row.rows[0]);
    this.owner = true;
    this.logger.info('event log follower: took ownership', {
      consumer: this.consumer,
      ownerId: this.ownerId,
      position: this.position,
    });
    return true;
  }

  private async ensureControl(): Promise<Client> {
    if (this.control) return this.control;
    const client = new Client({
      ...this.connection,
      application_name: `es-follower:${this.consumer}`,
    });
    client.on('notification', () => this.wake());
    client.on('error', (error) => this.controlLost(client, error));
    client.on('end', () => this.controlLost(client, new Error('connection ended')));
    await client.connect();
    try {
      await client.query(`LISTEN "${notifyChannel(this.store.schema)}"`);
    } catch (error) {
      await client.end();
      throw error;
    }
    this.control = client;
    return client;
  }

  /** The dedicated connection died: its advisory lock died with it, so ownership is gone. */
  private controlLost(client: Client, error: Error): void {
    if (this.control !== client) return;
    this.control = null;
    const wasOwner = this.owner;
    this.owner = false;
    this.logger.warn('event log follower: dedicated connection lost; will reconnect', {
      consumer: this.consumer,
      ownerId: this.ownerId,
      droppedOwnership: wasOwner,
      ...describeError(error),
    });
    client.end().catch((endError: unknown) => {
      this.logger.warn(
        'event log follower: closing a lost connection failed',
        describeError(endError),
      );
    });
    this.wake();
  }

  private async closeControl(): Promise<void> {
    const client = this.control;
    this.control = null;
    const wasOwner = this.owner;
    this.owner = false;
    if (!client) return;
    try {
      if (wasOwner) {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [this.lockKey]);
      }
    } catch (error) {
      this.logger.warn(
        'event log follower: unlock failed; closing the connection releases it',
        describeError(error),
      );
    } finally {
      await client.end();
    }
  }

  private wake(): void {
    this.woken = true;
    this.wakeIdle?.();
  }

  /** Waits `ms`, or less when stopped or (if `wakeOnNotify`) when an append was notified. */
  private idle(ms: number, wakeOnNotify: boolean): Promise<void> {
    if (!this.running || (wakeOnNotify && this.woken)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.wakeIdle === onWake) this.wakeIdle = null;
        resolve();
      };
      const onWake = (): void => {
        if (!this.running || wakeOnNotify) done();
      };
      const timer = setTimeout(done, ms);
      this.wakeIdle = onWake;
    });
  }

  private nextProgress(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.progressWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.progressWaiters.add(done);
    });
  }
}

function toPosition(
  row: { transaction_id: string | null; global_position: string | null } | undefined,
): LogPosition | null {
  if (!row || row.transaction_id === null || row.global_position === null) return null;
  return { transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
