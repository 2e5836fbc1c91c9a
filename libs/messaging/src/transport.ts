/**
 * The event transport: what the outbox relay publishes with and what consumers receive from.
 * Two implementations keep the same semantics: RabbitMQ (`RabbitTransport`) and the in-process
 * broker of the all-in-one mode (`InProcessTransport`). One contract suite runs against both.
 *
 * Semantics both keep:
 * - one topic exchange; each consuming service has one queue bound to the routing-key patterns
 *   (`*`, `#` wildcards as in AMQP topic exchanges) it handles; every bound service gets its copy;
 *   instances of one service compete for its queue;
 * - at-least-once: a message is removed only when the handler resolves; a handler that throws
 *   sends it through the service's delayed-retry tiers (back to that service only), and a
 *   `PermanentError` or exhausting the tiers moves it to the service's dead-letter queue with the
 *   reason; dead letters can be listed and replayed;
 * - a consumer that stops with unacknowledged messages gets them again after it restarts;
 * - a message no queue is bound for lands in the unroutable queue (the alternate exchange's);
 * - `publish` resolves only once every message is confirmed (persisted) by the broker; while the
 *   broker is unreachable it rejects with {@link TransportUnavailableError} (nothing is buffered),
 *   so the caller (the outbox relay) retries;
 * - a handler receives {@link InboundMessage}: the routing key it was published with (also after
 *   retries and replay), the publisher's headers without the transports' own, `attempt` (retry
 *   tiers passed) and `redelivered`;
 * - dead letters and unroutable messages of a service or prefix never declared list as `[]`;
 *   `replayDeadLetter` of an unknown id is `false`.
 *
 * Names, headers and topology on RabbitMQ: see `rabbitNames` and {@link TRANSPORT_HEADERS}.
 */
export interface EventTransport {
  /** Declares, idempotently, a consuming service's queue, bindings, retry tiers and dead-letter queue. */
  declareService(service: string, routingKeys: string[]): Promise<void>;
  /** Publishes persistent messages and resolves when all are confirmed; rejects if any is not. */
  publish(messages: OutboundMessage[]): Promise<void>;
  /** Starts consuming the service's queue (declaring it first). */
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** The service's dead letters, oldest first. */
  listDeadLetters(service: string): Promise<DeadLetter[]>;
  /** Puts one dead letter back on the service's queue; false when no dead letter has that id. */
  replayDeadLetter(service: string, deadLetterId: string): Promise<boolean>;
  /** Messages that no queue was bound for, oldest first (drains nothing). */
  listUnroutable(): Promise<OutboundMessage[]>;
  /** Closes connections; consumers stop and their unacknowledged messages are returned. */
  close(): Promise<void>;
}

/** A message to publish. */
export interface OutboundMessage {
  /** The stored event's id; the AMQP `messageId`. */
  messageId: string;
  /** The contract name, `<service>.<fact>.v<n>`. */
  routingKey: string;
  /** The JSON body (an `IntegrationEvent` envelope). */
  body: string;
  /** Extra headers (strings or numbers). */
  headers?: Record<string, string | number>;
}

/** A delivered message. */
export interface InboundMessage {
  /** The publisher's `messageId` (the stored event's id; `''` if it set none); consumers deduplicate on it. */
  messageId: string;
  /** The routing key it was published with (kept through retries, dead-lettering and replay). */
  routingKey: string;
  /** The JSON body as published. */
  body: string;
  /** The publisher's headers; the transports' own ({@link TRANSPORT_HEADERS}, `x-death`, …) are removed. */
  headers: Record<string, string | number>;
  /** How many times this message went through the retry tiers before this delivery (0 at first). */
  attempt: number;
  /** The broker's flag: delivered before to some consumer that did not settle it. */
  redelivered: boolean;
}

