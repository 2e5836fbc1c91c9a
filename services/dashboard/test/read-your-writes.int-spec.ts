import { randomUUID } from 'node:crypto';
import {
  CAMPAIGN_DRAFTED_V1,
  GET_CAMPAIGN_STATUS,
  type CampaignDraftedV1,
  type CampaignStatusView,
  type IntegrationEvent,
} from '@ttkt/contracts';
import {
  createRpcClient,
  InProcessRpcBroker,
  InProcessTransport,
  RemoteDomainError,
  rpcServerOptions,
  type CommandSender,
  type RunningService,
} from '@ttkt/messaging';
import { createTestSchema, eventually, testDatabaseUrl, type TestSchema } from '@ttkt/testing';
import { DASHBOARD_SERVICE, startDashboardService } from '../src/dashboard.service';

/**
 * Read-your-writes against the running dashboard (real PostgreSQL, the in-process transport and
 * RPC broker): a read at a position waits until every event of that source up to it has been
 * handled, not merely until some later event was. Events are published here as the campaign
 * service's relay would publish them, each linked to the previous one (`source.previousPosition`),
 * in the order the test chooses — the order in which concurrent handlers and retries can apply them.
 */
describe('dashboard read-your-writes', () => {
  let schema: TestSchema;
  let transport: InProcessTransport;
  let broker: InProcessRpcBroker;
  let dashboard: RunningService;
  let sender: CommandSender;
  /** Log positions of the fake campaign log, handed out in order. */
  let nextGlobalPosition = 100n;

  beforeEach(async () => {
    schema = await createTestSchema('dash_ryw');
    transport = new InProcessTransport({ retryDelaysMs: [50, 100, 200] });
    broker = new InProcessRpcBroker();
    dashboard = await startDashboardService({
      databaseUrl: testDatabaseUrl(),
      schema: schema.name,
      transport,
      rpc: rpcServerOptions({ kind: 'in-process', broker, service: DASHBOARD_SERVICE }),
      logger: false,
    });
    sender = createRpcClient({ kind: 'in-process', broker });
  });

  afterEach(async () => {
    await sender?.close();
    await dashboard?.stop();
    await transport?.close();
    await schema?.drop();
  });

  interface Drafted {
    envelope: IntegrationEvent<CampaignDraftedV1>;
    campaignId: string;
    token: string;
  }

  /** The next drafted campaign of the campaign service's log, linked to `previous` (or the first). */
  function drafted(previous: Drafted | null): Drafted {
    nextGlobalPosition += 1n;
    const token = `campaign:${1000n + nextGlobalPosition}.${nextGlobalPosition}`;
    const campaignId = randomUUID();
    const occurredAt = new Date().toISOString();
    const envelope: IntegrationEvent<CampaignDraftedV1> = {
      id: randomUUID(),
      type: CAMPAIGN_DRAFTED_V1,
      tenantId: 'bac-kan',
      occurredAt,
      source: {
        service: 'campaign',
        streamId: `campaign-${campaignId}`,
        streamVersion: 1,
        position: token,
        ...(previous === null ? {} : { previousPosition: previous.token }),
      },
      data: {
        campaignId,
        agencyId: 'skhcn-bac-kan',
        title: `Phong trào thi đua ${nextGlobalPosition}`,
        status: 'draft',
        draftedAt: occurredAt,
      },
    };
    return { envelope, campaignId, token };
  }

  async function deliver(...events: Drafted[]): Promise<void> {
    await transport.publish(
      events.map(({ envelope }) => ({
        messageId: envelope.id,
        routingKey: envelope.type,
        body: JSON.stringify(envelope),
      })),
    );
  }

  function status(
    campaignId: string,
    read: { minPosition?: string; waitMs?: unknown } = {},
  ): Promise<CampaignStatusView> {
    return sender.send<CampaignStatusView>(
      DASHBOARD_SERVICE,
      GET_CAMPAIGN_STATUS,
      { tenantId: 'bac-kan', campaignId, ...read },
      { timeoutMs: 35_000 },
    );
  }

  /** Waits until the event's projection (committed with its received row) is readable. */
  async function handled(event: Drafted): Promise<void> {
    await eventually(
      async () => expect((await status(event.campaignId)).campaign.id).toBe(event.campaignId),
      { timeoutMs: 10_000 },
    );
  }

  async function refusal(read: Promise<unknown>): Promise<RemoteDomainError> {
    const error = await read.then(
      () => undefined,
      (rejected: unknown) => rejected,
    );
    if (!(error instanceof RemoteDomainError)) {
      throw new Error(`expected a domain error, got ${String(error)}`);
    }
    return error;
  }

  async function receivedRows(): Promise<number> {
    const { rows } = await dashboard.infrastructure.pool.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM "${schema.name}".received_events`,
    );
    return Number(rows[0]?.count);
  }

  it('does not count a later event as reached while an earlier one is missing, and does once it arrives', async () => {
    const first = drafted(null);
    const a = drafted(first);
    const b = drafted(a);
    await deliver(first);
    await handled(first);
    expect((await status(first.campaignId, { minPosition: first.token })).position).toEqual([
      first.token,
    ]);

    // B is handled while A is still on its way (in flight, or waiting in a retry tier).
    await deliver(b);
    await handled(b);
    for (const token of [a.token, b.token]) {
      const error = await refusal(status(b.campaignId, { minPosition: token, waitMs: 300 }));
      expect(error.code).toBe('position-not-reached');
    }
    expect((await status(b.campaignId)).position).toEqual([first.token]);

    await deliver(a);
    const readA = await status(a.campaignId, { minPosition: a.token, waitMs: 10_000 });
    expect(readA.campaign.id).toBe(a.campaignId);
    const readB = await status(b.campaignId, { minPosition: b.token, waitMs: 10_000 });
    expect(readB.campaign.id).toBe(b.campaignId);
    expect(readB.position).toEqual([b.token]);
  });

  it('starts the chain at the event with no previous one, and reaches nothing before it', async () => {
    const first = drafted(null);
    const second = drafted(first);
    await deliver(second);
    await handled(second);

    const error = await refusal(
      status(second.campaignId, { minPosition: second.token, waitMs: 200 }),
    );
    expect(error.code).toBe('position-not-reached');
    expect((await status(second.campaignId)).position).toEqual([]);

    await deliver(first);
    const read = await status(second.campaignId, { minPosition: second.token, waitMs: 10_000 });
    expect(read.position).toEqual([second.token]);
    await expect(status(first.campaignId, { minPosition: first.token })).resolves.toMatchObject({
      campaign: { id: first.campaignId },
    });
  });

  it('changes nothing when an event is delivered again', async () => {
    const first = drafted(null);
    const second = drafted(first);
    const third = drafted(second);
    await deliver(first, second);
    await status(second.campaignId, { minPosition: second.token, waitMs: 10_000 });
    expect(await receivedRows()).toBe(2);

    await deliver(second, first);
    // The redeliveries are handled (deduplicated) before a later event is.
    await deliver(third);
    const read = await status(third.campaignId, { minPosition: third.token, waitMs: 10_000 });
    expect(read.position).toEqual([third.token]);
    expect(await receivedRows()).toBe(3);
    const { rows } = await dashboard.infrastructure.pool.query<{ message_id: string }>(
      `SELECT message_id FROM "${schema.name}".received_events ORDER BY position_xid, position_gp`,
    );
    expect(rows.map((row) => row.message_id)).toEqual(
      [first, second, third].map((event) => event.envelope.id),
    );
  });

  it('answers validation-failed, never position-not-reached, for a token that names no position or a wait out of bounds', async () => {
    const campaignId = randomUUID();
    for (const read of [
      { minPosition: 'campaign:not-a-position' },
      { minPosition: 'campaign:99999999999999999999999.1' },
      { minPosition: 'campaign:1.99999999999999999999' },
      { minPosition: 'campaign:1.1', waitMs: 30_001 },
      { minPosition: 'campaign:1.1', waitMs: -1 },
      { minPosition: 'campaign:1.1', waitMs: 1.5 },
      { minPosition: 'campaign:1.1', waitMs: '100' },
    ]) {
      const error = await refusal(status(campaignId, read));
      expect({ read, code: error.code }).toEqual({ read, code: 'validation-failed' });
      expect([...new Set(error.errors?.map((issue) => issue.path))]).toEqual([
        'waitMs' in read ? 'waitMs' : 'minPosition',
      ]);
    }
    const error = await refusal(status(campaignId, { minPosition: 'campaign:1.1', waitMs: 0 }));
    expect(error.code).toBe('position-not-reached');
  });
});
