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
 * - `publish` resolves only once every message is confirmed (persisted) by the broker.
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
  messageId: string;
  routingKey: string;
  body: string;
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
  /** Stops consuming; messages it had not settled go back to the queue. */
  stop(): Promise<void>;
}

/** A dead-lettered message with why and when. */
export interface DeadLetter {
  /** The dead letter's own id (the one `replayDeadLetter` takes). */
  id: string;
  message: OutboundMessage;
  /** The last error's message, or `delivery-limit` / `retries-exhausted`. */
  reason: string;
  attempts: number;
  deadLetteredAt: string;
}

/** Thrown by a handler for a message that can never succeed (e.g. it fails validation): no retry. */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
}
