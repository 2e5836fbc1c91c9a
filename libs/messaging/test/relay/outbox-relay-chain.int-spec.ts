import { randomUUID } from 'node:crypto';
import { CAMPAIGN_DRAFTED_V1, type IntegrationEvent } from '@ttkt/contracts';
import { EventStore, type LogPosition, type StoredEvent } from '@ttkt/event-store';
import { eventually } from '@ttkt/testing';
import { OutboxRelay } from '../../src/relay';
import {
  TransportUnavailableError,
  type InboundMessage,
  type OutboundMessage,
  type Subscription,
} from '../../src/transport';
import { InProcessTransport } from '../../src/transport/in-process-transport';
import { createEventStoreSchema, type EventStoreSchema } from '../support/event-store-schema';
import { DelegatingTransport } from './fixtures/delegating-transport';

/**
 * `source.previousPosition`: every envelope the relay publishes names the position of the previous
 * published event, so that a consumer can tell it holds everything published up to an event. The
 * links depend on the log alone: internal events are skipped, and a restarted relay, a relay that
 * lost and regained ownership, and a retried batch all stamp the same links.
 */
const TENANT = 'bac-kan';

/** Drafts are published as `campaign.drafted.v1`; notes stay inside the service. */
function toContract(store: EventStore): (event: StoredEvent) => IntegrationEvent | null {
  return (event) => {
    if (event.type !== 'CampaignDrafted') return null;
    const data = event.data as { campaignId: string; title: string };
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
        // The relay owns this field: whatever the mapping puts here is replaced.
        previousPosition: 'campaign:1.1',
      },
      data: {
        campaignId: data.campaignId,
        agencyId: 'so-khcn-bac-kan',
        title: data.title,
        status: 'draft',
        draftedAt: event.metadata.occurredAt,
      },
    };
  };
}

const quietLogger = { error: () => undefined, warn: () => undefined, info: () => undefined };

/** Fails the first `failures` publishes (after noting what they carried), then delegates. */
class FlakyTransport extends DelegatingTransport {
  readonly attempts: OutboundMessage[][] = [];

  constructor(
    inner: InProcessTransport,
    private failures: number,
  ) {
    super(inner);
  }

  override async publish(messages: OutboundMessage[]): Promise<void> {
    this.attempts.push(messages);
    if (this.failures > 0) {
      this.failures -= 1;
      throw new TransportUnavailableError('broker unreachable (simulated)');
    }
    await this.inner.publish(messages);
  }
}

