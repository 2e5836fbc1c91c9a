import { randomUUID } from 'node:crypto';
import {
  DELIVERY_LIMIT,
  isPermanentError,
  RETRIES_EXHAUSTED,
  TransportUnavailableError,
  type DeadLetter,
  type EventTransport,
  type InboundMessage,
  type MessagingLogger,
  type OutboundMessage,
  type SubscribeOptions,
  type Subscription,
} from '../transport';
import { topicMatchesAny } from './topic-matcher';
import {
  applicationHeaders,
  assertRetryDelays,
  assertServiceName,
  errorMessage,
  SILENT_LOGGER,
  truncateReason,
} from './transport-headers';

/** Options of {@link InProcessTransport}; the defaults are RabbitTransport's. */
export interface InProcessTransportOptions {
  /** Delay of each retry tier; a failed message waits `retryDelaysMs[attempt]` (default `[1000, 10000, 60000]`). */
  retryDelaysMs?: number[];
  /** A message returned unsettled (its consumer stopped) more often than this is dead-lettered (default 20). */
  deliveryLimit?: number;
  /** Unacknowledged messages per subscription when `subscribe` gives no `prefetch` (default 20). */
  defaultPrefetch?: number;
  /** The time dead letters are stamped with (default the system clock). */
  now?: () => Date;
  /** Where connection losses, retries and dead-lettering are reported; silent by default. */
  logger?: MessagingLogger;
  /**
   * Where queued messages are kept so that they outlive the process (the all-in-one mode journals
   * into its PostgreSQL). Without one, whatever is queued is lost when the process ends.
   */
  journal?: InProcessJournal;
}

/** A message copy as the journal keeps it. */
export interface JournalEntry {
  /** The copy's own id (one per routed queue). */
  id: string;
  /** The service whose queue holds it; `null` for the unroutable queue. */
  service: string | null;
  message: OutboundMessage & { headers: Record<string, string | number> };
  /** Retry tiers passed. */
  attempt: number;
}

/** A dead letter as the journal keeps it (its `id` is the entry's). */
export interface JournalDeadLetter extends JournalEntry {
  deadLetter: DeadLetter;
}

/**
 * Durable storage of the in-process transport's queues. Every copy is written before `publish`
 * resolves and removed when its handler has settled it, so a crash loses nothing: the next start
 * delivers again what was queued, waiting for a retry or in a consumer's hands.
 */
export interface InProcessJournal {
  /** Stores copies (all or none). */
  record(entries: JournalEntry[]): Promise<void>;
  /** Forgets a settled copy. */
  remove(id: string): Promise<void>;
  /** Notes that a copy passed another retry tier. */
  retried(id: string, attempt: number): Promise<void>;
  /** Marks a copy dead-lettered. */
  deadLettered(id: string, deadLetter: DeadLetter): Promise<void>;
  /** Puts a dead letter back in its queue with its attempts reset. */
  replayed(id: string): Promise<void>;
  /** Everything kept, oldest first. */
  load(): Promise<{ queued: JournalEntry[]; deadLetters: JournalDeadLetter[] }>;
}

/** A copy of a message in one service's queue. */
interface Envelope {
  /** The copy's id (the journal's key). */
  id: string;
  message: OutboundMessage & { headers: Record<string, string | number> };
  /** Retry tiers passed. */
  attempt: number;
  redelivered: boolean;
  /** Times it came back unsettled in the current round (RabbitMQ's `x-delivery-count`). */
  returns: number;
}

interface ServiceQueue {
  service: string;
  patterns: Set<string>;
  ready: Envelope[];
  consumers: LocalConsumer[];
  /** Round-robin position among `consumers`. */
  cursor: number;
  deadLetters: DeadLetter[];
}

interface LocalConsumer {
  queue: ServiceQueue;
  prefetch: number;
  handler: (message: InboundMessage) => Promise<void>;
  /** Unsettled deliveries by tag, in delivery order. */
  unsettled: Map<number, Envelope>;
  stopped: boolean;
}

/**
 * The event transport of the all-in-one mode: RabbitMQ's semantics, in memory, in one process.
 * Routing with `*`/`#`, one queue per service, competing subscriptions with prefetch, asynchronous
 * delivery, at-least-once (a message stays until its handler resolves; `stop()` puts unsettled
 * ones back at the head with `redelivered: true`), the same retry tiers (timers), dead letters with
 * reason and replay, an unroutable queue, and a delivery limit.
 *
 * Durable with a journal (the all-in-one mode keeps one in PostgreSQL): every copy is stored before
 * `publish` resolves and removed once settled, and `restore()` brings back what an earlier run left.
 * Without a journal whatever is queued is lost when the process ends.
 */
