import { deferred, eventually } from '@ttkt/testing';
import type { Pool } from 'pg';
import {
  startIntegrationConsumer,
  type IntegrationInbox,
} from '../../src/consumer/integration-consumer';
import {
  DELIVERY_LIMIT,
  PermanentError,
  type EventTransport,
  type InboundMessage,
  type MessagingLogger,
  type Subscription,
} from '../../src/transport';
import { must, syncHandler } from './handlers';
import { campaignDrafted, messageOf, plainMessage } from './integration-events';

/** A transport under test plus what some cases need around it. */
export interface TransportUnderTest {
  /** A transport on a namespace no other test uses. */
  transport: EventTransport;
  /** Another instance on the same namespace (RabbitMQ: another connection; in-process: the same broker). */
  peer(): Promise<EventTransport>;
  /** Closes everything `create` and `peer` opened. */
  close(): Promise<void>;
}

/** How the contract gets transports and the database its inbox cases use. */
export interface TransportHarness {
  create(options: { retryDelaysMs: number[]; deliveryLimit?: number }): Promise<TransportUnderTest>;
  /** A pool on a schema holding the event store's `inbox` table and a free-form `effects` table. */
  pool(): Pool;
  inbox(): IntegrationInbox;
}

interface Delivery extends InboundMessage {
  at: number;
}

/** Records what a handler was given. */
function recorder(): {
  deliveries: Delivery[];
  handler: (message: InboundMessage) => Promise<void>;
} {
  const deliveries: Delivery[] = [];
  return {
    deliveries,
    handler: syncHandler((message) => {
      deliveries.push({ ...message, at: Date.now() });
    }),
  };
}

/**
 * The semantics every {@link EventTransport} keeps, as one suite: run it against each
 * implementation with a harness that isolates each test.
 */
