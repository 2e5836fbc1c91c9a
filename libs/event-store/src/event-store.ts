import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Pool, PoolClient } from 'pg';
import { systemClock, type Clock } from './clock';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './event-row';
import { LogFollower, type FollowOptions } from './log-follower';
import { logPositionFromToken, logPositionToToken } from './log-position';
import { type EventStoreLogger, stderrLogger } from './logger';
import { notifyChannel, quoteSchema } from './schema-name';
import type {
  AppendMetadata,
  AppendResult,
  ExpectedVersion,
  LogPosition,
  NewEvent,
  StoredEvent,
  StoredMetadata,
  StreamRef,
} from './types';
import { UpcasterRegistry } from './upcaster-registry';
import {
  DuplicateEventId,
  VersionConflict,
  type VersionConflictReason,
} from './version-conflict.error';

/** The shortest time between two wake-up notifications of one store (a follower's added lag). */
const NOTIFY_INTERVAL_MS = 5;

/** What an event store runs on. */
export interface EventStoreOptions {
  /** The service's pool; appends without a caller's client use it in autocommit mode. */
  pool: Pool;
  /** The service's schema, migrated by `migrateEventStore`. */
  schema: string;
  /** Stamps `occurredAt`; defaults to the wall clock. */
  clock?: Clock;
  /** Upgrades old event versions on every read; defaults to an empty registry (no upcasting). */
  upcasters?: UpcasterRegistry;
  /** The service name in read-your-writes tokens (`<service>:<xid>.<position>`). */
  service?: string;
  /** Where a failed wake-up notification is reported (default stderr). */
  logger?: EventStoreLogger;
}

/** Options of {@link EventStore.append}. */
export interface AppendOptions {
  /** Append inside the caller's transaction; the caller commits (and the NOTIFY is delivered then). */
  client?: PoolClient;
}

/** Options of {@link EventStore.readStream}. */
export interface ReadStreamOptions {
  /** Return only events after this version (the version a caller already folded); default 0. */
  fromVersion?: number;
  client?: PoolClient;
}

/** Options of {@link EventStore.readAll}. */
export interface ReadAllOptions {
  /** Read after this position (exclusive); null = from the start of the log. */
  after: LogPosition | null;
  limit: number;
  client?: PoolClient;
}

/** Options of {@link EventStore.readAllBackward}. */
export interface ReadAllBackwardOptions {
  /** Read at or before this position (inclusive); null = from the end of the log. */
  atOrBefore: LogPosition | null;
  limit: number;
  client?: PoolClient;
}

interface AppendRow {
  outcome: 'ok' | VersionConflictReason;
  actual_version: string;
  next_version: string | null;
  transaction_id: string;
  global_positions: string[] | null;
}

/**
 * A PostgreSQL event store in one schema: optimistic appends, stream reads, and a gap-free read of
 * the whole log in commit-safe order. Hot paths use plain `pg`; TypeORM only runs migrations.
 */
export class EventStore {
  /** The pool reads and own-transaction appends run on. */
  readonly pool: Pool;
  /** The schema holding this store's tables. */
  readonly schema: string;
  /** The upcasters applied on every read. */
  readonly upcasters: UpcasterRegistry;
  private readonly clock: Clock;
  private readonly service: string | undefined;
  private readonly s: string;
  private readonly channel: string;
  private readonly logger: EventStoreLogger;
  private notifyInFlight = false;
  private notifyAgain = false;
  private lastNotifyAt = 0;
  /** Clients inside `transaction()`, and whether they appended (to announce after COMMIT). */
  private readonly managed = new WeakMap<PoolClient, boolean>();

  constructor(options: EventStoreOptions) {
    this.pool = options.pool;
    this.s = quoteSchema(options.schema);
    this.schema = options.schema;
    this.clock = options.clock ?? systemClock;
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.service = options.service;
    this.channel = notifyChannel(options.schema);
    this.logger = options.logger ?? stderrLogger;
  }

