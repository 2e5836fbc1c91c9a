import { ControllableClock } from '@ttkt/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { signAccessToken, verifyAccessToken } from '../src/auth/access-token';
import { startGateway, type RunningGateway } from '../src/gateway';
import {
  AGENCY_A,
  bearer,
  FakeSender,
  refusal,
  TEST_JWT_SECRET,
  testUser,
} from './gateway-test-kit';

/** Sign-in, the global guard (401) and `@Roles` (403). */
describe('gateway: authentication and roles', () => {
  const clock = new ControllableClock('2025-09-01T08:00:00+07:00');
  const sender = new FakeSender();
  let gateway: RunningGateway;
  const server = (): App => gateway.app.getHttpServer() as App;
  const secretary = testUser(['secretariat'], AGENCY_A, 'u-secretary');

  beforeAll(async () => {
    gateway = await startGateway({ sender, jwtSecret: TEST_JWT_SECRET, clock, logger: false });
    sender.handlers = {
      'directory.authenticate': ({ username, password }) => {
        if (username === 'hoa' && password === 'mật-khẩu-đúng') return secretary;
        throw refusal('directory.authenticate', { code: 'unauthorized' });
      },
      'directory.list-tenants': () => ({ items: [] }),
      'directory.get-tenant': ({ tenantId }) => ({ id: tenantId, version: 1 }),
      'directory.list-agencies': () => ({ items: [] }),
    };
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('signs in: an 8-hour HS256 token carrying the user the directory vouched for', async () => {
    const response = await request(server())
      .post('/api/v1/auth/login')
      .send({ username: 'hoa', password: 'mật-khẩu-đúng' })
      .expect(200);
    const body = response.body as { accessToken: string; expiresIn: number };
    expect(body.expiresIn).toBe(8 * 60 * 60);
    const [header] = body.accessToken.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toMatchObject({
      alg: 'HS256',
    });
    expect(await verifyAccessToken(body.accessToken, { secret: TEST_JWT_SECRET, clock })).toEqual(
      secretary,
    );
    expect(sender.payloads('directory.authenticate')).toEqual([
      { username: 'hoa', password: 'mật-khẩu-đúng' },
    ]);
    await request(server())
      .get('/api/v1/agencies')
      .set('Authorization', `Bearer ${body.accessToken}`)
      .expect(200);
  });

  it('answers wrong credentials with 401 unauthorized', async () => {
    const response = await request(server())
      .post('/api/v1/auth/login')
      .set('Accept-Language', 'en')
      .send({ username: 'hoa', password: 'sai' })
      .expect(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: 'unauthorized', title: 'Unauthorized' });
  });

  it('answers 401 without a token, with a malformed or foreign one, and once it expired', async () => {
    await request(server()).get('/api/v1/agencies').expect(401);
    await request(server()).get('/api/v1/agencies').set('Authorization', 'Basic eDp5').expect(401);
    const good = await bearer(secretary, clock);
    await request(server()).get('/api/v1/agencies').set('Authorization', `${good}x`).expect(401);
    const foreign = await signAccessToken(secretary, {
      secret: 'another-secret-another-secret-another',
      clock,
    });
    await request(server())
      .get('/api/v1/agencies')
      .set('Authorization', `Bearer ${foreign.accessToken}`)
      .expect(401);
    await request(server()).get('/api/v1/agencies').set('Authorization', good).expect(200);
    clock.advance(8 * 60 * 60 * 1000 + 1000);
    const expired = await request(server())
      .get('/api/v1/agencies')
      .set('Authorization', good)
      .expect(401);
    expect(expired.headers['www-authenticate']).toBe('Bearer');
    clock.advance(-(8 * 60 * 60 * 1000 + 1000));
  });

  it('lets anyone reach health and the docs without a token', async () => {
    await request(server()).get('/health/live').expect(200);
    await request(server()).get('/health/ready').expect(200);
    await request(server()).get('/api/docs-json').expect(200);
  });

  it('answers 403 forbidden for a role the route does not allow; system-admin passes', async () => {
    const viewer = await bearer(testUser(['viewer']), clock);
    const forbidden = await request(server())
      .post('/api/v1/tenants')
      .set('Authorization', viewer)
      .send({ code: 'tn', name: 'Thái Nguyên' })
      .expect(403);
    expect(forbidden.body).toMatchObject({ type: 'forbidden', title: 'Không có quyền' });
    const admin = await bearer(testUser(['system-admin'], null), clock);
    await request(server()).get('/api/v1/tenants').set('Authorization', admin).expect(200);
  });
});
