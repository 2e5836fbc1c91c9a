import { createHash, randomUUID } from 'node:crypto';
import {
  connect,
  type Channel,
  type ChannelModel,
  type ConfirmChannel,
  type ConsumeMessage,
  type GetMessage,
  type Message,
  type Options,
} from 'amqplib';
import {
  DELIVERY_LIMIT,
  isPermanentError,
  RETRIES_EXHAUSTED,
  TRANSPORT_HEADERS,
  TransportUnavailableError,
  type DeadLetter,
  type EventTransport,
  type InboundMessage,
  type MessagingLogger,
  type OutboundMessage,
  type SubscribeOptions,
  type Subscription,
} from '../transport';
import {
  declareEventsTopology,
  declareServiceTopology,
  rabbitNames,
  type RabbitNames,
} from './rabbit-topology';
import {
  applicationHeaders,
  assertRetryDelays,
  assertServiceName,
  counterHeader,
  errorMessage,
  SILENT_LOGGER,
  stringHeader,
  truncateReason,
} from './transport-headers';

/** Options of {@link RabbitTransport}. */
export interface RabbitTransportOptions {
  /** `amqp://user:pass@host:port/vhost`. */
  url: string;
  /** Prefix of every exchange and queue name (see {@link rabbitNames}), e.g. `ttkt`. */
  prefix: string;
  /** Delay of each retry tier, one queue per tier (default `[1000, 10000, 60000]`). Immutable once declared. */
  retryDelaysMs?: number[];
  /** `x-delivery-limit` of service queues (default 20). Immutable once declared. */
  deliveryLimit?: number;
  /** Shown by `rabbitmqctl list_connections client_properties` (`connection_name`). */
  connectionName?: string;
  /** Unacknowledged messages per subscription when `subscribe` gives no `prefetch` (default 20). */
  defaultPrefetch?: number;
  /** Reconnect back-off: first delay and cap in ms (default 200 → 5000, doubling). */
  reconnectDelayMs?: { initial: number; max: number };
  /** How long operations other than `publish` wait for a lost connection to come back (default 15000 ms). */
  operationTimeoutMs?: number;
  /** A publish not confirmed within this rejects (default 30000 ms; the broker may still take it). */
  publishTimeoutMs?: number;
  /** Where connection losses, retries and dead-lettering are reported; silent by default. */
  logger?: MessagingLogger;
}

type State = 'idle' | 'connecting' | 'up' | 'down' | 'closed';

/** One message to publish on a confirm channel. */
interface Publication {
  exchange: string;
  routingKey: string;
  content: Buffer;
  options: Options.Publish;
}

/**
 * The event transport over RabbitMQ (amqplib, one connection per transport).
 *
 * Topology: see {@link rabbitNames}; declared at connect and by `declareService`/`subscribe`, and
 * again after every reconnect. Publishing: persistent, `messageId`, `type` = routing key,
 * `contentType: application/json`, pipelined publisher confirms. Consuming: manual ack once the
 * handler resolved; a throwing handler's message is published (confirmed) to the next retry tier
 * with `x-attempt` + 1 and then acked; a `PermanentError` or the last tier's failure sends it to the
 * dead-letter queue with `x-dead-letter-id`, `x-reason`, `x-attempts`, `x-dead-lettered-at`.
 *
 * Connection loss: the transport reconnects with back-off, re-declares the topology and resumes
 * every subscription; unacked messages come back from the broker (`redelivered`), so consumers must
 * be idempotent. `publish` during an outage rejects at once with {@link TransportUnavailableError};
 * other operations wait up to `operationTimeoutMs` for the connection.
 */
