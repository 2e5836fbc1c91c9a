import { connect, type Options } from 'amqplib';
import { Pool } from 'pg';
import {
  EventStore,
  compareLogPositions,
  hasReached,
  migrateEventStore,
  type LogPosition,
} from '@ttkt/event-store';
import {
  OutboxRelay,
  RabbitTransport,
  rabbitNames,
  type DeadLetter,
  type EventTransport,
  type OutboundMessage,
  type SubscribeOptions,
  type Subscription,
} from '@ttkt/messaging';
import { createTestSchema, type TestSchema } from '@ttkt/testing';
import { CpuMeter } from './machine';
import {
  BENCH_METADATA,
  BENCH_ROUTING_KEY,
  benchEvents,
  benchStream,
  benchToContract,
} from './payload';

/** The consuming service whose quorum queue is bound to the benchmark's routing key. */
const CONSUMER = 'bench-consumer';

/** A fresh event store holding `count` events, ready for a relay to publish. */
export interface RelaySource {
  schema: TestSchema;
  pool: Pool;
  store: EventStore;
  count: number;
  /** The log position of the last event (what the relay's checkpoint must reach). */
  last: LogPosition;
  close(): Promise<void>;
}

/** The outcome of one publishing run. */
export interface PublishRunResult {
  messages: number;
  seconds: number;
  perSecond: number;
  /** Messages in the bound queue afterwards (should equal `messages`). */
  queued: number;
  machineBusy: number | undefined;
  nodeCores: number;
  /** Relay runs only: how long its `transport.publish` calls took (publish + wait for confirms). */
  publishCalls?: number;
  publishSeconds?: number;
}

/** Delegates to a transport and adds up the time spent in `publish` (the relay's confirm waits). */
class TimedTransport implements EventTransport {
  calls = 0;
  seconds = 0;

  constructor(private readonly inner: EventTransport) {}

  async publish(messages: OutboundMessage[]): Promise<void> {
    const start = performance.now();
    try {
      await this.inner.publish(messages);
    } finally {
      this.calls += 1;
      this.seconds += (performance.now() - start) / 1000;
    }
  }

