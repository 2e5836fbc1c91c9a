import type { INestApplication } from '@nestjs/common';
import {
  createRpcClient,
  RabbitTransport,
  rpcServerOptions,
  type CommandSender,
  type RunningService,
} from '@ttkt/messaging';
import {
  createTestSchema,
  createTestVhost,
  loadBacKanFixture,
  testDatabaseUrl,
  type TestSchema,
  type TestVhost,
} from '@ttkt/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startCampaignService } from '../services/campaign/src/campaign.service';
import { startDashboardService } from '../services/dashboard/src/dashboard.service';
import { startGateway, type RunningGateway } from '../services/gateway/src/gateway';

/**
 * The pipe end to end on real infrastructure: the gateway sends the draft to `campaign` over
 * RabbitMQ RPC, the campaign's relay publishes `campaign.drafted.v1` to RabbitMQ, the dashboard
 * projects it into PostgreSQL, and a read with the command's `minPosition` sees it.
 */
describe('walking skeleton over RabbitMQ and PostgreSQL', () => {
  let vhost: TestVhost;
  const schemas: TestSchema[] = [];
  const services: RunningService[] = [];
  const transports: RabbitTransport[] = [];
  let sender: CommandSender;
  let gateway: RunningGateway;
  let http: INestApplication;
  const server = (): App => http.getHttpServer() as App;

  beforeAll(async () => {
    vhost = await createTestVhost('skeleton');
    const prefix = 'ttkt';
    for (const [name, start] of [
      ['campaign', startCampaignService],
      ['dashboard', startDashboardService],
    ] as const) {
      const schema = await createTestSchema(`ws_${name}`);
      schemas.push(schema);
      const transport = new RabbitTransport({ url: vhost.url, prefix, connectionName: name });
      transports.push(transport);
      services.push(
        await start({
          databaseUrl: testDatabaseUrl(),
          schema: schema.name,
          transport,
          rpc: rpcServerOptions({ kind: 'rmq', url: vhost.url, prefix, service: name }),
          logger: false,
        }),
      );
    }
    sender = createRpcClient({ kind: 'rmq', url: vhost.url, prefix });
    gateway = await startGateway({ sender, logger: false });
    http = gateway.app;
  });

  afterAll(async () => {
    await gateway?.stop();
    await sender?.close();
    for (const service of services.reverse()) await service.stop();
    for (const transport of transports) await transport.close();
    for (const schema of schemas) await schema.drop();
    await vhost?.drop();
  });

  it('drafts the Bắc Kạn plan and reads its status at the returned position', async () => {
    const plan = loadBacKanFixture() as { campaign: Record<string, unknown> };
    const {
      documentType: _type,
      planNumber: _number,
      issuedOn: _on,
      issuedAt: _at,
      ...draft
    } = plan.campaign;
    const created = await request(server())
      .post('/api/v1/campaigns')
      .send({ ...draft, agencyId: 'skhcn-bac-kan' })
      .expect(201);
    const body = created.body as {
      id: string;
      status: string;
      version: number;
      position: string;
      title: string;
    };
    expect(body).toMatchObject({ status: 'draft', version: 1, title: draft.title });
    expect(body.position).toMatch(/^campaign:\d+\.\d+$/);
    expect(created.headers.location).toBe(`/api/v1/campaigns/${body.id}`);

    const status = await request(server())
      .get(`/api/v1/campaigns/${body.id}/status`)
      .query({ minPosition: body.position })
      .expect(200);
    expect(status.body).toMatchObject({
      campaign: {
        id: body.id,
        agencyId: 'skhcn-bac-kan',
        title: draft.title,
        status: 'draft',
        version: 1,
      },
    });
    expect((status.body as { position: string[] }).position).toEqual(
      expect.arrayContaining([expect.stringMatching(/^campaign:/)]),
    );
  });

  it('answers 404 problem+json for a campaign nobody drafted', async () => {
    const response = await request(server())
      .get('/api/v1/campaigns/1b4e28ba-2fa1-11d2-883f-0016d3cca427/status')
      .expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'not-found',
      status: 404,
      title: 'Không tìm thấy',
    });
  });

  it('refuses a draft without title with the failing path, in English on request', async () => {
    const response = await request(server())
      .post('/api/v1/campaigns')
      .set('Accept-Language', 'en')
      .send({ agencyId: 'skhcn-bac-kan', unknownField: 1 })
      .expect(400);
    expect(response.body).toMatchObject({ type: 'validation-failed', title: 'Validation failed' });
    const paths = new Set(
      (response.body as { errors: { path: string }[] }).errors.map((e) => e.path),
    );
    expect([...paths].sort()).toEqual(['title', 'unknownField']);
  });

  it('answers 503 with Retry-After when the read model has not reached minPosition', async () => {
    const response = await request(server())
      .get('/api/v1/campaigns/1b4e28ba-2fa1-11d2-883f-0016d3cca427/status')
      .query({ minPosition: 'campaign:999999999.999999999' })
      .expect(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect(response.body).toMatchObject({ type: 'position-not-reached' });
  });
});
