import { randomUUID } from 'node:crypto';
import { CAMPAIGN_DRAFTED_V1, type IntegrationEvent } from '@ttkt/contracts';
import {
  EventStore,
  type EventStoreLogger,
  type LogPosition,
  type StoredEvent,
} from '@ttkt/event-store';
import { closeVhostConnections, createTestVhost, eventually, type TestVhost } from '@ttkt/testing';
import { OutboxRelay } from '../../src/relay';
import {
  TransportUnavailableError,
  type EventTransport,
  type InboundMessage,
  type OutboundMessage,
  type Subscription,
} from '../../src/transport';
import { InProcessTransport } from '../../src/transport/in-process-transport';
import { RabbitTransport } from '../../src/transport/rabbit-transport';
import { createEventStoreSchema, type EventStoreSchema } from '../support/event-store-schema';
import { DelegatingTransport } from './fixtures/delegating-transport';

const TENANT = 'bac-kan';

/** The campaign service's stored events in these tests: one published, one internal. */
type TestEvent =
  | StoredEvent<'CampaignDrafted', { campaignId: string; title: string }>
  | StoredEvent<'DraftNoteAdded', { note: string }>;

/** The tests' `toContract`: drafts become `campaign.drafted.v1`, notes stay inside. */
function toContract(store: EventStore): (event: StoredEvent) => IntegrationEvent | null {
  return (stored) => {
    const event = stored as TestEvent;
    switch (event.type) {
      case 'CampaignDrafted':
        return {
          id: event.eventId,
          type: CAMPAIGN_DRAFTED_V1,
          tenantId: event.tenantId,
          occurredAt: event.metadata.occurredAt,
          source: {
            service: 'campaign',
            streamId: event.streamId,
            streamVersion: event.streamPosition,
            position: store.toToken({
              transactionId: event.transactionId,
              globalPosition: event.globalPosition,
            }),
          },
          data: {
            campaignId: event.data.campaignId,
            agencyId: 'so-khcn-bac-kan',
            title: event.data.title,
            status: 'draft',
            draftedAt: event.metadata.occurredAt,
          },
        };
      case 'DraftNoteAdded':
        return null;
    }
  };
}

/** Keeps the follower's failure reports for assertions instead of printing them. */
function recordingLogger(): EventStoreLogger & {
  errors: Array<Record<string, unknown> | undefined>;
} {
  const errors: Array<Record<string, unknown> | undefined> = [];
  return {
    errors,
    error: (_message, meta) => errors.push(meta),
    warn: () => undefined,
    info: () => undefined,
  };
}

/** A transport whose `publish` fails, as during a broker outage, until told otherwise. */
class OutageTransport extends DelegatingTransport {
  failing = true;
  attempts = 0;

  override async publish(messages: OutboundMessage[]): Promise<void> {
    this.attempts += 1;
    if (this.failing) throw new TransportUnavailableError('broker unreachable (simulated)');
    await this.inner.publish(messages);
  }
}

let vhost: TestVhost;
beforeAll(async () => {
  vhost = await createTestVhost('msg_relay');
});
afterAll(async () => {
  await vhost?.drop();
});

interface TransportMode {
  name: string;
  create(prefix: string): Promise<EventTransport>;
}

const modes: TransportMode[] = [
  {
    name: 'RabbitMQ',
    async create(prefix) {
      const transport = new RabbitTransport({
        url: vhost.url,
        prefix,
        connectionName: `${prefix}-relay-test`,
      });
      await transport.start();
      return transport;
    },
  },
  { name: 'in-process', create: () => Promise.resolve(new InProcessTransport()) },
];

let prefixes = 0;