  declareService(service: string, routingKeys: string[]): Promise<void> {
    return this.inner.declareService(service, routingKeys);
  }
  subscribe(options: SubscribeOptions): Promise<Subscription> {
    return this.inner.subscribe(options);
  }
  listDeadLetters(service: string): Promise<DeadLetter[]> {
    return this.inner.listDeadLetters(service);
  }
  replayDeadLetter(service: string, deadLetterId: string): Promise<boolean> {
    return this.inner.replayDeadLetter(service, deadLetterId);
  }
  listUnroutable(): Promise<OutboundMessage[]> {
    return this.inner.listUnroutable();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/**
 * Creates a fresh schema, migrates it and appends `count` events (100 per append, 4 writers, one
 * new stream per append). Closing drops the schema.
 */
export async function prepareRelaySource(
  databaseUrl: string,
  label: string,
  count: number,
): Promise<RelaySource> {
  const schema = await createTestSchema(label);
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 4,
    application_name: 'ttkt-bench-relay',
  });
  const close = async (): Promise<void> => {
    await pool.end().catch(() => undefined);
    await schema.drop();
  };
  try {
    await migrateEventStore({ connectionString: databaseUrl, schema: schema.name });
    const store = new EventStore({ pool, schema: schema.name, service: 'campaign' });
    const perAppend = 100;
    let remaining = count;
    const newest: { last: LogPosition | null } = { last: null };
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (remaining > 0) {
          const n = Math.min(perAppend, remaining);
          remaining -= n;
          const result = await store.append(
            benchStream(),
            'no-stream',
            benchEvents(n),
            BENCH_METADATA,
          );
          const seen = newest.last;
          if (seen === null || compareLogPositions(result.lastPosition, seen) > 0) {
            newest.last = result.lastPosition;
          }
        }
      }),
    );
    const last = newest.last;
    if (last === null) throw new Error('the relay source has no events');
    await waitForHorizon(pool, store, last);
    return { schema, pool, store, count, last, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Waits until `readAll` can return `last`: a transaction left open anywhere in the cluster (another
 * test run's session idle in transaction) holds the log's xid horizon, and the relay cannot publish
 * past it. Timing a relay then would measure the other session, so the bench waits (up to 60 s)
 * and names the culprits if it gives up.
 */
async function waitForHorizon(pool: Pool, store: EventStore, last: LogPosition): Promise<void> {
  const deadline = Date.now() + 60_000;
  let reported = false;
  for (;;) {
    if (hasReached(await store.headPosition(), last)) return;
    const holders = await pool.query<{
      pid: number;
      application_name: string;
      state: string;
      age: string;
    }>(
      `SELECT pid, application_name, state, (now() - xact_start)::text AS age
         FROM pg_stat_activity
        WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
        ORDER BY xact_start LIMIT 5`,
    );
    const who = holders.rows
      .map(
        (row) =>
          `pid ${row.pid} (${row.application_name || 'no name'}, ${row.state}, open ${row.age})`,
      )
      .join(', ');
    if (Date.now() > deadline) {
      throw new Error(
        `the xid horizon stayed below the relay source's last event for 60 s; held by ${who}`,
      );
    }
    if (!reported) {
      process.stdout.write(`  waiting for the xid horizon (open transactions elsewhere: ${who})\n`);
      reported = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Starts an `OutboxRelay` with a `RabbitTransport` (topology declared beforehand, connection up)
 * and times it from `start()` until its checkpoint reaches the source's last event.
 */
export async function runRelay(
  source: RelaySource,
  vhostUrl: string,
  prefix: string,
  batchSize: number | undefined,
): Promise<PublishRunResult> {
  const transport = new RabbitTransport({
    url: vhostUrl,
    prefix,
    connectionName: `bench-relay-${prefix}`,
  });
  try {
    await transport.declareService(CONSUMER, [BENCH_ROUTING_KEY]);
    const timed = new TimedTransport(transport);
    const relay = new OutboxRelay({
      store: source.store,
      transport: timed,
      service: 'campaign',
      toContract: benchToContract,
      ...(batchSize !== undefined ? { batchSize } : {}),
    });
    const meter = new CpuMeter();
    const start = performance.now();
    await relay.start();
    const reached = await relay.waitFor(source.last, 120_000);
    const seconds = (performance.now() - start) / 1000;
    const cpu = meter.stop();
    await relay.stop();
    if (!reached)
      throw new Error(`relay did not reach the last event within 120 s (prefix ${prefix})`);
    const queued = await drainQueueCount(vhostUrl, transport.names.serviceQueue(CONSUMER));
    return {
      messages: source.count,
      seconds,
      perSecond: source.count / seconds,
      queued,
      ...cpu,
      publishCalls: timed.calls,
      publishSeconds: timed.seconds,
    };
  } finally {
    await transport.close();
  }
}

/** One message as the relay publishes it. */
export interface RawMessage {
  messageId: string;
  body: string;
}

/** The messages the relay would publish for the source's events (same ids, same JSON bodies). */
export async function relayMessages(source: RelaySource): Promise<RawMessage[]> {
  const messages: RawMessage[] = [];
  let after: LogPosition | null = null;
  for (;;) {
    const page = await source.store.readAll({ after, limit: 5000 });
    for (const event of page) {
      messages.push({ messageId: event.eventId, body: JSON.stringify(benchToContract(event)) });
    }
    const last = page[page.length - 1];
    if (last === undefined || page.length < 5000) break;
    after = { transactionId: last.transactionId, globalPosition: last.globalPosition };
  }
  return messages;
}

/**
 * The reference: plain amqplib on a confirm channel publishing the same messages (persistent,
 * `messageId`, same properties as the transport) to the same topology (declared by a
 * `RabbitTransport` under `prefix`, then closed), keeping at most `window` unconfirmed.
 */
export async function runRawPublish(
  vhostUrl: string,
  prefix: string,
  messages: RawMessage[],
  window: number,
): Promise<PublishRunResult> {
  const topology = new RabbitTransport({ url: vhostUrl, prefix });
  try {
    await topology.declareService(CONSUMER, [BENCH_ROUTING_KEY]);
  } finally {
    await topology.close();
  }
  const names = rabbitNames(prefix);
  const connection = await connect(vhostUrl, {
    clientProperties: { connection_name: `bench-raw-${prefix}` },
  });
  try {
    const channel = await connection.createConfirmChannel();
    const meter = new CpuMeter();
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let inFlight = 0;
      let confirmed = 0;
      let waitingForDrain = false;
      let failed = false;
      channel.on('error', (error: unknown) => {
        failed = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      });
      const pump = (): void => {
        while (!failed && !waitingForDrain && inFlight < window && next < messages.length) {
          const message = messages[next];
          next += 1;
          if (message === undefined) break;
          inFlight += 1;
          const options: Options.Publish = {
            persistent: true,
            messageId: message.messageId,
            type: BENCH_ROUTING_KEY,
            contentType: 'application/json',
            timestamp: Math.floor(Date.now() / 1000),
            headers: {},
          };
          const accepted = channel.publish(
            names.events,
            BENCH_ROUTING_KEY,
            Buffer.from(message.body, 'utf8'),
            options,
            (error: unknown) => {
              inFlight -= 1;
              if (error !== null && error !== undefined) {
                failed = true;
                reject(error instanceof Error ? error : new Error('raw publish nacked'));
                return;
              }
              confirmed += 1;
              if (confirmed === messages.length) resolve();
              else pump();
            },
          );
          if (!accepted) {
            waitingForDrain = true;
            channel.once('drain', () => {
              waitingForDrain = false;
              pump();
            });
          }
        }
      };
      if (messages.length === 0) resolve();
      else pump();
    });
    const seconds = (performance.now() - start) / 1000;
    const cpu = meter.stop();
    await channel.close();
    const queued = await drainQueueCount(vhostUrl, names.serviceQueue(CONSUMER));
    return {
      messages: messages.length,
      seconds,
      perSecond: messages.length / seconds,
      queued,
      ...cpu,
    };
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** The queue's message count, then the queue is purged so the next run meets an empty broker. */
async function drainQueueCount(vhostUrl: string, queue: string): Promise<number> {
  const connection = await connect(vhostUrl);
  try {
    const channel = await connection.createChannel();
    const { messageCount } = await channel.checkQueue(queue);
    await channel.purgeQueue(queue);
    await channel.close();
    return messageCount;
  } finally {
    await connection.close().catch(() => undefined);
  }
}
