import type { IntegrationEvent } from '@ttkt/contracts';
import {
  compareLogPositions,
  stderrLogger,
  type EventStore,
  type EventStoreLogger,
  type LogFollower,
  type LogPosition,
  type StoredEvent,
} from '@ttkt/event-store';
import type { EventTransport, OutboundMessage } from '../transport';

/** The checkpoint name of every service's relay (each service's log has its own checkpoints). */
export const OUTBOX_RELAY_CONSUMER = 'relay';

/** What an {@link OutboxRelay} reads, maps and publishes with. */
export interface OutboxRelayOptions {
  /** The service's event store: its log is the outbox. */
  store: EventStore;
  /** Where the integration events go (RabbitMQ or in-process). */
  transport: EventTransport;
  /** The publishing service (added to every log line). */
  service: string;
  /**
   * Maps a stored event to the contract event it publishes, or `null` for an event that stays
   * inside the service. The envelope's `id` must be the stored event's `eventId` (consumers
   * deduplicate on it). Throwing stops the relay at that event (it retries, never skips). It must
   * be a pure function of the stored event: the relay maps events again to find the chain's last
   * link (see `source.previousPosition`), which it sets itself (a value set here is replaced).
   */
  toContract: (event: StoredEvent) => IntegrationEvent | null;
  /** Events read and published per batch (default 500: fewer confirm round trips, measured in docs/benchmarks.md). */
  batchSize?: number;
  /** Failed batches, lost connections, ownership changes (default: JSON lines on stderr). */
  logger?: EventStoreLogger;
  /** Backoff between attempts at a failed batch (default 100 ms doubling up to 30 s). */
  errorBackoff?: { initialMs?: number; maxMs?: number };
  /** Fallback poll when no append notification comes (default 1000 ms). */
  pollIntervalMs?: number;
}

/**
 * Publishes a service's integration events from its event log (the log is the outbox).
 *
 * It follows the whole log under the checkpoint `relay` (one owner at a time across the service's
 * instances), maps each batch with `toContract`, skips the `null`s, and publishes the rest with
 * one `transport.publish` (persistent, confirmed; `messageId` = event id, `routingKey` = contract
 * name, body = the JSON envelope). The checkpoint moves only after the publish resolved; a failed
 * publish (broker down, connection lost, a nack) retries the same batch after a backoff, so no
 * event is ever skipped. A batch that failed half-way is published again whole: consumers see
 * duplicates with the same `messageId` and deduplicate them (at least once).
 *
 * Every envelope it publishes links to the previous one: `source.previousPosition` is the
 * `source.position` of the previous published event in log order (absent for the first; internal
 * events do not count), so a consumer can tell that it holds everything published up to an event.
 * The link is a function of the log alone, never of what this process happened to publish: it
 * remembers the last published position only together with the log position it holds for, and
 * for a batch that does not continue from there (at start, after another owner's progress, after
 * the checkpoint moved) it finds it again by reading the log backwards from the batch's start. A
 * batch published again (after a failure, by another owner) carries the same links.
 */
export class OutboxRelay {
  /** The follower of the log; `checkpoint()` and `waitFor()` tell how far the relay got. */
  readonly follower: LogFollower;
  private readonly toContract: OutboxRelayOptions['toContract'];
  private readonly transport: EventTransport;
  private readonly store: EventStore;
  private readonly batchSize: number;
  /**
   * The chain's end as of log position `through`: the `source.position` of the last event
   * published at or before it (null: none). Updated only after a batch was published.
   */
  private chainEnd: { through: LogPosition; lastPublished: string | null } | null = null;

  constructor(options: OutboxRelayOptions) {
    this.toContract = options.toContract;
    this.transport = options.transport;
    this.store = options.store;
    this.batchSize = options.batchSize ?? 500;
    this.follower = options.store.follow({
      consumer: OUTBOX_RELAY_CONSUMER,
      batchSize: this.batchSize,
      transactional: false,
      handle: (events, _client, after) => this.publish(events, after),
      logger: withService(options.logger ?? stderrLogger, options.service),
      ...(options.errorBackoff !== undefined ? { errorBackoff: options.errorBackoff } : {}),
      ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    });
  }

  /** Starts relaying in the background (resolves at once). */
  start(): Promise<void> {
    return this.follower.start();
  }

  /** Lets the batch in hand finish (or fail), then stops; the checkpoint keeps the progress. */
  stop(): Promise<void> {
    return this.follower.stop();
  }

  /** The stored checkpoint: the position of the last event published (or skipped as internal). */
  checkpoint(): Promise<LogPosition | null> {
    return this.follower.checkpoint();
  }

  /** Resolves true once every event up to `position` is published, false after `timeoutMs`. */
  waitFor(position: LogPosition, timeoutMs: number): Promise<boolean> {
    return this.follower.waitFor(position, timeoutMs);
  }

  private async publish(events: StoredEvent[], after: LogPosition | null): Promise<void> {
    let previous = await this.lastPublishedAtOrBefore(after);
    const messages: OutboundMessage[] = [];
    for (const event of events) {
      const contract = this.toContract(event);
      if (contract === null) continue;
      if (contract.id !== event.eventId) {
        throw new Error(
          `toContract mapped event ${event.eventId} (${event.type}) to an envelope with id ${contract.id}; ` +
            'the envelope id must be the event id',
        );
      }
      const { previousPosition: _fromToContract, ...source } = contract.source;
      const envelope: IntegrationEvent = {
        ...contract,
        source: previous === null ? source : { ...source, previousPosition: previous },
      };
      previous = contract.source.position;
      messages.push({
        messageId: event.eventId,
        routingKey: contract.type,
        body: JSON.stringify(envelope),
      });
    }
    if (messages.length > 0) await this.transport.publish(messages);
    const last = events[events.length - 1];
    if (last !== undefined) {
      this.chainEnd = {
        through: { transactionId: last.transactionId, globalPosition: last.globalPosition },
        lastPublished: previous,
      };
    }
  }

  /**
   * The `source.position` of the last event published at or before `position` (null: none, or
   * `position` is null). Remembered from the previous batch when this one continues it; otherwise
   * found by reading the log backwards from `position` and mapping until an event is published.
   */
  private async lastPublishedAtOrBefore(position: LogPosition | null): Promise<string | null> {
    if (position === null) return null;
    const known = this.chainEnd;
    if (known !== null && compareLogPositions(known.through, position) === 0) {
      return known.lastPublished;
    }
    let atOrBefore: LogPosition = position;
    for (;;) {
      const page = await this.store.readAllBackward({ atOrBefore, limit: this.batchSize });
      for (const event of page) {
        const contract = this.toContract(event);
        if (contract !== null) return contract.source.position;
      }
      const oldest = page[page.length - 1];
      if (oldest === undefined || page.length < this.batchSize) return null;
      atOrBefore = {
        transactionId: oldest.transactionId,
        globalPosition: oldest.globalPosition - 1n,
      };
    }
  }
}

function withService(logger: EventStoreLogger, service: string): EventStoreLogger {
  return {
    error: (message, meta) => logger.error(message, { service, ...meta }),
    warn: (message, meta) => logger.warn(message, { service, ...meta }),
    info: (message, meta) => logger.info(message, { service, ...meta }),
  };
}
