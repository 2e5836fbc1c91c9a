import { createTestSchemaPrefix, testDatabaseUrl, type TestSchemaPrefix } from '@ttkt/testing';
import type { Server } from 'node:http';
import request from 'supertest';
import { startPlatform, type RunningPlatform } from './platform';

const admin = { username: 'platform-admin', password: 'Platform-admin-1!' };

/**
 * The harness end-to-end tests build on: every service on `${prefix}${service}` schemas with the
 * in-process transport journaled in `${prefix}transport`, the demo loaded through the gateway
 * without a port, and one service stopped and started again while its messages wait.
 */
describe('startPlatform', () => {
  let schemas: TestSchemaPrefix;
  let platform: RunningPlatform | undefined;

  beforeAll(() => {
    schemas = createTestSchemaPrefix('platform');
  });

  afterAll(async () => {
    await platform?.stop();
    await schemas.drop();
  });

  it('starts every service on its schema, loads the demo through the API, and restarts one service', async () => {
    platform = await startPlatform({
      databaseUrl: testDatabaseUrl(),
      schemaPrefix: schemas.prefix,
      bootstrapAdmin: admin,
      demoData: 'bac-kan',
      logger: false,
    });
    expect(platform.url).toBeUndefined();
    expect(platform.demo).toMatchObject({
      loaded: true,
      plans: {
        bacKan: { planNumber: '27/KH-SKHCN', issuedOn: '2021-03-30' },
        thaiNguyen: { planNumber: '01/KH-SKHCN' },
      },
    });
    expect(await schemas.schemas()).toEqual(
      [
        'campaign',
        'dashboard',
        'directory',
        'document',
        'gateway',
        'nomination',
        'review',
        'transport',
      ].map((name) => `${schemas.prefix}${name}`),
    );
    expect(platform.services.map((service) => service.service)).toEqual([
      'directory',
      'campaign',
      'document',
      'dashboard',
      'nomination',
      'review',
    ]);

    await platform.stopService('document');
    expect(platform.services.map((service) => service.service)).not.toContain('document');
    await platform.startService('document');
    expect(platform.services.map((service) => service.service)).toEqual([
      'directory',
      'campaign',
      'document',
      'dashboard',
      'nomination',
      'review',
    ]);
    const server = platform.gateway.app.getHttpServer() as Server;
    const login = await request(server)
      .post('/api/v1/auth/login')
      .send({ username: 'tn.xem', password: platform.demo?.credentials[0]?.password })
      .expect(200);
    const token = (login.body as { accessToken: string }).accessToken;
    const plans = await request(server)
      .get('/api/v1/campaigns')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect((plans.body as { items: Array<{ planNumber: string }> }).items).toEqual([
      expect.objectContaining({ planNumber: '01/KH-SKHCN' }),
    ]);
  });
});