export class RabbitTransport implements EventTransport {
  /** The exchange and queue names this transport uses. */
  readonly names: RabbitNames;
  private readonly retryDelaysMs: readonly number[];
  private readonly deliveryLimit: number;
  private readonly defaultPrefetch: number;
  private readonly logger: MessagingLogger;
  private readonly reconnectDelay: { initial: number; max: number };
  private readonly operationTimeoutMs: number;
  private readonly publishTimeoutMs: number;
  private state: State = 'idle';
  private connection: ChannelModel | undefined;
  private connecting: Promise<void> | undefined;
  private publisher: Promise<ConfirmChannel> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectAttempt = 0;
  private everConnected = false;
  private readonly upWaiters = new Set<() => void>();
  /** Every service declared through this transport, with its binding patterns (re-declared on reconnect). */
  private readonly services = new Map<string, Set<string>>();
  private readonly subscriptions = new Set<RabbitSubscription>();
  private readonly locks = new Map<string, Promise<void>>();

  /** Connects lazily: on the first operation. */
  constructor(private readonly options: RabbitTransportOptions) {
    this.names = rabbitNames(options.prefix);
    this.retryDelaysMs = [...(options.retryDelaysMs ?? [1000, 10_000, 60_000])];
    assertRetryDelays(this.retryDelaysMs);
    this.deliveryLimit = options.deliveryLimit ?? 20;
    this.defaultPrefetch = options.defaultPrefetch ?? 20;
    this.logger = options.logger ?? SILENT_LOGGER;
    this.reconnectDelay = options.reconnectDelayMs ?? { initial: 200, max: 5000 };
    this.operationTimeoutMs = options.operationTimeoutMs ?? 15_000;
    this.publishTimeoutMs = options.publishTimeoutMs ?? 30_000;
  }

  /** Connects and declares the events exchange now (otherwise the first operation does). */
  async start(): Promise<void> {
    await this.connectionForOperation();
  }

  /** True while connected (false before the first operation, during an outage and after `close`). */
  get isConnected(): boolean {
    return this.state === 'up';
  }

  /** Declares the service's queue, bindings, retry tiers and dead-letter queue; remembered for reconnects. */
  async declareService(service: string, routingKeys: string[]): Promise<void> {
    assertServiceName(service);
    if (service === 'unroutable' || service === 'events')
      throw new Error(`reserved service name: ${service}`);
    const keys = this.services.get(service) ?? new Set<string>();
    for (const key of routingKeys) keys.add(key);
    this.services.set(service, keys);
    const connection = await this.connectionForOperation();
    await withChannel(connection, this.logger, (channel) =>
      declareServiceTopology(channel, this.names, service, routingKeys, this.topologyOptions()),
    );
  }

  /** Publishes to the events exchange; resolves when the broker confirmed every message. */
  async publish(messages: OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const publications = messages.map((message) => this.publication(message));
    const channel = await this.publisherChannel();
    await confirmAll(channel, publications, this.publishTimeoutMs);
  }

