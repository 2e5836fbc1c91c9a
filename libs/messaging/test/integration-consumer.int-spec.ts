import { randomUUID } from 'node:crypto';
import { CampaignDraftedV1, type IntegrationEvent } from '@ttkt/contracts';
import { Inbox, VersionConflict } from '@ttkt/event-store';
import { eventually } from '@ttkt/testing';
import {
  startIntegrationConsumer,
  type IntegrationEventHandler,
} from '../src/consumer/integration-consumer';
import type { DeadLetter, Subscription } from '../src/transport';
import { InProcessTransport } from '../src/transport/in-process-transport';
import { createEventStoreSchema, type EventStoreSchema } from './support/event-store-schema';
import { syncHandler } from './support/handlers';
import { campaignDrafted, messageOf } from './support/integration-events';

let schema: EventStoreSchema;
let transport: InProcessTransport;
let subscription: Subscription | undefined;
let service: string;

beforeAll(async () => {
  schema = await createEventStoreSchema('msg_consumer');
  await schema.pool.query(
    'CREATE TABLE effects (consumer text NOT NULL, message_id text NOT NULL, attempt int NOT NULL)',
  );
});

beforeEach(() => {
  transport = new InProcessTransport({ retryDelaysMs: [20, 40] });
  service = `svc-${randomUUID().slice(0, 8)}`;
});

afterEach(async () => {
  await subscription?.stop();
  subscription = undefined;
  await transport.close();
});

afterAll(async () => {
  await schema?.drop();
});

async function start(
  handlers: Record<string, IntegrationEventHandler>,
  routingKeys = ['#'],
): Promise<void> {
  subscription = await startIntegrationConsumer({
    transport,
    service,
    routingKeys,
    pool: schema.pool,
    inbox: new Inbox(schema.name),
    handlers,
  });
}

async function effects(): Promise<Array<{ message_id: string; attempt: number }>> {
  const { rows } = await schema.pool.query<{ message_id: string; attempt: number }>(
    'SELECT message_id, attempt FROM effects WHERE consumer = $1 ORDER BY attempt',
    [service],
  );
  return rows;
}

async function inboxed(): Promise<string[]> {
  const { rows } = await schema.pool.query<{ message_id: string }>(
    `SELECT message_id FROM "${schema.name}".inbox WHERE consumer = $1`,
    [service],
  );
  return rows.map((r) => r.message_id);
}

async function oneDeadLetter(): Promise<DeadLetter> {
  return eventually(async () => {
    const letters = await transport.listDeadLetters(service);
    expect(letters).toHaveLength(1);
    return letters[0]!;
  });
}

