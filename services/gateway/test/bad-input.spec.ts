import type { CommandSender } from '@ttkt/messaging';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startGateway, type RunningGateway } from '../src/gateway';
import { bearer, TEST_JWT_SECRET, testUser } from './gateway-test-kit';

/**
 * Bad input never reaches a service and never gets a 500: the gateway answers problem+json in
 * Vietnamese (English on request) and sends no command.
 */
describe('gateway: bad input', () => {
  const sent: string[] = [];
  const sender: CommandSender = {
    send: (service: string, pattern: string) => {
      sent.push(`${service} ${pattern}`);
      return Promise.reject(new Error('no command should be sent for bad input'));
    },
    close: () => Promise.resolve(),
  };
  let gateway: RunningGateway;
  let auth: string;
  const server = (): App => gateway.app.getHttpServer() as App;

  beforeAll(async () => {
    gateway = await startGateway({ sender, jwtSecret: TEST_JWT_SECRET, logger: false });
    auth = await bearer(testUser(['system-admin'], null));
  });

  afterAll(async () => {
    await gateway.stop();
    expect(sent).toEqual([]);
  });

  it('answers malformed JSON with 400 validation-failed', async () => {
    const response = await request(server())
      .post('/api/v1/campaigns')
      .set('Authorization', auth)
      .set('content-type', 'application/json')
      .send('{"title": ')
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'validation-failed',
      status: 400,
      title: 'Dữ liệu không hợp lệ',
    });
  });

  it('answers a body over the limit with 413 payload-too-large', async () => {
    const response = await request(server())
      .post('/api/v1/campaigns')
      .set('Authorization', auth)
      .set('Accept-Language', 'en')
      .send({ agencyId: 'a', title: 'x'.repeat(3 * 1024 * 1024) })
      .expect(413);
    expect(response.body).toMatchObject({
      type: 'payload-too-large',
      status: 413,
      title: 'Payload too large',
    });
  });

  it('refuses a body nested deeper than any plan with 400, not a 500', async () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const response = await request(server())
      .post('/api/v1/campaigns')
      .set('Authorization', auth)
      .set('content-type', 'application/json')
      .send(`{"agencyId":"a","title":"t","period":${deep}}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: 'validation-failed' });
  });

  it('refuses unknown fields of a directory body with each failing path, ignoring $-comments', async () => {
    const response = await request(server())
      .post('/api/v1/tenants')
      .set('Authorization', auth)
      .send({ $comment: 'ignored', code: 7, name: '', planNumber: '27/KH-SKHCN' })
      .expect(400);
    const paths = (response.body as { errors: { path: string }[] }).errors.map(
      (error) => error.path,
    );
    expect(new Set(paths)).toEqual(new Set(['code', 'name', 'planNumber']));
  });

  it('refuses an id that is not a UUID and a malformed minPosition or asOf', async () => {
    const badId = await request(server())
      .get('/api/v1/agencies/27-KH')
      .set('Authorization', auth)
      .set('X-Tenant-Id', 'bac-kan')
      .expect(400);
    expect((badId.body as { errors: { path: string }[] }).errors[0]?.path).toBe('id');
    const badQuery = await request(server())
      .get('/api/v1/agencies/1b4e28ba-2fa1-11d2-883f-0016d3cca427')
      .set('Authorization', auth)
      .query({ minPosition: 'directory:abc', asOf: '2021-02-30' })
      .expect(400);
    const paths = (badQuery.body as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(new Set(paths)).toEqual(new Set(['minPosition', 'asOf']));
  });

  it('refuses a bad Idempotency-Key before anything runs', async () => {
    const response = await request(server())
      .post('/api/v1/tenants')
      .set('Authorization', auth)
      .set('Idempotency-Key', 'with spaces')
      .send({ code: 'bk', name: 'Bắc Kạn' })
      .expect(400);
    expect((response.body as { errors: { path: string }[] }).errors[0]?.path).toBe(
      'Idempotency-Key',
    );
  });

  it('answers an unknown route with 404 problem+json, and 401 before it without a token', async () => {
    const response = await request(server())
      .get('/api/v1/nothing-here')
      .set('Authorization', auth)
      .expect(404);
    expect(response.body).toMatchObject({ type: 'not-found' });
    await request(server()).post('/api/v1/campaigns').send({}).expect(401);
  });
});