  /** Declares the service, then consumes its queue on a channel of its own with `prefetch`. */
  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const prefetch = options.prefetch ?? this.defaultPrefetch;
    if (!Number.isInteger(prefetch) || prefetch < 1)
      throw new Error(`prefetch must be a positive integer, got ${prefetch}`);
    await this.declareService(options.service, options.routingKeys);
    const subscription = new RabbitSubscription(
      this.subscriptionContext(),
      options.service,
      prefetch,
      options.handler,
    );
    this.subscriptions.add(subscription);
    try {
      await subscription.attach(await this.connectionForOperation());
    } catch (error) {
      this.subscriptions.delete(subscription);
      await subscription.stop();
      throw error;
    }
    return subscription;
  }

  /** Browses the service's dead-letter queue (get without ack, then requeue all): oldest first. */
  async listDeadLetters(service: string): Promise<DeadLetter[]> {
    assertServiceName(service);
    return this.browse(this.names.deadLetterQueue(service), [], (_channel, messages) =>
      Promise.resolve(messages.map((message) => this.toDeadLetter(message))),
    );
  }

  /** Publishes the dead letter (confirmed) to the service's queue only, `x-attempt` reset, then acks it. */
  async replayDeadLetter(service: string, deadLetterId: string): Promise<boolean> {
    assertServiceName(service);
    const target = this.names.serviceQueue(service);
    return this.browse(this.names.deadLetterQueue(service), false, async (channel, messages) => {
      const found = messages.find((message) => this.toDeadLetter(message).id === deadLetterId);
      if (found === undefined) return false;
      const letter = this.toDeadLetter(found);
      await this.assertQueueExists(target);
      await confirmAll(
        channel,
        [
          {
            exchange: '',
            routingKey: target,
            content: found.content,
            options: this.republishOptions(found, letter.message.routingKey, {}),
          },
        ],
        this.publishTimeoutMs,
      );
      channel.ack(found);
      this.logger.log('dead letter replayed', {
        service,
        deadLetterId,
        messageId: letter.message.messageId,
      });
      return true;
    });
  }

  /** Browses the unroutable queue: oldest first, nothing removed. */
  async listUnroutable(): Promise<OutboundMessage[]> {
    return this.browse(this.names.unroutable, [], (_channel, messages) =>
      Promise.resolve(
        messages.map((message) => ({
          messageId:
            typeof message.properties.messageId === 'string' ? message.properties.messageId : '',
          routingKey: message.fields.routingKey,
          body: message.content.toString('utf8'),
          headers: applicationHeaders(message.properties.headers),
        })),
      ),
    );
  }

  /** Stops the subscriptions (the broker requeues their unacked messages) and closes the connection. */
  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.wakeWaiters();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.connecting?.catch(() => undefined);
    const connection = this.connection;
    this.connection = undefined;
    this.publisher = undefined;
    if (connection) {
      await connection.close().catch((error: unknown) => {
        this.logger.debug?.('closing the RabbitMQ connection failed (already closed?)', {
          error: errorMessage(error),
        });
      });
    }
  }

  /** The state, read afresh (after an `await`, TypeScript's narrowing of `this.state` is stale). */
  private currentState(): State {
    return this.state;
  }

  private topologyOptions(): { retryDelaysMs: readonly number[]; deliveryLimit: number } {
    return { retryDelaysMs: this.retryDelaysMs, deliveryLimit: this.deliveryLimit };
  }

  private publication(message: OutboundMessage): Publication {
    if (typeof message.messageId !== 'string' || message.messageId === '')
      throw new Error('a message needs a messageId');
    if (typeof message.routingKey !== 'string')
      throw new Error(`message ${message.messageId} has no routing key`);
    if (typeof message.body !== 'string')
      throw new Error(`message ${message.messageId} has no string body`);
    return {
      exchange: this.names.events,
      routingKey: message.routingKey,
      content: Buffer.from(message.body, 'utf8'),
      options: {
        persistent: true,
        messageId: message.messageId,
        type: message.routingKey,
        contentType: 'application/json',
        timestamp: Math.floor(Date.now() / 1000),
        headers: { ...(message.headers ?? {}) },
      },
    };
  }

  /** Properties for moving a received message to a retry tier, the DLQ or back to its queue. */
  private republishOptions(
    message: Message,
    routingKey: string,
    extraHeaders: Record<string, string | number>,
  ): Options.Publish {
    const properties = message.properties;
    const options: Options.Publish = {
      persistent: true,
      contentType:
        typeof properties.contentType === 'string' ? properties.contentType : 'application/json',
      type: routingKey,
      headers: {
        ...applicationHeaders(properties.headers),
        [TRANSPORT_HEADERS.routingKey]: routingKey,
        ...extraHeaders,
      },
    };
    if (typeof properties.messageId === 'string') options.messageId = properties.messageId;
    if (typeof properties.correlationId === 'string')
      options.correlationId = properties.correlationId;
    if (typeof properties.timestamp === 'number') options.timestamp = properties.timestamp;
    if (typeof properties.appId === 'string') options.appId = properties.appId;
    return options;
  }

  /** The routing key a received message was originally published with. */
  private originalRoutingKey(message: Message): string {
    const headers = message.properties.headers;
    const fromHeader = stringHeader(headers, TRANSPORT_HEADERS.routingKey);
    if (fromHeader !== undefined) return fromHeader;
    if (typeof message.properties.type === 'string' && message.properties.type !== '')
      return message.properties.type;
    const deaths = xDeaths(headers);
    const keys = deaths[deaths.length - 1]?.routingKeys;
    return keys?.[0] ?? message.fields.routingKey;
  }

  private toDeadLetter(message: Message): DeadLetter {
    const headers = message.properties.headers;
    const routingKey = this.originalRoutingKey(message);
    const outbound: OutboundMessage = {
      messageId:
        typeof message.properties.messageId === 'string' ? message.properties.messageId : '',
      routingKey,
      body: message.content.toString('utf8'),
      headers: applicationHeaders(headers),
    };
    const ownId = stringHeader(headers, TRANSPORT_HEADERS.deadLetterId);
    if (ownId !== undefined) {
      return {
        id: ownId,
        message: outbound,
        reason: stringHeader(headers, TRANSPORT_HEADERS.reason) ?? 'unknown',
        attempts: counterHeader(headers, TRANSPORT_HEADERS.attempts),
        deadLetteredAt: stringHeader(headers, TRANSPORT_HEADERS.deadLetteredAt) ?? '',
      };
    }
    // Dead-lettered by the broker through the service's DLX: the newest x-death entry says why.
    const death = xDeaths(headers)[0];
    const attempt = counterHeader(headers, TRANSPORT_HEADERS.attempt);
    const reason =
      death?.reason === 'delivery_limit' ? DELIVERY_LIMIT : `broker: ${death?.reason ?? 'unknown'}`;
    const id = createHash('sha256')
      .update(
        [
          outbound.messageId,
          death?.queue ?? '',
          String(death?.time ?? ''),
          String(death?.count ?? ''),
          message.content.toString('base64'),
        ].join('\n'),
      )
      .digest('hex')
      .slice(0, 32);
    return {
      id: `broker-${id}`,
      message: outbound,
      reason,
      attempts: death?.reason === 'delivery_limit' ? attempt + this.deliveryLimit + 1 : attempt + 1,
      deadLetteredAt: death?.time !== undefined ? new Date(death.time * 1000).toISOString() : '',
    };
  }

  /**
   * Takes every message of `queue` unacknowledged on a channel of its own, lets `work` look at (and
   * ack some of) them, then requeues the rest at once, in their places. Serialised per queue within
   * this transport; a concurrent browser elsewhere would see only what this one does not hold.
   * A queue that does not exist (a service never declared) yields `missing`.
   */
  private async browse<T>(
    queue: string,
    missing: T,
    work: (channel: ConfirmChannel, messages: GetMessage[]) => Promise<T>,
  ): Promise<T> {
    return this.exclusively(queue, async () => {
      const connection = await this.connectionForOperation();
      const channel = await connection.createConfirmChannel();
      channel.on('error', (error: unknown) =>
        this.logger.warn('browse channel error', { queue, error: errorMessage(error) }),
      );
      try {
        const messages: GetMessage[] = [];
        for (;;) {
          let message: GetMessage | false;
          try {
            message = await channel.get(queue, { noAck: false });
          } catch (error) {
            if (messages.length === 0 && isNotFound(error)) return missing;
            throw error;
          }
          if (message === false) break;
          messages.push(message);
        }
        const result = await work(channel, messages);
        channel.nackAll(true);
        return result;
      } finally {
        await channel.close().catch(() => undefined);
      }
    });
  }

  private async exclusively<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.locks.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.locks.get(key) === tail) this.locks.delete(key);
    }
  }

  private async assertQueueExists(queue: string): Promise<void> {
    const connection = await this.connectionForOperation();
    // checkQueue closes its channel when the queue is missing: use a throw-away one.
    await withChannel(connection, this.logger, async (channel) => {
      await channel.checkQueue(queue);
    });
  }

  private subscriptionContext(): SubscriptionContext {
    return {
      names: this.names,
      logger: this.logger,
      retryDelaysMs: this.retryDelaysMs,
      publishTimeoutMs: this.publishTimeoutMs,
      reconnectDelayMs: this.reconnectDelay.initial,
      currentConnection: () => (this.state === 'up' ? this.connection : undefined),
      forget: (subscription) => this.subscriptions.delete(subscription),
      originalRoutingKey: (message) => this.originalRoutingKey(message),
      republishOptions: (message, routingKey, headers) =>
        this.republishOptions(message, routingKey, headers),
    };
  }

  private async publisherChannel(): Promise<ConfirmChannel> {
    if (!this.everConnected) await this.connectionForOperation();
    const connection = this.connection;
    if (this.state !== 'up' || connection === undefined) {
      throw new TransportUnavailableError(
        this.state === 'closed'
          ? 'the RabbitMQ transport is closed'
          : 'RabbitMQ connection lost; reconnecting',
      );
    }
    if (this.publisher === undefined) {
      const created = connection.createConfirmChannel().then((channel) => {
        channel.on('error', (error: unknown) =>
          this.logger.warn('publisher channel error', { error: errorMessage(error) }),
        );
        channel.on('close', () => {
          if (this.publisher === created) this.publisher = undefined;
        });
        return channel;
      });
      this.publisher = created;
      created.catch(() => {
        if (this.publisher === created) this.publisher = undefined;
      });
    }
    return this.publisher;
  }

  /** The live connection: connects the first time, waits (bounded) during an outage. */
  private async connectionForOperation(): Promise<ChannelModel> {
    const deadline = Date.now() + this.operationTimeoutMs;
    for (;;) {
      switch (this.state) {
        case 'closed':
          throw new TransportUnavailableError('the RabbitMQ transport is closed');
        case 'up':
          if (this.connection) return this.connection;
          break;
        case 'idle':
          this.state = 'connecting';
          this.connecting = this.open().catch((error: unknown) => {
            if (this.state === 'connecting') this.state = 'idle';
            throw error;
          });
          await this.connecting;
          continue;
        case 'connecting': {
          const failed = await this.connecting?.then(
            () => undefined,
            (error: unknown) => ({ error }),
          );
          // A failed first connect is the caller's error; a failed reconnect is retried by the timer.
          if (failed !== undefined && this.currentState() === 'idle') throw failed.error;
          continue;
        }
        case 'down':
          break;
      }
      const left = deadline - Date.now();
      if (left <= 0)
        throw new TransportUnavailableError('RabbitMQ connection lost; not back in time');
      await this.waitForUp(left);
    }
  }

  private async waitForUp(timeoutMs: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.upWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.upWaiters.add(done);
    });
  }

  private wakeWaiters(): void {
    for (const wake of [...this.upWaiters]) wake();
  }

  /** Connects, declares the topology of every known service and resumes the subscriptions. */
  private async open(): Promise<void> {
    let connection: ChannelModel;
    try {
      connection = await connect(this.options.url, {
        clientProperties: {
          connection_name: this.options.connectionName ?? `ttkt-${this.options.prefix}`,
        },
      });
    } catch (error) {
      throw new TransportUnavailableError(`cannot connect to RabbitMQ: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    connection.on('error', (error: unknown) =>
      this.logger.warn('RabbitMQ connection error', { error: errorMessage(error) }),
    );
    connection.on('blocked', (reason: string) =>
      this.logger.warn('RabbitMQ blocked the connection', { reason }),
    );
    connection.on('unblocked', () => this.logger.log('RabbitMQ unblocked the connection'));
    let lostDuringSetup = false;
    connection.on('close', (error?: unknown) => {
      lostDuringSetup = true;
      this.onConnectionLost(connection, error);
    });
    try {
      await withChannel(connection, this.logger, async (channel) => {
        await declareEventsTopology(channel, this.names);
        for (const [service, keys] of this.services) {
          await declareServiceTopology(channel, this.names, service, keys, this.topologyOptions());
        }
      });
      if (lostDuringSetup)
        throw new TransportUnavailableError('RabbitMQ connection lost during set-up');
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
    if (this.state === 'closed') {
      await connection.close().catch(() => undefined);
      return;
    }
    this.connection = connection;
    this.publisher = undefined;
    this.state = 'up';
    this.everConnected = true;
    this.reconnectAttempt = 0;
    this.wakeWaiters();
    for (const subscription of this.subscriptions) {
      await subscription.attach(connection).catch((error: unknown) => {
        this.logger.error('could not resume a subscription; retrying', {
          error: errorMessage(error),
        });
        subscription.scheduleReattach();
      });
    }
  }

  private onConnectionLost(connection: ChannelModel, error: unknown): void {
    if (connection !== this.connection || this.state === 'closed') return;
    this.logger.warn('RabbitMQ connection lost; reconnecting', {
      error: error === undefined ? undefined : errorMessage(error),
    });
    this.connection = undefined;
    this.publisher = undefined;
    this.state = 'down';
    for (const subscription of this.subscriptions) subscription.detach();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.state !== 'down' || this.reconnectTimer) return;
    const { initial, max } = this.reconnectDelay;
    const delay = Math.min(max, initial * 2 ** this.reconnectAttempt);
    this.reconnectAttempt++;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.state !== 'down') return;
      this.state = 'connecting';
      this.connecting = this.open();
      this.connecting.then(
        () => {
          if (this.state === 'up') this.logger.log('RabbitMQ connection re-established');
        },
        (reconnectError: unknown) => {
          if (this.state === 'connecting') this.state = 'down';
          this.logger.warn('RabbitMQ reconnect failed', {
            error: errorMessage(reconnectError),
            delayMs: delay,
          });
          this.scheduleReconnect();
        },
      );
    }, delay);
  }
}

/** What a subscription needs from its transport. */
interface SubscriptionContext {
  names: RabbitNames;
  logger: MessagingLogger;
  retryDelaysMs: readonly number[];
  publishTimeoutMs: number;
  reconnectDelayMs: number;
  currentConnection(): ChannelModel | undefined;
  forget(subscription: RabbitSubscription): void;
  originalRoutingKey(message: Message): string;
  republishOptions(
    message: Message,
    routingKey: string,
    headers: Record<string, string | number>,
  ): Options.Publish;
}

/** One consumer of a service's queue on its own confirm channel (re-created after a reconnect). */
class RabbitSubscription implements Subscription {
  private channel: ConfirmChannel | undefined;
  private stopped = false;
  private reattachTimer: NodeJS.Timeout | undefined;
  private attaching: Promise<void> | undefined;

  constructor(
    private readonly context: SubscriptionContext,
    private readonly service: string,
    private readonly prefetch: number,
    private readonly handler: (message: InboundMessage) => Promise<void>,
  ) {}

  /** Opens a channel on `connection` and starts consuming (no-op when stopped or already attached). */
  async attach(connection: ChannelModel): Promise<void> {
    if (this.stopped || this.channel) return;
    this.attaching ??= this.openChannel(connection).finally(() => {
      this.attaching = undefined;
    });
    await this.attaching;
  }

  /** The connection is gone: forget the channel (the broker has requeued its unacked messages). */
  detach(): void {
    this.channel = undefined;
    if (this.reattachTimer) clearTimeout(this.reattachTimer);
    this.reattachTimer = undefined;
  }

  /** Tries to attach again later, on whatever connection is live then. */
  scheduleReattach(): void {
    if (this.stopped || this.reattachTimer) return;
    this.reattachTimer = setTimeout(() => {
      this.reattachTimer = undefined;
      const connection = this.context.currentConnection();
      if (connection === undefined || this.stopped) return; // the reconnect will attach it
      this.attach(connection).catch((error: unknown) => {
        this.context.logger.error('could not resume a subscription; retrying', {
          service: this.service,
          error: errorMessage(error),
        });
        this.scheduleReattach();
      });
    }, this.context.reconnectDelayMs);
  }

  /** Closes the channel: the broker requeues what this consumer had not acknowledged. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.context.forget(this);
    if (this.reattachTimer) clearTimeout(this.reattachTimer);
    this.reattachTimer = undefined;
    await this.attaching?.catch(() => undefined);
    const channel = this.channel;
    this.channel = undefined;
    if (channel) {
      await channel.close().catch((error: unknown) => {
        this.context.logger.debug?.('closing a consumer channel failed (already closed?)', {
          error: errorMessage(error),
        });
      });
    }
  }

  private async openChannel(connection: ChannelModel): Promise<void> {
    const channel = await connection.createConfirmChannel();
    channel.on('error', (error: unknown) =>
      this.context.logger.warn('consumer channel error', {
        service: this.service,
        error: errorMessage(error),
      }),
    );
    channel.on('close', () => {
      if (this.channel !== channel) return;
      this.channel = undefined;
      // A channel-level failure on a live connection (not a stop, not a connection loss): resume.
      if (!this.stopped && this.context.currentConnection() === connection) this.scheduleReattach();
    });
    try {
      await channel.prefetch(this.prefetch);
      this.channel = channel;
      await channel.consume(
        this.context.names.serviceQueue(this.service),
        (message) => {
          if (message === null) {
            this.context.logger.warn('the broker cancelled a consumer (queue deleted?)', {
              service: this.service,
            });
            if (this.channel === channel) {
              this.channel = undefined;
              channel.close().catch(() => undefined);
              this.scheduleReattach();
            }
            return;
          }
          this.handle(channel, message).catch((error: unknown) =>
            this.context.logger.error('settling a message failed', {
              service: this.service,
              error: errorMessage(error),
            }),
          );
        },
        { noAck: false },
      );
    } catch (error) {
      if (this.channel === channel) this.channel = undefined;
      await channel.close().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      this.channel = undefined;
      await channel.close().catch(() => undefined);
    }
  }

  private async handle(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    const headers = message.properties.headers;
    const routingKey = this.context.originalRoutingKey(message);
    const inbound: InboundMessage = {
      messageId:
        typeof message.properties.messageId === 'string' ? message.properties.messageId : '',
      routingKey,
      body: message.content.toString('utf8'),
      headers: applicationHeaders(headers),
      attempt: counterHeader(headers, TRANSPORT_HEADERS.attempt),
      redelivered: message.fields.redelivered,
    };
    let failure: { error: unknown } | undefined;
    try {
      await this.handler(inbound);
    } catch (error) {
      failure = { error };
    }
    if (failure !== undefined) {
      try {
        await this.moveAfterFailure(channel, message, inbound, failure.error);
      } catch (moveError) {
        // Not moved: leave it to the broker (redelivered now, or after the channel's end).
        this.context.logger.warn(
          'could not move a failed message to its retry tier or dead-letter queue',
          {
            service: this.service,
            messageId: inbound.messageId,
            error: errorMessage(moveError),
          },
        );
        settle(this.context.logger, () => channel.reject(message, true));
        return;
      }
    }
    settle(this.context.logger, () => channel.ack(message));
  }

  private async moveAfterFailure(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    inbound: InboundMessage,
    error: unknown,
  ): Promise<void> {
    const { names, retryDelaysMs, logger } = this.context;
    const context = {
      service: this.service,
      messageId: inbound.messageId,
      attempt: inbound.attempt,
      error: errorMessage(error),
    };
    const permanent = isPermanentError(error);
    if (!permanent && inbound.attempt < retryDelaysMs.length) {
      const tier = inbound.attempt + 1;
      logger.warn('message handler failed; retrying later', {
        ...context,
        delayMs: retryDelaysMs[inbound.attempt],
      });
      await confirmAll(
        channel,
        [
          {
            exchange: '',
            routingKey: names.retryQueue(this.service, tier),
            content: message.content,
            options: this.context.republishOptions(message, inbound.routingKey, {
              [TRANSPORT_HEADERS.attempt]: tier,
            }),
          },
        ],
        this.context.publishTimeoutMs,
      );
      return;
    }
    const reason = permanent ? errorMessage(error) : `${RETRIES_EXHAUSTED}: ${errorMessage(error)}`;
    logger.warn(
      permanent
        ? 'message dead-lettered: permanent error'
        : 'message dead-lettered: retries exhausted',
      context,
    );
    await confirmAll(
      channel,
      [
        {
          exchange: '',
          routingKey: names.deadLetterQueue(this.service),
          content: message.content,
          options: this.context.republishOptions(message, inbound.routingKey, {
            [TRANSPORT_HEADERS.attempt]: inbound.attempt,
            [TRANSPORT_HEADERS.deadLetterId]: randomUUID(),
            [TRANSPORT_HEADERS.reason]: truncateReason(reason),
            [TRANSPORT_HEADERS.attempts]: inbound.attempt + 1,
            [TRANSPORT_HEADERS.deadLetteredAt]: new Date().toISOString(),
          }),
        },
      ],
      this.context.publishTimeoutMs,
    );
  }
}

/** Acks/rejects; a closed channel (connection lost, stopped) only means the broker already requeued it. */
function settle(logger: MessagingLogger, action: () => void): void {
  try {
    action();
  } catch (error) {
    logger.debug?.('could not settle a message (its channel is closed; the broker redelivers it)', {
      error: errorMessage(error),
    });
  }
}

/**
 * Publishes on a confirm channel without waiting between messages (pipelined), pausing only for
 * `drain`, and resolves once every one is confirmed; rejects on a nack, a closed channel or timeout.
 */
async function confirmAll(
  channel: ConfirmChannel,
  publications: Publication[],
  timeoutMs: number,
): Promise<void> {
  const confirms: Promise<void>[] = [];
  for (const publication of publications) {
    let outcome!: { resolve: () => void; reject: (error: Error) => void };
    const confirmed = new Promise<void>((resolve, reject) => {
      outcome = { resolve, reject };
    });
    confirmed.catch(() => undefined); // observed by Promise.all below
    confirms.push(confirmed);
    let accepted: boolean;
    try {
      accepted = channel.publish(
        publication.exchange,
        publication.routingKey,
        publication.content,
        publication.options,
        (error: unknown) => {
          if (error === null || error === undefined) outcome.resolve();
          else
            outcome.reject(
              error instanceof Error
                ? error
                : new Error(`publish not confirmed: ${errorMessage(error)}`),
            );
        },
      );
    } catch (error) {
      // The channel is closed: this and the rest of the batch are not published.
      outcome.reject(error instanceof Error ? error : new Error(errorMessage(error)));
      break;
    }
    if (!accepted) await drained(channel);
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`publish not confirmed within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([Promise.all(confirms), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function drained(channel: Channel): Promise<void> {
  await new Promise<void>((resolve) => {
    const done = (): void => {
      channel.off('drain', done);
      channel.off('close', done);
      resolve();
    };
    channel.on('drain', done);
    channel.on('close', done);
  });
}

/** Runs `work` on a throw-away channel, closed afterwards (if the work did not break it). */
async function withChannel<T>(
  connection: ChannelModel,
  logger: MessagingLogger,
  work: (channel: Channel) => Promise<T>,
): Promise<T> {
  const channel = await connection.createChannel();
  let closed = false;
  channel.on('close', () => {
    closed = true;
  });
  channel.on('error', (error: unknown) =>
    logger.debug?.('topology channel error', { error: errorMessage(error) }),
  );
  try {
    return await work(channel);
  } finally {
    if (!closed) await channel.close().catch(() => undefined);
  }
}

/** A channel closed by the broker with 404 NOT_FOUND (no such queue or exchange). */
function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 404;
}

/** The fields of RabbitMQ's `x-death` entries this transport reads, newest first. */
interface Death {
  reason: string;
  queue: string;
  count: number;
  /** Seconds since the epoch. */
  time: number | undefined;
  routingKeys: string[];
}

function xDeaths(headers: Record<string, unknown> | undefined): Death[] {
  const raw = headers?.['x-death'];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown): Death[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const record = entry as Record<string, unknown>;
    const time = record['time'];
    const seconds =
      typeof time === 'object' &&
      time !== null &&
      typeof (time as { value?: unknown }).value === 'number'
        ? (time as { value: number }).value
        : undefined;
    const keys = record['routing-keys'];
    return [
      {
        reason: typeof record['reason'] === 'string' ? record['reason'] : 'unknown',
        queue: typeof record['queue'] === 'string' ? record['queue'] : '',
        count: typeof record['count'] === 'number' ? record['count'] : 0,
        time: seconds,
        routingKeys: Array.isArray(keys)
          ? keys.filter((key): key is string => typeof key === 'string')
          : [],
      },
    ];
  });
}
