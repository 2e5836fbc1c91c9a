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
  logger?: MessagingLogger;
}

/** A copy of a message in one service's queue. */
interface Envelope {
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
 * Not durable: whatever is queued, waiting in a retry tier or dead-lettered is lost when the
 * process ends. Publishing is "confirmed" once the message is queued in memory.
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
  }

  /** Creates the service's queue if needed and adds the binding patterns (bindings are never removed). */
  async declareService(service: string, routingKeys: string[]): Promise<void> {
    this.assertOpen();
    const queue = this.queueOf(service);
    for (const key of routingKeys) queue.patterns.add(key);
  }

  /** Routes each message to every bound service's queue (or the unroutable queue), then delivers asynchronously. */
  async publish(messages: OutboundMessage[]): Promise<void> {
    this.assertOpen();
    for (const message of messages) assertOutbound(message);
    for (const message of messages) {
      const targets = [...this.queues.values()].filter((queue) =>
        topicMatchesAny([...queue.patterns], message.routingKey),
      );
      if (targets.length === 0) {
        this.unroutable.push(copyMessage(message));
        continue;
      }
      for (const queue of targets) {
        queue.ready.push({ message: copyMessage(message), attempt: 0, redelivered: false, returns: 0 });
      }
    }
    this.scheduleDispatch();
  }

  /** Declares the service, then delivers its queue's messages to `handler`, at most `prefetch` at a time. */
  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    await this.declareService(options.service, options.routingKeys);
    const queue = this.queueOf(options.service);
    const prefetch = options.prefetch ?? this.defaultPrefetch;
    if (!Number.isInteger(prefetch) || prefetch < 1) throw new Error(`prefetch must be a positive integer, got ${prefetch}`);
    const consumer: LocalConsumer = {
      queue,
      prefetch,
      handler: options.handler,
      unsettled: new Map(),
      stopped: false,
    };
    queue.consumers.push(consumer);
    this.scheduleDispatch();
    return { stop: async () => this.stopConsumer(consumer) };
  }

  /** The service's dead letters, oldest first. */
  async listDeadLetters(service: string): Promise<DeadLetter[]> {
    const queue = this.queues.get(service);
    return (queue?.deadLetters ?? []).map((letter) => ({ ...letter, message: copyMessage(letter.message) }));
  }

  /** Moves one dead letter back to the end of the service's queue, its attempt count reset. */
  async replayDeadLetter(service: string, deadLetterId: string): Promise<boolean> {
    this.assertOpen();
    const queue = this.queues.get(service);
    const index = queue?.deadLetters.findIndex((letter) => letter.id === deadLetterId) ?? -1;
    const letter = index >= 0 ? queue?.deadLetters.splice(index, 1)[0] : undefined;
    if (queue === undefined || letter === undefined) return false;
    queue.ready.push({ message: copyMessage(letter.message), attempt: 0, redelivered: false, returns: 0 });
    this.scheduleDispatch();
    return true;
  }

  /** Messages no service was bound for, oldest first. */
  async listUnroutable(): Promise<OutboundMessage[]> {
    return this.unroutable.map(copyMessage);
  }

  /** Stops every subscription and drops pending retries; later calls reject. */
  async close(): Promise<void> {
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
    const queue: ServiceQueue = { service, patterns: new Set(), ready: [], consumers: [], cursor: 0, deadLetters: [] };
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
      .catch((error: unknown) => this.logger.error('in-process transport: settling a message failed', { error: errorMessage(error) }));
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
    this.take(consumer, tag);
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
    const context = { service: queue.service, messageId: envelope.message.messageId, attempt: envelope.attempt };
    if (isPermanentError(error)) {
      this.logger.warn('message dead-lettered: permanent error', { ...context, error: errorMessage(error) });
      this.deadLetter(queue, envelope, errorMessage(error), envelope.attempt + 1);
      return;
    }
    const delay = this.retryDelaysMs[envelope.attempt];
    if (delay === undefined || this.closed) {
      const reason = `${RETRIES_EXHAUSTED}: ${errorMessage(error)}`;
      this.logger.warn('message dead-lettered: retries exhausted', { ...context, error: errorMessage(error) });
      this.deadLetter(queue, envelope, reason, envelope.attempt + 1);
      return;
    }
    this.logger.warn('message handler failed; retrying later', { ...context, delayMs: delay, error: errorMessage(error) });
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      queue.ready.push({ message: envelope.message, attempt: envelope.attempt + 1, redelivered: false, returns: 0 });
      this.scheduleDispatch();
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  private deadLetter(queue: ServiceQueue, envelope: Envelope, reason: string, attempts: number): void {
    queue.deadLetters.push({
      id: randomUUID(),
      message: copyMessage(envelope.message),
      reason: truncateReason(reason),
      attempts,
      deadLetteredAt: this.now().toISOString(),
    });
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

function assertOutbound(message: OutboundMessage): void {
  if (typeof message.messageId !== 'string' || message.messageId === '') throw new Error('a message needs a messageId');
  if (typeof message.routingKey !== 'string') throw new Error(`message ${message.messageId} has no routing key`);
  if (typeof message.body !== 'string') throw new Error(`message ${message.messageId} has no string body`);
}

function copyMessage(message: OutboundMessage): OutboundMessage & { headers: Record<string, string | number> } {
  return {
    messageId: message.messageId,
    routingKey: message.routingKey,
    body: message.body,
    headers: applicationHeaders(message.headers),
  };
}
