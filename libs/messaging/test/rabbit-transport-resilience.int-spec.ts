import { Inbox } from '@ttkt/event-store';
import { closeVhostConnections, deferred, eventually } from '@ttkt/testing';
import { startIntegrationConsumer } from '../src/consumer/integration-consumer';
import {
  TransportUnavailableError,
  type MessagingLogger,
  type Subscription,
} from '../src/transport';
import { RabbitTransport } from '../src/transport/rabbit-transport';
import { useVhostAndEventStoreSchema } from './support/event-store-schema';
import { campaignDrafted, messageOf } from './support/integration-events';

const infra = useVhostAndEventStoreSchema(
  'msg_resilience',
  'CREATE TABLE effects (message_id text NOT NULL, handled_at timestamptz NOT NULL DEFAULT now())',
);

/** Counts what a transport or the consumer reports, and when it first did. */
function countingLogger(): MessagingLogger & {
  counts: Map<string, number>;
  firstAt: Map<string, number>;
} {
  const counts = new Map<string, number>();
  const firstAt = new Map<string, number>();
  const count = (message: string): void => {
    counts.set(message, (counts.get(message) ?? 0) + 1);
    if (!firstAt.has(message)) firstAt.set(message, performance.now());
  };
  return { counts, firstAt, log: count, warn: count, error: count, debug: count };
}

describe('RabbitTransport when the broker closes its connections', () => {
  let consumerSide: RabbitTransport | undefined;
  let publisherSide: RabbitTransport | undefined;
  let subscription: Subscription | undefined;

  afterEach(async () => {
    await subscription?.stop();
    await consumerSide?.close();
    await publisherSide?.close();
  });

  it('resumes consuming and publishing; every effect happens exactly once; publishes during the outage reject, then succeed', async () => {
    const { vhost, schema } = infra;
    const logger = countingLogger();
    const consumerLog = countingLogger();
    const publisherLog = countingLogger();
    consumerSide = new RabbitTransport({
      url: vhost.url,
      prefix: 'res',
      connectionName: 'resilience-consumer',
      retryDelaysMs: [50, 100],
      reconnectDelayMs: { initial: 200, max: 1000 },
      logger: consumerLog,
    });
    // A slower first reconnect on the publishing side keeps its outage long enough to observe.
    publisherSide = new RabbitTransport({
      url: vhost.url,
      prefix: 'res',
      connectionName: 'resilience-publisher',
      reconnectDelayMs: { initial: 1500, max: 3000 },
      logger: publisherLog,
    });
    const events = Array.from({ length: 60 }, () => campaignDrafted());
    const held = events[10]!;
    const holding = deferred();
    const release = deferred();
    let released = false;
    subscription = await startIntegrationConsumer({
      transport: consumerSide,
      service: 'svc-r',
      routingKeys: ['campaign.drafted.v1'],
      pool: schema.pool,
      inbox: new Inbox(schema.name),
      prefetch: 5,
      logger,
      handlers: {
        'campaign.drafted.v1': async (event, client) => {
          await client.query('INSERT INTO effects (message_id) VALUES ($1)', [event.id]);
          if (event.id === held.id && !released) {
            holding.resolve();
            await release.promise; // in the middle of its transaction when the connection goes
          }
        },
      },
    });
    await publisherSide.start();

    let rejected = 0;
    const publishUntilConfirmed = async (index: number): Promise<void> => {
      await eventually(
        async () => {
          try {
            await publisherSide!.publish([messageOf(events[index]!)]);
          } catch (error) {
            rejected++;
            throw error;
          }
        },
        { timeoutMs: 20_000, intervalMs: 50 },
      );
    };

    for (let i = 0; i < 20; i++) await publishUntilConfirmed(i);
    await holding.promise;

    const outageStarted = performance.now();
    await closeVhostConnections(vhost.name);
    const duringOutage = publisherSide.publish([messageOf(events[20]!)]);
    await expect(duringOutage).rejects.toThrow();
    await expect(publisherSide.publish([messageOf(events[20]!)])).rejects.toBeInstanceOf(
      TransportUnavailableError,
    );
    rejected += 2;

    // Keep publishing through the outage as the outbox relay would: retry until confirmed.
    const publishing = (async () => {
      for (let i = 20; i < events.length; i++) await publishUntilConfirmed(i);
    })();
    await eventually(() => expect(consumerSide!.isConnected).toBe(true));
    const consumerBack = performance.now() - outageStarted;
    released = true;
    release.resolve();
    await publishing;
    const publisherBack = performance.now() - outageStarted;

    const ids = events.map((e) => e.id).sort();
    await eventually(
      async () => {
        const { rows } = await schema.pool.query<{ message_id: string }>(
          'SELECT message_id FROM effects',
        );
        expect(rows.map((r) => r.message_id).sort()).toEqual(ids);
      },
      { timeoutMs: 20_000 },
    );
    // The held message came back after the reconnect and was absorbed by the inbox.
    await eventually(() =>
      expect(logger.counts.get('duplicate message ignored') ?? 0).toBeGreaterThanOrEqual(1),
    );
    const { rows: twice } = await schema.pool.query(
      'SELECT message_id FROM effects GROUP BY message_id HAVING count(*) > 1',
    );
    expect(twice).toEqual([]);
    expect(rejected).toBeGreaterThanOrEqual(2);
    for (const log of [consumerLog, publisherLog]) {
      expect(log.counts.get('RabbitMQ connection lost; reconnecting')).toBe(1);
      expect(log.counts.get('RabbitMQ connection re-established')).toBe(1);
    }
    const downtime = (log: typeof consumerLog): string =>
      (
        (log.firstAt.get('RabbitMQ connection re-established') ?? NaN) -
        (log.firstAt.get('RabbitMQ connection lost; reconnecting') ?? NaN)
      ).toFixed(0);
    expect(await consumerSide.listDeadLetters('svc-r')).toEqual([]);
    expect(await publisherSide.listUnroutable()).toEqual([]);
    process.stdout.write(
      `resilience: rabbitmqctl to consumer up again ${consumerBack.toFixed(0)} ms (consumer down ${downtime(consumerLog)} ms, publisher down ${downtime(publisherLog)} ms); publishing done after ${publisherBack.toFixed(0)} ms; ${rejected} publish calls rejected\n`,
    );
  });
});