export function defineTransportContract(name: string, harness: TransportHarness): void {
  describe(`${name}: the transport contract`, () => {
    let underTest: TransportUnderTest | undefined;
    const subscriptions: Subscription[] = [];

    async function setUp(
      options: { retryDelaysMs?: number[]; deliveryLimit?: number } = {},
    ): Promise<EventTransport> {
      underTest = await harness.create({
        retryDelaysMs: options.retryDelaysMs ?? [50, 100],
        ...(options.deliveryLimit ? { deliveryLimit: options.deliveryLimit } : {}),
      });
      return underTest.transport;
    }

    async function track(subscription: Promise<Subscription>): Promise<Subscription> {
      const started = await subscription;
      subscriptions.push(started);
      return started;
    }

    /** Subscribes a {@link recorder} as `service`, bound to `routingKeys`, until the test ends. */
    async function subscribeRecorder(
      transport: EventTransport,
      service: string,
      routingKeys: string[],
    ): Promise<ReturnType<typeof recorder>> {
      const recorded = recorder();
      await track(transport.subscribe({ service, routingKeys, handler: recorded.handler }));
      return recorded;
    }

    afterEach(async () => {
      for (const subscription of subscriptions.splice(0)) await subscription.stop();
      await underTest?.close();
      underTest = undefined;
    });

    it('gives every bound service its own copy, and nothing to a service bound elsewhere', async () => {
      const transport = await setUp();
      const a = await subscribeRecorder(transport, 'svc-a', ['campaign.drafted.v1']);
      const b = await subscribeRecorder(transport, 'svc-b', ['campaign.*.v1']);
      const c = await subscribeRecorder(transport, 'svc-c', ['nomination.#']);
      const messages = [1, 2, 3].map((n) =>
        plainMessage('campaign.drafted.v1', { n }, { 'x-trace': `t${n}`, tenant: 'bac-kan' }),
      );
      await transport.publish(messages);

      await eventually(() => {
        expect(a.deliveries.map((d) => d.messageId).sort()).toEqual(
          messages.map((m) => m.messageId).sort(),
        );
        expect(b.deliveries.map((d) => d.messageId).sort()).toEqual(
          messages.map((m) => m.messageId).sort(),
        );
      });
      const first = a.deliveries.find((d) => d.messageId === messages[0]?.messageId);
      expect(first).toMatchObject({
        routingKey: 'campaign.drafted.v1',
        body: messages[0]?.body,
        headers: { 'x-trace': 't1', tenant: 'bac-kan' },
        attempt: 0,
        redelivered: false,
      });
      // A marker for svc-c: its queue is FIFO, so had the earlier messages reached it, they would come first.
      const marker = plainMessage('nomination.submitted.v1');
      await transport.publish([marker]);
      await eventually(() =>
        expect(c.deliveries.map((d) => d.messageId)).toEqual([marker.messageId]),
      );
      expect(a.deliveries).toHaveLength(3);
    });

    it('lets two instances of one service compete: each message handled once, both get some', async () => {
      const transport = await setUp();
      const other = await must(underTest).peer();
      const handledBy = new Map<string, string[]>();
      const instance = (label: string) => async (message: InboundMessage) => {
        handledBy.set(message.messageId, [...(handledBy.get(message.messageId) ?? []), label]);
        // Yield for a moment so the other instance is free to take the next one.
        await new Promise((resolve) => setImmediate(resolve));
      };
      await track(
        transport.subscribe({
          service: 'svc-a',
          routingKeys: ['work.#'],
          prefetch: 1,
          handler: instance('one'),
        }),
      );
      await track(
        other.subscribe({
          service: 'svc-a',
          routingKeys: ['work.#'],
          prefetch: 1,
          handler: instance('two'),
        }),
      );
      const messages = Array.from({ length: 40 }, (_, n) => plainMessage('work.item.v1', { n }));
      await transport.publish(messages);

      await eventually(() => expect(handledBy.size).toBe(40));
      const handlers = [...handledBy.values()];
      expect(handlers.every((labels) => labels.length === 1)).toBe(true);
      expect(handlers.filter(([label]) => label === 'one').length).toBeGreaterThan(0);
      expect(handlers.filter(([label]) => label === 'two').length).toBeGreaterThan(0);
    });

    it('sends a failed message through the retry tiers, to the failing service only, with attempt numbers and delays', async () => {
      const transport = await setUp({ retryDelaysMs: [50, 100] });
      const failing: Delivery[] = [];
      await track(
        transport.subscribe({
          service: 'svc-a',
          routingKeys: ['campaign.drafted.v1'],
          handler: syncHandler((message) => {
            failing.push({ ...message, at: Date.now() });
            if (message.attempt < 2) throw new Error(`fails at attempt ${message.attempt}`);
          }),
        }),
      );
      const other = await subscribeRecorder(transport, 'svc-b', ['campaign.#']);
      const message = plainMessage('campaign.drafted.v1', {}, { tenant: 'bac-kan' });
      await transport.publish([message]);

      await eventually(() => expect(failing.map((d) => d.attempt)).toEqual([0, 1, 2]));
      const [first, second, third] = [must(failing[0]), must(failing[1]), must(failing[2])];
      expect(third).toMatchObject({
        messageId: message.messageId,
        routingKey: 'campaign.drafted.v1',
        body: message.body,
        headers: { tenant: 'bac-kan' },
      });
      // Timers and TTLs never fire early; a few ms of clock granularity aside.
      expect(second.at - first.at).toBeGreaterThanOrEqual(45);
      expect(third.at - second.at).toBeGreaterThanOrEqual(95);

      const marker = plainMessage('campaign.marker.v1');
      await transport.publish([marker]);
      await eventually(() =>
        expect(other.deliveries.map((d) => d.messageId)).toEqual([
          message.messageId,
          marker.messageId,
        ]),
      );
      expect(await transport.listDeadLetters('svc-a')).toEqual([]);
    });

    it('dead-letters a message whose retry tiers are exhausted, with the reason', async () => {
      const transport = await setUp({ retryDelaysMs: [50, 100] });
      const seen: number[] = [];
      await track(
        transport.subscribe({
          service: 'svc-a',
          routingKeys: ['campaign.drafted.v1'],
          handler: syncHandler((message) => {
            seen.push(message.attempt);
            throw new Error('the database is down');
          }),
        }),
      );
      const message = plainMessage('campaign.drafted.v1', {}, { tenant: 'bac-kan' });
      await transport.publish([message]);

      const letter = await eventually(async () => {
        const letters = await transport.listDeadLetters('svc-a');
        expect(letters).toHaveLength(1);
        return must(letters[0]);
      });
      expect(seen).toEqual([0, 1, 2]);
      expect(letter).toMatchObject({
        reason: 'retries-exhausted: the database is down',
        attempts: 3,
        message: {
          messageId: message.messageId,
          routingKey: 'campaign.drafted.v1',
          body: message.body,
          headers: { tenant: 'bac-kan' },
        },
      });
      expect(typeof letter.id).toBe('string');
      expect(Date.parse(letter.deadLetteredAt)).not.toBeNaN();
      expect(await transport.listDeadLetters('svc-b')).toEqual([]);
    });

    it('dead-letters a PermanentError at once, lists dead letters without removing them, oldest first', async () => {
      const transport = await setUp();
      const seen: string[] = [];
      await track(
        transport.subscribe({
          service: 'svc-a',
          routingKeys: ['campaign.#'],
          prefetch: 1,
          handler: syncHandler((message) => {
            seen.push(message.messageId);
            throw new PermanentError(`cannot ever handle ${message.routingKey}`);
          }),
        }),
      );
      const first = plainMessage('campaign.drafted.v1');
      const second = plainMessage('campaign.opened.v1');
      await transport.publish([first]);
      await eventually(async () =>
        expect(await transport.listDeadLetters('svc-a')).toHaveLength(1),
      );
      await transport.publish([second]);
      const letters = await eventually(async () => {
        const listed = await transport.listDeadLetters('svc-a');
        expect(listed).toHaveLength(2);
        return listed;
      });
      expect(seen).toEqual([first.messageId, second.messageId]);
      expect(letters.map((l) => [l.message.messageId, l.reason, l.attempts])).toEqual([
        [first.messageId, 'cannot ever handle campaign.drafted.v1', 1],
        [second.messageId, 'cannot ever handle campaign.opened.v1', 1],
      ]);
      expect(await transport.listDeadLetters('svc-a')).toEqual(letters);
    });

    it('replays a dead letter to its service only, attempt reset; an unknown id replays nothing', async () => {
      const transport = await setUp();
      const deliveries: InboundMessage[] = [];
      let fail = true;
      await track(
        transport.subscribe({
          service: 'svc-a',
          routingKeys: ['campaign.drafted.v1'],
          handler: syncHandler((message) => {
            deliveries.push(message);
            if (fail) throw new PermanentError('not yet');
          }),
        }),
      );
      const other = await subscribeRecorder(transport, 'svc-b', ['campaign.drafted.v1']);
      const message = plainMessage('campaign.drafted.v1', {}, { tenant: 'bac-kan' });
      const keep = plainMessage('campaign.drafted.v1');
      await transport.publish([message, keep]);
      const letters = await eventually(async () => {
        const listed = await transport.listDeadLetters('svc-a');
        expect(listed).toHaveLength(2);
        return listed;
      });
      const letter = must(letters.find((l) => l.message.messageId === message.messageId));

      fail = false;
      expect(await transport.replayDeadLetter('svc-a', 'no-such-dead-letter')).toBe(false);
      expect(await transport.replayDeadLetter('svc-a', letter.id)).toBe(true);
      await eventually(() => expect(deliveries).toHaveLength(3));
      expect(deliveries[2]).toMatchObject({
        messageId: message.messageId,
        routingKey: 'campaign.drafted.v1',
        body: message.body,
        headers: { tenant: 'bac-kan' },
        attempt: 0,
      });
      expect((await transport.listDeadLetters('svc-a')).map((l) => l.message.messageId)).toEqual([
        keep.messageId,
      ]);
      expect(await transport.replayDeadLetter('svc-a', letter.id)).toBe(false);
      const marker = plainMessage('campaign.drafted.v1');
      await transport.publish([marker]);
      await eventually(() =>
        expect(other.deliveries.map((d) => d.messageId)).toEqual([
          message.messageId,
          keep.messageId,
          marker.messageId,
        ]),
      );
    });

    it('absorbs a duplicate delivery with the inbox: the effect happens once', async () => {
      const transport = await setUp();
      const pool = harness.pool();
      const duplicates: string[] = [];
      const logger: MessagingLogger = {
        log: () => undefined,
        warn: () => undefined,
        error: () => undefined,
        debug: (message, context) => {
          if (message === 'duplicate message ignored')
            duplicates.push(String(context?.['messageId']));
        },
      };
      const service = `svc-inbox-${Math.random().toString(36).slice(2, 8)}`;
      await track(
        startIntegrationConsumer({
          transport,
          service,
          routingKeys: ['campaign.drafted.v1'],
          pool,
          inbox: harness.inbox(),
          logger,
          handlers: {
            'campaign.drafted.v1': async (event, client) => {
              await client.query(
                'INSERT INTO effects (consumer, message_id, note) VALUES ($1, $2, $3)',
                [service, event.id, event.data.constructor.name],
              );
            },
          },
        }),
      );
      const event = campaignDrafted();
      await transport.publish([messageOf(event)]);
      await transport.publish([messageOf(event)]);

      await eventually(() => expect(duplicates).toEqual([event.id]));
      const { rows } = await pool.query<{ message_id: string; note: string }>(
        'SELECT message_id, note FROM effects WHERE consumer = $1',
        [service],
      );
      expect(rows).toEqual([{ message_id: event.id, note: 'CampaignDraftedV1' }]);
    });

    it('gives a stopped consumer’s unacknowledged messages to the next one, flagged redelivered', async () => {
      const transport = await setUp();
      const gate = deferred();
      const held: InboundMessage[] = [];
      const first = await transport.subscribe({
        service: 'svc-a',
        routingKeys: ['campaign.#'],
        prefetch: 5,
        handler: async (message) => {
          held.push(message);
          await gate.promise;
        },
      });
      const messages = [plainMessage('campaign.drafted.v1'), plainMessage('campaign.drafted.v1')];
      await transport.publish(messages);
      await eventually(() => expect(held).toHaveLength(2));
      await first.stop();

      const again = await subscribeRecorder(transport, 'svc-a', ['campaign.#']);
      await eventually(() => expect(again.deliveries).toHaveLength(2));
      expect(again.deliveries.map((d) => d.messageId)).toEqual(messages.map((m) => m.messageId));
      expect(again.deliveries.every((d) => d.redelivered && d.attempt === 0)).toBe(true);
      gate.resolve();
      // The stopped consumer's late completion settles nothing: no third delivery, no dead letter.
      const marker = plainMessage('campaign.marker.v1');
      await transport.publish([marker]);
      await eventually(() =>
        expect(again.deliveries.map((d) => d.messageId)).toEqual([
          ...messages.map((m) => m.messageId),
          marker.messageId,
        ]),
      );
      expect(await transport.listDeadLetters('svc-a')).toEqual([]);
    });

    it('dead-letters a message that keeps coming back unsettled past the delivery limit, and replays it', async () => {
      const transport = await setUp({ deliveryLimit: 1 });
      const message = plainMessage('campaign.drafted.v1', {}, { tenant: 'bac-kan' });
      await transport.declareService('svc-a', ['campaign.#']);
      await transport.publish([message]);
      // A consumer that "crashes" (stops) with the message in hand, again and again.
      for (let round = 0; round < 2; round++) {
        const delivered = deferred<InboundMessage>();
        const crashing = await transport.subscribe({
          service: 'svc-a',
          routingKeys: ['campaign.#'],
          handler: async (inbound) => {
            delivered.resolve(inbound);
            await new Promise(() => undefined);
          },
        });
        const inbound = await delivered.promise;
        expect(inbound.redelivered).toBe(round > 0);
        await crashing.stop();
      }
      const letter = await eventually(async () => {
        const letters = await transport.listDeadLetters('svc-a');
        expect(letters).toHaveLength(1);
        return must(letters[0]);
      });
      expect(letter).toMatchObject({
        reason: DELIVERY_LIMIT,
        message: {
          messageId: message.messageId,
          routingKey: 'campaign.drafted.v1',
          body: message.body,
          headers: { tenant: 'bac-kan' },
        },
      });
      expect(letter.attempts).toBe(2);
      expect(await transport.listDeadLetters('svc-a')).toEqual([letter]);

      const after = await subscribeRecorder(transport, 'svc-a', ['campaign.#']);
      expect(await transport.replayDeadLetter('svc-a', letter.id)).toBe(true);
      await eventually(() =>
        expect(after.deliveries.map((d) => [d.messageId, d.attempt, d.redelivered])).toEqual([
          [message.messageId, 0, false],
        ]),
      );
      expect(await transport.listDeadLetters('svc-a')).toEqual([]);
    });

    it('keeps a message no service is bound for in the unroutable queue (listing removes nothing)', async () => {
      const transport = await setUp();
      await transport.declareService('svc-a', ['campaign.#']);
      const lost = plainMessage('nobody.listens.v1', { n: 1 }, { tenant: 'bac-kan' });
      const alsoLost = plainMessage('nobody.listens.v2');
      await transport.publish([lost, alsoLost]);
      const expected = [
        {
          messageId: lost.messageId,
          routingKey: 'nobody.listens.v1',
          body: lost.body,
          headers: { tenant: 'bac-kan' },
        },
        {
          messageId: alsoLost.messageId,
          routingKey: 'nobody.listens.v2',
          body: alsoLost.body,
          headers: {},
        },
      ];
      expect(await transport.listUnroutable()).toEqual(expected);
      expect(await transport.listUnroutable()).toEqual(expected);
    });
  });
}
