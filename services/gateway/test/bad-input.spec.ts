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

  it('refuses NUL, other control characters and lone surrogates in bodies and queries with their paths', async () => {
    // JSON text, so the escapes reach the parser as written (JSON.stringify would keep them too).
    const body =
      '{"code":"BK","name":"T\\u1ec9nh B\\u1eafc K\\u1ea1n\\u0000","tags":["ok","a\\ud800b"],"x\\u0007":1}';
    const response = await request(server())
      .post('/api/v1/tenants')
      .set('Authorization', auth)
      .set('content-type', 'application/json')
      .set('Accept-Language', 'en')
      .send(body)
      .expect(400);
    expect(response.body).toMatchObject({ type: 'validation-failed' });
    const errors = (response.body as { errors: { path: string; message: string }[] }).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'holds a control character or an invalid character' },
        { path: 'tags[1]', message: 'holds a control character or an invalid character' },
        { path: 'x\u0007', message: 'holds a control character or an invalid character' },
      ]),
    );
    const login = await request(server())
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"username":"a\\u0000b","password":"x"}')
      .expect(400);
    expect((login.body as { errors: { path: string }[] }).errors[0]?.path).toBe('username');
    const query = await request(server())
      .get('/api/v1/agencies/1b4e28ba-2fa1-11d2-883f-0016d3cca427/people?q=%00')
      .set('Authorization', auth)
      .expect(400);
    expect((query.body as { errors: { path: string }[] }).errors[0]?.path).toBe('q');
    expect(sent).toEqual([]);
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