describe('startIntegrationConsumer', () => {
  it('hands the validated event, payload as its contract class, to the handler inside the inbox transaction', async () => {
    const received: IntegrationEvent[] = [];
    await start({
      'campaign.drafted.v1': async (event, client) => {
        received.push(event);
        await client.query('INSERT INTO effects VALUES ($1, $2, 0)', [service, event.id]);
      },
    });
    const event = campaignDrafted();
    await transport.publish([messageOf(event)]);
    await eventually(async () =>
      expect(await effects()).toEqual([{ message_id: event.id, attempt: 0 }]),
    );
    expect(received[0]?.data).toBeInstanceOf(CampaignDraftedV1);
    expect(received[0]).toMatchObject({
      id: event.id,
      type: 'campaign.drafted.v1',
      tenantId: 'bac-kan',
      source: { streamVersion: 1 },
    });
    expect(await inboxed()).toEqual([event.id]);
  });

  it('rolls back the effect and the inbox claim when the handler fails, and succeeds on the retry exactly once', async () => {
    let failures = 0;
    await start({
      'campaign.drafted.v1': async (event, client) => {
        const { rows } = await client.query<{ n: string }>(
          'SELECT count(*) AS n FROM effects WHERE consumer = $1',
          [service],
        );
        await client.query('INSERT INTO effects VALUES ($1, $2, $3)', [
          service,
          event.id,
          Number(rows[0]?.n ?? 0),
        ]);
        const { rows: claimed } = await client.query(
          `SELECT 1 FROM "${schema.name}".inbox WHERE consumer = $1`,
          [service],
        );
        if (claimed.length !== 1) throw new Error('the inbox claim is not in this transaction');
        if (failures++ === 0) throw new Error('transient');
      },
    });
    const event = campaignDrafted();
    await transport.publish([messageOf(event)]);
    // Attempt 0 wrote a row then failed: rolled back, so the retry still sees no row (attempt column 0).
    await eventually(async () =>
      expect(await effects()).toEqual([{ message_id: event.id, attempt: 0 }]),
    );
    expect(failures).toBe(2);
    expect(await inboxed()).toEqual([event.id]);
  });

  it('retries a lost version race at once in a fresh transaction, without waiting for a retry tier', async () => {
    // Retry tiers of a minute: had the conflict gone through them, the test would time out.
    await transport.close();
    transport = new InProcessTransport({ retryDelaysMs: [60_000] });
    let calls = 0;
    await start({
      'campaign.drafted.v1': async (event, client) => {
        calls += 1;
        await client.query('INSERT INTO effects VALUES ($1, $2, $3)', [service, event.id, calls]);
        if (calls <= 2) throw new VersionConflict('bac-kan', 'register-x-2021', 3, 4, 'xid-order');
      },
    });
    const event = campaignDrafted();
    await transport.publish([messageOf(event)]);
    await eventually(async () =>
      expect(await effects()).toEqual([{ message_id: event.id, attempt: 3 }]),
    );
    expect(calls).toBe(3);
    expect(await inboxed()).toEqual([event.id]);
  });

  it.each([
    [
      'a body that is not JSON',
      () => ({ messageId: randomUUID(), routingKey: 'campaign.drafted.v1', body: '{oops' }),
      /^body is not JSON/,
    ],
    [
      'a broken envelope',
      () => {
        const event = campaignDrafted({ tenantId: '' });
        return messageOf(event);
      },
      /^invalid integration event envelope: tenantId: tenantId should not be empty/,
    ],
    [
      'a payload that breaks its contract',
      () =>
        messageOf(
          campaignDrafted({
            data: { ...campaignDrafted().data, title: '', status: 'open' as 'draft' },
          }),
        ),
      /^invalid campaign.drafted.v1 payload: data.title: title should not be empty; data.status: status must be one of the following values: draft$/,
    ],
    [
      'an envelope whose id is not the message id',
      () => ({ ...messageOf(campaignDrafted()), messageId: randomUUID() }),
      /^envelope id .* differs from the message id/,
    ],
  ])(
    'dead-letters %s at once, without running the handler or claiming the inbox',
    async (_case, build, reason) => {
      let calls = 0;
      await start({
        '#': syncHandler(() => {
          calls++;
        }),
      });
      const message = build();
      await transport.publish([message]);
      const letter = await oneDeadLetter();
      expect(letter.reason).toMatch(reason);
      expect(letter.attempts).toBe(1);
      expect(letter.message.messageId).toBe(message.messageId);
      expect(calls).toBe(0);
      expect(await inboxed()).toEqual([]);
    },
  );

  // `sandbox.*` names no contract event, now or later: the consumer takes them unvalidated.
  it('dead-letters an event no handler takes; pattern handlers take unregistered types; exact keys win', async () => {
    const taken: string[] = [];
    await start(
      {
        'sandbox.#': syncHandler((event: IntegrationEvent) => {
          taken.push(`pattern:${event.type}`);
        }),
        'sandbox.tried.v1': syncHandler((event: IntegrationEvent) => {
          taken.push(`exact:${event.type}`);
        }),
      },
      ['sandbox.#', 'campaign.#'],
    );
    const submitted = campaignDrafted({
      type: 'sandbox.tried.v1',
      data: { nominee: 'x' } as never,
    });
    const withdrawn = campaignDrafted({
      type: 'sandbox.dropped.v1',
      data: { nominee: 'x' } as never,
    });
    const unhandled = campaignDrafted();
    await transport.publish([messageOf(submitted), messageOf(withdrawn), messageOf(unhandled)]);
    const letter = await oneDeadLetter();
    expect(letter.reason).toBe(`${service} has no handler for campaign.drafted.v1`);
    await eventually(() =>
      expect(taken.sort()).toEqual(['exact:sandbox.tried.v1', 'pattern:sandbox.dropped.v1']),
    );
  });
});