export class InProcessTransport implements EventTransport {
  private readonly retryDelaysMs: readonly number[];
  private readonly deliveryLimit: number;
  private readonly defaultPrefetch: number;
  private readonly now: () => Date;
  private readonly logger: MessagingLogger;
  private readonly queues = new Map<string, ServiceQueue>();
  private readonly unroutable: OutboundMessage[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly journal: InProcessJournal | undefined;
  /** The last pending journal update of each copy, so updates of one copy apply in order. */
  private readonly journalTails = new Map<string, Promise<void>>();
  private nextTag = 1;
  private dispatchScheduled = false;
  private closed = false;

  /** A transport with no services yet; `declareService`/`subscribe` create their queues. */
  constructor(options: InProcessTransportOptions = {}) {
    this.retryDelaysMs = [...(options.retryDelaysMs ?? [1000, 10_000, 60_000])];
    assertRetryDelays(this.retryDelaysMs);
    this.deliveryLimit = options.deliveryLimit ?? 20;
    this.defaultPrefetch = options.defaultPrefetch ?? 20;
    this.now = options.now ?? (() => new Date());
    this.logger = options.logger ?? SILENT_LOGGER;
    this.journal = options.journal;
  }

  /**
   * Loads what the journal kept from an earlier run: queued copies come back first in their
   * queues (as redeliveries), dead letters in their lists. Call it once, before subscribing.
   */
  async restore(): Promise<{ queued: number; deadLetters: number }> {
    this.assertOpen();
    if (!this.journal) return { queued: 0, deadLetters: 0 };
    const { queued, deadLetters } = await this.journal.load();
    for (const entry of queued) {
      if (entry.service === null) {
        this.unroutable.push(copyMessage(entry.message));
        continue;
      }
      this.queueOf(entry.service).ready.push({
        id: entry.id,
        message: copyMessage(entry.message),
        attempt: entry.attempt,
        redelivered: true,
        returns: 0,
      });
    }
    for (const letter of deadLetters) {
      if (letter.service !== null) this.queueOf(letter.service).deadLetters.push(letter.deadLetter);
    }
    this.scheduleDispatch();
    return { queued: queued.length, deadLetters: deadLetters.length };
  }

  /** Creates the service's queue if needed and adds the binding patterns (bindings are never removed). */
  declareService(service: string, routingKeys: string[]): Promise<void> {
    return promised(() => {
      this.assertOpen();
      const queue = this.queueOf(service);
      for (const key of routingKeys) queue.patterns.add(key);
    });
  }

  /**
   * Routes each message to every bound service's queue (or the unroutable queue), journals the
   * copies, then delivers asynchronously. Resolves once the journal holds them ("confirmed").
   */
  async publish(messages: OutboundMessage[]): Promise<void> {
    const routed = await promised(() => this.route(messages));
    if (this.journal && routed.length > 0) {
      try {
        await this.journal.record(routed);
      } catch (error) {
        throw new TransportUnavailableError(
          `the in-process journal refused the messages: ${errorMessage(error)}`,
        );
      }
    }
    this.assertOpen();
    for (const entry of routed) {
      if (entry.service === null) {
        this.unroutable.push(entry.message);
        continue;
      }
      this.queueOf(entry.service).ready.push({
        id: entry.id,
        message: entry.message,
        attempt: 0,
        redelivered: false,
        returns: 0,
      });
    }
    this.scheduleDispatch();
  }

  private route(messages: OutboundMessage[]): JournalEntry[] {
    this.assertOpen();
    for (const message of messages) assertOutbound(message);
    return messages.flatMap((message): JournalEntry[] => {
      const targets = [...this.queues.values()].filter((queue) =>
        topicMatchesAny([...queue.patterns], message.routingKey),
      );
      if (targets.length === 0) {
        return [{ id: randomUUID(), service: null, message: copyMessage(message), attempt: 0 }];
      }
      return targets.map((queue) => ({
        id: randomUUID(),
        service: queue.service,
        message: copyMessage(message),
        attempt: 0,
      }));
    });
  }

  /**
   * Runs a journal update of one copy in the background, after the copy's earlier updates (a
   * replay must not overtake the dead-lettering it undoes). A failed update only means a
   * redelivery after a restart.
   */
  private journalled(
    id: string,
    what: string,
    update: (journal: InProcessJournal) => Promise<void>,
  ): void {
    const journal = this.journal;
    if (!journal) return;
    const previous = this.journalTails.get(id) ?? Promise.resolve();
    const next = previous
      .then(() => update(journal))
      .catch((error: unknown) =>
        this.logger.error(`in-process transport: journal ${what} failed`, {
          error: errorMessage(error),
        }),
      )
      .finally(() => {
        if (this.journalTails.get(id) === next) this.journalTails.delete(id);
      });
    this.journalTails.set(id, next);
  }

  /** Declares the service, then delivers its queue's messages to `handler`, at most `prefetch` at a time. */
  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    await this.declareService(options.service, options.routingKeys);
    const queue = this.queueOf(options.service);
    const prefetch = options.prefetch ?? this.defaultPrefetch;
    if (!Number.isInteger(prefetch) || prefetch < 1)
      throw new Error(`prefetch must be a positive integer, got ${prefetch}`);
    const consumer: LocalConsumer = {
      queue,
      prefetch,
      handler: options.handler,
      unsettled: new Map(),
      stopped: false,
    };
    queue.consumers.push(consumer);
    this.scheduleDispatch();
    return { stop: () => promised(() => this.stopConsumer(consumer)) };
  }