  /**
   * Appends `events` to a stream if it is at `expected`, in one SQL statement. Without a client
   * the statement is its own transaction; with one, it joins the caller's.
   *
   * @throws VersionConflict when the stream is at another version, already exists for
   *   `'no-stream'`, or was last written by a transaction newer than this one (see README: the
   *   last-writer guard). The caller's transaction stays usable after a conflict.
   * @throws DuplicateEventId when an event id is already stored (aborts the caller's transaction).
   */
  async append(
    ref: StreamRef,
    expected: ExpectedVersion,
    events: NewEvent[],
    metadata: AppendMetadata = {},
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const stored: StoredMetadata = {
      ...definedOnly(metadata),
      tenantId: ref.tenantId,
      occurredAt: this.clock.now().toISOString(),
    };
    const params = [
      ref.tenantId,
      ref.streamId,
      streamTypeOf(ref.streamId),
      expectedParam(expected),
      events.map((event) => event.eventId ?? randomUUID()),
      events.map((event) => event.type),
      events.map((event) => event.schemaVersion ?? this.upcasters.currentVersion(event.type)),
      events.map((event) => JSON.stringify(event.data ?? null)),
      JSON.stringify(stored),
    ];
    const sql = `
      SELECT o_outcome AS outcome, o_actual_version::text AS actual_version,
             o_next_version::text AS next_version, o_transaction_id::text AS transaction_id,
             o_global_positions::text[] AS global_positions
        FROM ${this.s}.append_to_stream($1, $2, $3, $4, $5::uuid[], $6::text[], $7::int[], $8::jsonb[], $9::jsonb)`;
    let row: AppendRow | undefined;
    try {
      // A named statement is parsed and planned once per connection, not on every append.
      const result = await (options.client ?? this.pool).query<AppendRow>({
        name: `es_append_${this.schema}`,
        text: sql,
        values: params,
      });
      row = result.rows[0];
    } catch (error) {
      throw await this.translateAppendError(error, ref, expected);
    }
    if (!row) throw new Error('append_to_stream returned no row');
    if (row.outcome !== 'ok') {
      throw new VersionConflict(
        ref.tenantId,
        ref.streamId,
        expected,
        Number(row.actual_version),
        row.outcome,
      );
    }
    const transactionId = BigInt(row.transaction_id);
    const globalPositions = (row.global_positions ?? []).map((position) => BigInt(position));
    const last = globalPositions[globalPositions.length - 1];
    if (last === undefined || row.next_version === null) {
      throw new Error('append_to_stream reported success without positions');
    }
    if (!options.client) {
      this.announceCommitted();
    } else if (this.managed.has(options.client)) {
      // `transaction()` announces after its COMMIT.
      this.managed.set(options.client, true);
    } else {
      // A transaction of the caller's own: the NOTIFY is delivered when it commits (never if it
      // rolls back), at the price of the commit-serialising lock explained below.
      await options.client.query('SELECT pg_notify($1, $2)', [this.channel, row.transaction_id]);
    }
    return {
      nextVersion: Number(row.next_version),
      lastPosition: { transactionId, globalPosition: last },
      globalPositions,
    };
  }

  /**
   * Wakes the followers of this log after an append has committed. NOTIFY is not sent inside the
   * append: PostgreSQL serialises the commits of every transaction that notified (a database-wide
   * lock held through the WAL flush), which would turn group commit into one commit at a time.
   * Instead one notification at a time goes out in a transaction of its own, with
   * `synchronous_commit` off (a lost wake-up costs only a poll interval), and appends that commit
   * meanwhile are covered by the next one.
   */
  private announceCommitted(): void {
    if (this.pool.ending) return;
    if (this.notifyInFlight) {
      this.notifyAgain = true;
      return;
    }
    this.notifyInFlight = true;
    void this.sendNotifications();
  }