describe.each(modes)('the outbox relay over $name', (mode) => {
  let schema: EventStoreSchema;
  let store: EventStore;
  let transport: EventTransport;
  let received: InboundMessage[];
  let subscription: Subscription;
  const relays: OutboxRelay[] = [];

  beforeEach(async () => {
    schema = await createEventStoreSchema('msg_relay');
    store = new EventStore({ pool: schema.pool, schema: schema.name, service: 'campaign' });
    prefixes += 1;
    transport = await mode.create(`r${prefixes}`);
    received = [];
    subscription = await transport.subscribe({
      service: 'dashboard',
      routingKeys: ['campaign.#'],
      handler: (message) => {
        received.push(message);
        return Promise.resolve();
      },
    });
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await subscription.stop();
    await transport.close();
    await schema.drop();
  });

  function startRelay(
    options: { transport?: EventTransport; logger?: EventStoreLogger } = {},
  ): OutboxRelay {
    const relay = new OutboxRelay({
      store,
      transport: options.transport ?? transport,
      service: 'campaign',
      toContract: toContract(store),
      logger: options.logger ?? recordingLogger(),
      errorBackoff: { initialMs: 10, maxMs: 50 },
    });
    relays.push(relay);
    void relay.start();
    return relay;
  }

  async function draft(title: string): Promise<{ eventId: string; position: LogPosition }> {
    const eventId = randomUUID();
    const campaignId = randomUUID();
    const result = await store.append(
      { tenantId: TENANT, streamId: `campaign-${campaignId}` },
      'no-stream',
      [{ type: 'CampaignDrafted', data: { campaignId, title }, eventId }],
    );
    return { eventId, position: result.lastPosition };
  }

  async function note(text: string): Promise<{ eventId: string; position: LogPosition }> {
    const eventId = randomUUID();
    const result = await store.append(
      { tenantId: TENANT, streamId: `campaign-${randomUUID()}` },
      'any',
      [{ type: 'DraftNoteAdded', data: { note: text }, eventId }],
    );
    return { eventId, position: result.lastPosition };
  }

  /** Message ids received so far, duplicates (redeliveries) removed, in arrival order. */
  function receivedIds(): string[] {
    return [...new Set(received.map((m) => m.messageId))];
  }

  it('publishes the contract events in log order, as envelopes keyed by event id, leaving internal events out', async () => {
    const first = await draft('Thi đua năm 2021');
    await note('internal only');
    const third = await draft('Thi đua chuyên đề');
    const relay = startRelay();

    await expect(relay.waitFor(third.position, 10_000)).resolves.toBe(true);
    await eventually(() => expect(receivedIds()).toEqual([first.eventId, third.eventId]));

    const [message] = received;
    expect(message?.routingKey).toBe(CAMPAIGN_DRAFTED_V1);
    const envelope = JSON.parse(message?.body ?? '{}') as IntegrationEvent<{ title: string }>;
    expect(envelope).toMatchObject({
      id: first.eventId,
      type: CAMPAIGN_DRAFTED_V1,
      tenantId: TENANT,
      source: { service: 'campaign', streamVersion: 1, position: store.toToken(first.position) },
      data: { title: 'Thi đua năm 2021' },
    });
    expect(await relay.checkpoint()).toEqual(third.position);
  });

  it('keeps its checkpoint while publishing fails and retries the same batch until it goes through', async () => {
    const outage = new OutageTransport(transport);
    const logger = recordingLogger();
    const events = [await draft('một'), await draft('hai'), await draft('ba')];
    const relay = startRelay({ transport: outage, logger });

    await eventually(() => expect(outage.attempts).toBeGreaterThanOrEqual(3));
    expect(await relay.checkpoint()).toBeNull();
    expect(received).toEqual([]);
    expect(logger.errors[0]).toMatchObject({
      service: 'campaign',
      consumer: 'relay',
      errorName: 'TransportUnavailableError',
    });

    outage.failing = false;

    const last = events[events.length - 1];
    if (last === undefined) throw new Error('no events');
    await expect(relay.waitFor(last.position, 10_000)).resolves.toBe(true);
    await eventually(() => expect(receivedIds()).toEqual(events.map((e) => e.eventId)));
  });

  it('resumes from its checkpoint after a restart, without publishing again what it had published', async () => {
    const first = await draft('trước');
    const relay = startRelay();
    await expect(relay.waitFor(first.position, 10_000)).resolves.toBe(true);
    await relay.stop();

    const second = await draft('sau');
    const restarted = startRelay();
    await expect(restarted.waitFor(second.position, 10_000)).resolves.toBe(true);

    await eventually(() =>
      expect(received.map((m) => m.messageId)).toEqual([first.eventId, second.eventId]),
    );
  });

  it('does not publish an event whose envelope id is not the event id, and stops there', async () => {
    const logger = recordingLogger();
    const event = await draft('sai id');
    const relay = new OutboxRelay({
      store,
      transport,
      service: 'campaign',
      toContract: (stored) => {
        const contract = toContract(store)(stored);
        return contract === null ? null : { ...contract, id: randomUUID() };
      },
      logger,
      errorBackoff: { initialMs: 10, maxMs: 50 },
    });
    relays.push(relay);
    await relay.start();

    await eventually(() => expect(logger.errors.length).toBeGreaterThanOrEqual(2));
    expect(logger.errors[0]?.['error']).toMatch(new RegExp(`mapped event ${event.eventId}`));
    expect(await relay.checkpoint()).toBeNull();
    expect(received).toEqual([]);
  });

  if (mode.name === 'RabbitMQ') {
    it('publishes what was appended while the broker had closed its connection', async () => {
      const first = await draft('trước khi mất kết nối');
      const relay = startRelay();
      await expect(relay.waitFor(first.position, 10_000)).resolves.toBe(true);

      await closeVhostConnections(vhost.name);
      const later = [await draft('trong lúc mất kết nối'), await draft('sau đó')];

      const last = later[later.length - 1];
      if (last === undefined) throw new Error('no events');
      await expect(relay.waitFor(last.position, 30_000)).resolves.toBe(true);
      await eventually(
        () => expect(receivedIds()).toEqual([first.eventId, ...later.map((e) => e.eventId)]),
        {
          timeoutMs: 30_000,
        },
      );
    });
  }
});