  /** The service's dead letters, oldest first. */
  listDeadLetters(service: string): Promise<DeadLetter[]> {
    const queue = this.queues.get(service);
    return Promise.resolve(
      (queue?.deadLetters ?? []).map((letter) => ({
        ...letter,
        message: copyMessage(letter.message),
      })),
    );
  }

  /** Moves one dead letter back to the end of the service's queue, its attempt count reset. */
  replayDeadLetter(service: string, deadLetterId: string): Promise<boolean> {
    return promised(() => this.replay(service, deadLetterId));
  }

  private replay(service: string, deadLetterId: string): boolean {
    this.assertOpen();
    const queue = this.queues.get(service);
    const index = queue?.deadLetters.findIndex((letter) => letter.id === deadLetterId) ?? -1;
    const letter = index >= 0 ? queue?.deadLetters.splice(index, 1)[0] : undefined;
    if (queue === undefined || letter === undefined) return false;
    this.journalled(letter.id, 'replay', (journal) => journal.replayed(letter.id));
    queue.ready.push({
      id: letter.id,
      message: copyMessage(letter.message),
      attempt: 0,
      redelivered: false,
      returns: 0,
    });
    this.scheduleDispatch();
    return true;
  }

  /** Messages no service was bound for, oldest first. */
  listUnroutable(): Promise<OutboundMessage[]> {
    return Promise.resolve(this.unroutable.map(copyMessage));
  }

  /** Stops every subscription and drops pending retries; later calls reject. */
  close(): Promise<void> {
    return promised(() => this.shutDown());
  }