/** What a consumer subscribes with. */
export interface SubscribeOptions {
  /** The consuming service; names its queue. */
  service: string;
  /** Binding patterns (`campaign.drafted.v1`, `campaign.#`). */
  routingKeys: string[];
  /** Unacknowledged messages at most in flight for this consumer (its handler concurrency). */
  prefetch?: number;
  /** Resolve = done (ack); throw = retry via the tiers; throw `PermanentError` = dead-letter now. */
  handler: (message: InboundMessage) => Promise<void>;
}

/** A running consumer. */
export interface Subscription {
  /**
   * Stops consuming at once; messages it had not settled go back to the queue (to the head, flagged
   * `redelivered`). It does not wait for running handlers: one that finishes later settles nothing
   * (its message is delivered again), so handlers must be idempotent — the inbox makes them so.
   */
  stop(): Promise<void>;
}

/** A dead-lettered message with why and when. */
export interface DeadLetter {
  /** The dead letter's own id (the one `replayDeadLetter` takes). */
  id: string;
  message: OutboundMessage;
  /**
   * Why: a `PermanentError`'s message; `retries-exhausted: <last error's message>` when the retry
   * tiers were used up; `delivery-limit` when the broker gave up on it after `x-delivery-limit`
   * redeliveries (a consumer crashing or stopping with it again and again).
   */
  reason: string;
  /** How many times a handler was given the message (tiers passed + deliveries of the last round). */
  attempts: number;
  /** When it was dead-lettered (ISO-8601; second precision for `delivery-limit` dead letters on RabbitMQ). */
  deadLetteredAt: string;
}

/** Thrown by a handler for a message that can never succeed (e.g. it fails validation): no retry. */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
}

/** True for a {@link PermanentError}, also one from another copy of this module (checked by name). */
export function isPermanentError(error: unknown): boolean {
  return (
    error instanceof PermanentError || (error instanceof Error && error.name === 'PermanentError')
  );
}

/**
 * Thrown by a transport's `publish` (and other operations) while it has no broker connection; the
 * caller retries later (the outbox relay does). Nothing of the batch may be assumed published.
 */
export class TransportUnavailableError extends Error {
  override readonly name = 'TransportUnavailableError';
}

/**
 * Where the messaging code reports what it cannot throw to a caller (a lost connection, a failed
 * acknowledgement, a message sent to a retry tier). Nest's `Logger` fits it as is.
 */
export interface MessagingLogger {
  /** Routine but useful facts (a reconnect succeeded, a duplicate was absorbed). */
  log(message: string, context?: Record<string, unknown>): void;
  /** Something went wrong and was handled (a retry was scheduled, a connection dropped). */
  warn(message: string, context?: Record<string, unknown>): void;
  /** Something went wrong and could not be handled here. */
  error(message: string, context?: Record<string, unknown>): void;
  /** Per-message detail; optional. */
  debug?(message: string, context?: Record<string, unknown>): void;
}

/**
 * The headers the transports themselves write (both implementations use the same names). They are
 * stripped from {@link InboundMessage.headers}; what they carry is in `attempt` / `redelivered`.
 */
export const TRANSPORT_HEADERS = {
  /** How many retry tiers the message has been through (absent or 0 on the first delivery). */
  attempt: 'x-attempt',
  /** The original routing key, kept when the message travels through retry and dead-letter queues. */
  routingKey: 'x-routing-key',
  /** A dead letter's own id (a UUID), the one `replayDeadLetter` takes. */
  deadLetterId: 'x-dead-letter-id',
  /** Why the message was dead-lettered: the handler's error message, or `retries-exhausted` / `delivery-limit`. */
  reason: 'x-reason',
  /** How many times the handler was tried before the message was dead-lettered. */
  attempts: 'x-attempts',
  /** When it was dead-lettered (ISO-8601). */
  deadLetteredAt: 'x-dead-lettered-at',
} as const;

/** The reason of a dead letter whose retry tiers were all used up (the last error is appended). */
export const RETRIES_EXHAUSTED = 'retries-exhausted';
/** The reason of a dead letter the broker moved after `x-delivery-limit` redeliveries (a crash loop). */
export const DELIVERY_LIMIT = 'delivery-limit';