describe('the outbox relay chains what it publishes', () => {
  let schema: EventStoreSchema;
  let store: EventStore;
  let transport: InProcessTransport;
  let received: InboundMessage[];
  let subscription: Subscription;
  const relays: OutboxRelay[] = [];

  beforeEach(async () => {
    schema = await createEventStoreSchema('msg_chain');
    store = new EventStore({ pool: schema.pool, schema: schema.name, service: 'campaign' });
    transport = new InProcessTransport();
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

  function newRelay(options: { batchSize?: number; transport?: DelegatingTransport } = {}) {
    const relay = new OutboxRelay({
      store,
      transport: options.transport ?? transport,
      service: 'campaign',
      toContract: toContract(store),
      batchSize: options.batchSize ?? 2,
      logger: quietLogger,
      errorBackoff: { initialMs: 10, maxMs: 50 },
      pollIntervalMs: 50,
    });
    relays.push(relay);
    return relay;
  }

  /** Appends a published event; returns its id and its token. */
  async function draft(title: string): Promise<{ id: string; token: string; at: LogPosition }> {
    const eventId = randomUUID();
    const campaignId = randomUUID();
    const { lastPosition } = await store.append(
      { tenantId: TENANT, streamId: `campaign-${campaignId}` },
      'no-stream',
      [{ type: 'CampaignDrafted', data: { campaignId, title }, eventId }],
    );
    return { id: eventId, token: store.toToken(lastPosition), at: lastPosition };
  }

  /** Appends `count` internal events (in one transaction each); returns the last position. */
  async function notes(count: number): Promise<LogPosition> {
    let last: LogPosition | undefined;
    for (let i = 0; i < count; i += 1) {
      const result = await store.append(
        { tenantId: TENANT, streamId: `note-${randomUUID()}` },
        'no-stream',
        [{ type: 'DraftNoteAdded', data: { note: `ghi chú ${i}` } }],
      );
      last = result.lastPosition;
    }
    if (last === undefined) throw new Error('no notes appended');
    return last;
  }

  /** Each received envelope's id → its `source.previousPosition` (null when absent). */
  function links(): Map<string, string | null> {
    const byId = new Map<string, string | null>();
    for (const message of received) {
      const envelope = JSON.parse(message.body) as IntegrationEvent;
      byId.set(envelope.id, envelope.source.previousPosition ?? null);
    }
    return byId;
  }

  async function relayed(relay: OutboxRelay, through: LogPosition): Promise<void> {
    await expect(relay.waitFor(through, 10_000)).resolves.toBe(true);
  }

  it('links every published event to the previous published one, skipping internal events, across batches', async () => {
    await notes(1);
    const a = await draft('một');
    await notes(1);
    const b = await draft('hai');
    const c = await draft('ba');
    await notes(2);
    const d = await draft('bốn');
    const relay = newRelay({ batchSize: 2 });
    await relay.start();

    await relayed(relay, d.at);
    await eventually(() => expect(received).toHaveLength(4));
    expect(received.map((message) => message.messageId)).toEqual([a.id, b.id, c.id, d.id]);
    expect(Object.fromEntries(links())).toEqual({
      [a.id]: null,
      [b.id]: a.token,
      [c.id]: b.token,
      [d.id]: c.token,
    });
  });

  it('finds the last published event again after a restart from its checkpoint, reading back over internal events', async () => {
    const relay = newRelay({ batchSize: 2 });
    await relay.start();
    const a = await draft('trước');
    const b = await draft('trước nữa');
    const checkpoint = await notes(5);
    await relayed(relay, checkpoint);
    await relay.stop();
    expect(await relay.checkpoint()).toEqual(checkpoint);

    const c = await draft('sau khi khởi động lại');
    const restarted = newRelay({ batchSize: 2 });
    await restarted.start();
    await relayed(restarted, c.at);

    await eventually(() => expect(received).toHaveLength(3));
    expect(Object.fromEntries(links())).toEqual({
      [a.id]: null,
      [b.id]: a.token,
      [c.id]: b.token,
    });
  });

  it('starts the chain at the first published event when only internal events came before the checkpoint', async () => {
    const relay = newRelay({ batchSize: 2 });
    await relay.start();
    const checkpoint = await notes(3);
    await relayed(relay, checkpoint);
    await relay.stop();

    const first = await draft('đầu tiên');
    const restarted = newRelay({ batchSize: 2 });
    await restarted.start();
    await relayed(restarted, first.at);

    await eventually(() => expect(received).toHaveLength(1));
    expect(Object.fromEntries(links())).toEqual({ [first.id]: null });
  });

  it('does not trust what it remembers when another owner moved the checkpoint meanwhile', async () => {
    const one = newRelay();
    await one.start();
    const a = await draft('chủ thứ nhất');
    await relayed(one, a.at);
    await one.stop();

    const two = newRelay();
    await two.start();
    const b = await draft('chủ thứ hai');
    await relayed(two, b.at);
    await two.stop();

    // The first instance owns the log again; it last published `a`, but `b` came after.
    await one.start();
    const c = await draft('lại chủ thứ nhất');
    await relayed(one, c.at);

    await eventually(() => expect(received).toHaveLength(3));
    expect(Object.fromEntries(links())).toEqual({
      [a.id]: null,
      [b.id]: a.token,
      [c.id]: b.token,
    });
  });

  it('stamps a batch that failed and is published again with the same links', async () => {
    const a = await draft('một');
    const relay = newRelay();
    await relay.start();
    await relayed(relay, a.at);

    const flaky = new FlakyTransport(transport, 2);
    await relay.stop();
    const retrying = newRelay({ transport: flaky, batchSize: 10 });
    const b = await draft('hai');
    await notes(1);
    const c = await draft('ba');
    // The relay reads below the server-wide xid horizon: wait until `c` is there, so the first
    // attempt already holds b and c (another session's open transaction may hold it back).
    await eventually(async () =>
      expect(
        (await store.readAll({ after: a.at, limit: 10 })).map((event) => event.eventId),
      ).toContain(c.id),
    );
    await retrying.start();
    await relayed(retrying, c.at);

    expect(flaky.attempts).toHaveLength(3);
    const [first, ...retries] = flaky.attempts.map((messages) =>
      messages.map((message) => message.body),
    );
    for (const retry of retries) expect(retry).toEqual(first);
    await eventually(() => expect(received).toHaveLength(3));
    expect(Object.fromEntries(links())).toEqual({
      [a.id]: null,
      [b.id]: a.token,
      [c.id]: b.token,
    });
  });
});