  private shutDown(): void {
    if (this.closed) return;
    for (const queue of this.queues.values()) {
      for (const consumer of [...queue.consumers]) this.stopConsumer(consumer);
    }
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private assertOpen(): void {
    if (this.closed) throw new TransportUnavailableError('the in-process transport is closed');
  }

  private queueOf(service: string): ServiceQueue {
    const existing = this.queues.get(service);
    if (existing) return existing;
    assertServiceName(service);
    const queue: ServiceQueue = {
      service,
      patterns: new Set(),
      ready: [],
      consumers: [],
      cursor: 0,
      deadLetters: [],
    };
    this.queues.set(service, queue);
    return queue;
  }

  private scheduleDispatch(): void {
    if (this.dispatchScheduled || this.closed) return;
    this.dispatchScheduled = true;
    // Never inside the caller's stack: publishers and handlers see delivery as asynchronous.
    setImmediate(() => {
      this.dispatchScheduled = false;
      for (const queue of this.queues.values()) this.dispatch(queue);
    });
  }

  private dispatch(queue: ServiceQueue): void {
    while (queue.ready.length > 0) {
      const consumer = this.nextFreeConsumer(queue);
      if (consumer === undefined) return;
      const envelope = queue.ready.shift();
      if (envelope === undefined) return;
      this.deliver(consumer, envelope);
    }
  }

  private nextFreeConsumer(queue: ServiceQueue): LocalConsumer | undefined {
    const count = queue.consumers.length;
    for (let step = 0; step < count; step++) {
      const index = (queue.cursor + step) % count;
      const consumer = queue.consumers[index];
      if (consumer !== undefined && consumer.unsettled.size < consumer.prefetch) {
        queue.cursor = (index + 1) % count;
        return consumer;
      }
    }
    return undefined;
  }

  private deliver(consumer: LocalConsumer, envelope: Envelope): void {
    const tag = this.nextTag++;
    consumer.unsettled.set(tag, envelope);
    const inbound: InboundMessage = {
      messageId: envelope.message.messageId,
      routingKey: envelope.message.routingKey,
      body: envelope.message.body,
      headers: { ...envelope.message.headers },
      attempt: envelope.attempt,
      redelivered: envelope.redelivered,
    };
    Promise.resolve()
      .then(() => consumer.handler(inbound))
      .then(
        () => this.settle(consumer, tag),
        (error: unknown) => this.fail(consumer, tag, error),
      )
      .catch((error: unknown) =>
        this.logger.error('in-process transport: settling a message failed', {
          error: errorMessage(error),
        }),
      );
  }

  /** Removes the delivery; false when it was already returned to the queue (its consumer stopped). */
  private take(consumer: LocalConsumer, tag: number): Envelope | undefined {
    const envelope = consumer.unsettled.get(tag);
    if (envelope === undefined) return undefined;
    consumer.unsettled.delete(tag);
    this.scheduleDispatch();
    return envelope;
  }

  private settle(consumer: LocalConsumer, tag: number): void {
    const envelope = this.take(consumer, tag);
    if (envelope) this.journalled(envelope.id, 'removal', (journal) => journal.remove(envelope.id));
  }

  private fail(consumer: LocalConsumer, tag: number, error: unknown): void {
    const envelope = this.take(consumer, tag);
    if (envelope === undefined) {
      this.logger.debug?.('in-process transport: a handler failed after its subscription stopped', {
        error: errorMessage(error),
      });
      return;
    }
    const queue = consumer.queue;
    const context = {
      service: queue.service,
      messageId: envelope.message.messageId,
      attempt: envelope.attempt,
    };
    if (isPermanentError(error)) {
      this.logger.warn('message dead-lettered: permanent error', {
        ...context,
        error: errorMessage(error),
      });
      this.deadLetter(queue, envelope, errorMessage(error), envelope.attempt + 1);
      return;
    }
    const delay = this.retryDelaysMs[envelope.attempt];
    if (delay === undefined || this.closed) {
      const reason = `${RETRIES_EXHAUSTED}: ${errorMessage(error)}`;
      this.logger.warn('message dead-lettered: retries exhausted', {
        ...context,
        error: errorMessage(error),
      });
      this.deadLetter(queue, envelope, reason, envelope.attempt + 1);
      return;
    }
    this.logger.warn('message handler failed; retrying later', {
      ...context,
      delayMs: delay,
      error: errorMessage(error),
    });
    this.journalled(envelope.id, 'retry', (journal) =>
      journal.retried(envelope.id, envelope.attempt + 1),
    );
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      queue.ready.push({
        id: envelope.id,
        message: envelope.message,
        attempt: envelope.attempt + 1,
        redelivered: false,
        returns: 0,
      });
      this.scheduleDispatch();
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  private deadLetter(
    queue: ServiceQueue,
    envelope: Envelope,
    reason: string,
    attempts: number,
  ): void {
    const letter: DeadLetter = {
      id: envelope.id,
      message: copyMessage(envelope.message),
      reason: truncateReason(reason),
      attempts,
      deadLetteredAt: this.now().toISOString(),
    };
    queue.deadLetters.push(letter);
    this.journalled(envelope.id, 'dead-lettering', (journal) =>
      journal.deadLettered(envelope.id, letter),
    );
  }

  private stopConsumer(consumer: LocalConsumer): void {
    if (consumer.stopped) return;
    consumer.stopped = true;
    const queue = consumer.queue;
    queue.consumers = queue.consumers.filter((other) => other !== consumer);
    queue.cursor = 0;
    const returned: Envelope[] = [];
    for (const envelope of consumer.unsettled.values()) {
      const returns = envelope.returns + 1;
      if (returns > this.deliveryLimit) {
        this.deadLetter(queue, envelope, DELIVERY_LIMIT, envelope.attempt + returns);
      } else {
        returned.push({ ...envelope, redelivered: true, returns });
      }
    }
    consumer.unsettled.clear();
    queue.ready.unshift(...returned);
    this.scheduleDispatch();
  }
}

/** Runs synchronous work as a promise: a throw becomes a rejection, never a synchronous exception. */
function promised<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(errorMessage(error)));
  }
}

function assertOutbound(message: OutboundMessage): void {
  if (typeof message.messageId !== 'string' || message.messageId === '')
    throw new Error('a message needs a messageId');
  if (typeof message.routingKey !== 'string')
    throw new Error(`message ${message.messageId} has no routing key`);
  if (typeof message.body !== 'string')
    throw new Error(`message ${message.messageId} has no string body`);
}

function copyMessage(
  message: OutboundMessage,
): OutboundMessage & { headers: Record<string, string | number> } {
  return {
    messageId: message.messageId,
    routingKey: message.routingKey,
    body: message.body,
    headers: applicationHeaders(message.headers),
  };
}