  private async sendNotifications(): Promise<void> {
    try {
      do {
        // At most one wake-up per interval: under a steady stream of appends each one would
        // otherwise cost a transaction of its own (measured: a third of a single writer's rate).
        const wait = this.lastNotifyAt + NOTIFY_INTERVAL_MS - Date.now();
        if (wait > 0) await delay(wait);
        this.notifyAgain = false;
        this.lastNotifyAt = Date.now();
        await this.notifyOnce();
      } while (this.notifyAgain && !this.pool.ending);
    } catch (error) {
      // Followers fall back to their poll; nothing is lost, only the wake-up is late.
      if (this.pool.ending) return;
      this.logger.warn('event store: wake-up notification failed', {
        schema: this.schema,
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.notifyInFlight = false;
    }
  }

  private async notifyOnce(): Promise<void> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      // One round trip; the channel is a checked identifier (see notifyChannel).
      await client.query(
        `BEGIN; SET LOCAL synchronous_commit TO off; NOTIFY ${this.channel}, 'append'; COMMIT`,
      );
    } catch (error) {
      // Possibly left inside the transaction: never hand this connection out again.
      broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** A stream's events in version order, upcast. Empty when the stream does not exist. */
  async readStream(ref: StreamRef, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const result = await (options.client ?? this.pool).query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events AS e
        WHERE e.tenant_id = $1 AND e.stream_id = $2 AND e.stream_position > $3
        ORDER BY e.stream_position`,
      [ref.tenantId, ref.streamId, options.fromVersion ?? 0],
    );
    return result.rows.map((row) => toStoredEvent(row, this.upcasters));
  }

  /**
   * The next page of the whole log after `after`, ordered by (transaction id, global position),
   * holding only events of transactions below the current snapshot's xmin: every transaction that
   * could still commit an event sorting before them has finished, so paging by the last position
   * read never skips an event committed late. The price: an open writing transaction anywhere in
   * the cluster holds the page at its xid until it ends.
   */
  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    if (!Number.isSafeInteger(options.limit) || options.limit < 1) {
      throw new RangeError(`readAll needs a positive integer limit, got ${options.limit}`);
    }
    const after = options.after ?? { transactionId: 0n, globalPosition: 0n };
    const result = await (options.client ?? this.pool).query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events AS e
        WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
          AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id, e.global_position
        LIMIT $3`,
      [after.transactionId.toString(), after.globalPosition.toString(), options.limit],
    );
    return result.rows.map((row) => toStoredEvent(row, this.upcasters));
  }

  /**
   * The log read backwards: the page of events at or before `atOrBefore` (or from the end of the
   * log), newest first, in descending (transaction id, global position) order — the reverse of
   * `readAll`'s order, below the same horizon (only events of transactions below the current
   * snapshot's xmin). The events at or before a position `readAll` returned never change, so a
   * backward read from there is stable. To page on, pass the last event's position with its
   * global position minus one (positions are integers, so that is "strictly before" it).
   */
  async readAllBackward(options: ReadAllBackwardOptions): Promise<StoredEvent[]> {
    if (!Number.isSafeInteger(options.limit) || options.limit < 1) {
      throw new RangeError(`readAllBackward needs a positive integer limit, got ${options.limit}`);
    }
    const bound = options.atOrBefore;
    const result = await (options.client ?? this.pool).query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events AS e
        WHERE ${bound === null ? 'TRUE' : '(e.transaction_id, e.global_position) <= ($2::xid8, $3::bigint)'}
          AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id DESC, e.global_position DESC
        LIMIT $1`,
      bound === null
        ? [options.limit]
        : [options.limit, bound.transactionId.toString(), bound.globalPosition.toString()],
    );
    return result.rows.map((row) => toStoredEvent(row, this.upcasters));
  }

  /**
   * The last position `readAll` can return right now (null for an empty log). A read model that
   * has reached it has seen every event committed before this call, except those of writing
   * transactions still open.
   */
  async headPosition(options: { client?: PoolClient } = {}): Promise<LogPosition | null> {
    const result = await (options.client ?? this.pool).query<{
      transaction_id: string;
      global_position: string;
    }>(
      `SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position
         FROM ${this.s}.events AS e
        WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id DESC, e.global_position DESC
        LIMIT 1`,
    );
    const row = result.rows[0];
    return row
      ? { transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) }
      : null;
  }

  /**
   * True when committed events exist after `after` that `readAll` cannot return yet because an
   * older transaction is still open. Followers use it to poll briefly instead of waiting for a
   * notification that already came.
   */
  async hasEventsBeyondHorizon(
    after: LogPosition | null,
    options: { client?: PoolClient } = {},
  ): Promise<boolean> {
    const from = after ?? { transactionId: 0n, globalPosition: 0n };
    const result = await (options.client ?? this.pool).query<{ pending: boolean }>(
      `SELECT EXISTS (
         SELECT 1 FROM ${this.s}.events
          WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
            AND transaction_id >= pg_snapshot_xmin(pg_current_snapshot())
       ) AS pending`,
      [from.transactionId.toString(), from.globalPosition.toString()],
    );
    return result.rows[0]?.pending === true;
  }

  /**
   * Runs `fn` in a transaction on one pooled connection: commit when it resolves, roll back when
   * it throws (rethrowing its error). Lets a command write events and other rows atomically.
   */
  async transaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    this.managed.set(client, false);
    try {
      await client.query('BEGIN');
      const value = await fn(client);
      await client.query('COMMIT');
      if (this.managed.get(client) === true) this.announceCommitted();
      return value;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // A connection that cannot roll back must not go back into the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw error;
    } finally {
      this.managed.delete(client);
      client.release(broken);
    }
  }

  /** Starts nothing yet: returns a follower of the whole log; call `start()` on it. */
  follow(options: FollowOptions): LogFollower {
    return new LogFollower(this, options);
  }

  /** The read-your-writes token of a position of this store's log. */
  toToken(position: LogPosition): string {
    return logPositionToToken(this.requireService(), position);
  }

  /** The position of a token of this store's log; undefined when malformed or another service's. */
  fromToken(token: string): LogPosition | undefined {
    return logPositionFromToken(this.requireService(), token);
  }

  private requireService(): string {
    if (this.service === undefined) {
      throw new Error('this EventStore has no `service` name; pass one to use position tokens');
    }
    return this.service;
  }

  private async translateAppendError(
    error: unknown,
    ref: StreamRef,
    expected: ExpectedVersion,
  ): Promise<unknown> {
    if (!isUniqueViolation(error)) return error;
    if (error.constraint === 'events_event_id_key') {
      return new DuplicateEventId(ref.tenantId, ref.streamId, error.detail ?? error.message);
    }
    // A stream or position key taken by a concurrent writer. The caller's transaction is aborted,
    // so the actual version is read outside it.
    const result = await this.pool.query<{ version: string }>(
      `SELECT version::text AS version FROM ${this.s}.streams WHERE tenant_id = $1 AND stream_id = $2`,
      [ref.tenantId, ref.streamId],
    );
    return new VersionConflict(
      ref.tenantId,
      ref.streamId,
      expected,
      Number(result.rows[0]?.version ?? 0),
    );
  }
}

/** The stream type: the part of `<type>-<id>` before the first dash. */
export function streamTypeOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : streamId;
}

function expectedParam(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no-stream') return 0;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new RangeError(
      `expected version must be an integer >= 0, 'no-stream' or 'any', got ${expected}`,
    );
  }
  return expected;
}

function definedOnly(metadata: AppendMetadata): AppendMetadata {
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined));
}

function isUniqueViolation(
  error: unknown,
): error is Error & { code: string; constraint?: string; detail?: string } {
  return error instanceof Error && (error as { code?: unknown }).code === '23505';
}
