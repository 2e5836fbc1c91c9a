import { fingerprintOf } from '@ttkt/event-store';
import { ServiceUnavailableError } from '@ttkt/messaging';
import { createTestSchema, deferred, testDatabaseUrl, type TestSchema } from '@ttkt/testing';
import { Client } from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startGateway, type RunningGateway } from '../src/gateway';
import { fingerprintKey, keyedFingerprintOf } from '../src/idempotency/request-fingerprint';
import {
  AGENCY_A,
  bearer,
  FakeSender,
  refusal,
  TEST_JWT_SECRET,
  testUser,
} from './gateway-test-kit';

/**
 * `Idempotency-Key` against the real PostgreSQL: the keys live in the gateway's schema, each step
 * commits on its own (no transaction is open while the command runs).
 */
describe('gateway: Idempotency-Key (PostgreSQL)', () => {
  const sender = new FakeSender();
  let schema: TestSchema;
  let gateway: RunningGateway;
  let admin: string;
  let other: string;
  const server = (): App => gateway.app.getHttpServer() as App;
  const route = `/api/v1/agencies/${AGENCY_A}/units`;
  let units = 0;

  beforeAll(async () => {
    schema = await createTestSchema('gw_idem');
    gateway = await startGateway({
      sender,
      jwtSecret: TEST_JWT_SECRET,
      databaseUrl: testDatabaseUrl(),
      schema: schema.name,
      logger: false,
    });
    admin = await bearer(testUser(['agency-admin'], AGENCY_A, 'u-admin'));
    other = await bearer(testUser(['agency-admin'], AGENCY_A, 'u-other-admin'));
  });

  beforeEach(() => {
    sender.handlers['directory.create-unit'] = (payload) => {
      units += 1;
      return {
        body: { id: payload.unitId, code: payload.code, version: 1 },
        version: 1,
        position: `directory:${units}.1`,
      };
    };
  });

  afterAll(async () => {
    await gateway?.stop();
    await schema?.drop();
  });

  const post = (key: string, body: object, auth = admin) =>
    request(server()).post(route).set('Authorization', auth).set('Idempotency-Key', key).send(body);

  it('replays the first response for the same key, user and body, with Idempotency-Replayed', async () => {
    const first = await post('key-replay', { code: 'VP', name: 'Văn phòng' }).expect(201);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    const again = await post('key-replay', { name: 'Văn phòng', code: 'VP' }).expect(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(sender.payloads('directory.create-unit')).toHaveLength(1);
    // Another user's key of the same name is another key.
    await post('key-replay', { code: 'VP', name: 'Văn phòng' }, other).expect(201);
    expect(sender.payloads('directory.create-unit')).toHaveLength(2);
  });

  it('answers 422 idempotency-key-reused for the same key with another body', async () => {
    await post('key-reused', { code: 'KH', name: 'Phòng Kế hoạch' }).expect(201);
    const response = await post('key-reused', { code: 'KH', name: 'Phòng khác' }).expect(422);
    expect(response.body).toMatchObject({ type: 'idempotency-key-reused' });
  });

  it('answers 409 idempotency-key-in-use while the first runs, with the claim committed', async () => {
    const gate = deferred();
    const reached = deferred();
    sender.handlers['directory.create-unit'] = async (payload) => {
      reached.resolve();
      await gate.promise;
      return { body: { id: payload.unitId, version: 1 }, version: 1, position: 'directory:99.1' };
    };
    const first = post('key-in-flight', { code: 'TC', name: 'Phòng Tổ chức' }).then((r) => r);
    await reached.promise;
    // The claim is visible to another session: it was committed before the command was sent,
    // and no session of the gateway sits idle in a transaction meanwhile.
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const claims = await client.query<{ state: string }>(
        `SELECT state FROM ${schema.name}.idempotency_keys WHERE key = 'key-in-flight'`,
      );
      expect(claims.rows).toEqual([{ state: 'in-progress' }]);
      const idle = await client.query(
        `SELECT 1 FROM pg_stat_activity
          WHERE application_name = 'gateway-idempotency' AND state LIKE 'idle in transaction%'`,
      );
      expect(idle.rowCount).toBe(0);
    } finally {
      await client.end();
    }
    const busy = await post('key-in-flight', { code: 'TC', name: 'Phòng Tổ chức' }).expect(409);
    expect(busy.body).toMatchObject({ type: 'idempotency-key-in-use' });
    gate.resolve();
    expect((await first).status).toBe(201);
    await post('key-in-flight', { code: 'TC', name: 'Phòng Tổ chức' })
      .expect(201)
      .expect('Idempotency-Replayed', 'true');
  });

  it('keeps a refusal below 500 like a response, and releases the key after a 503', async () => {
    sender.handlers['directory.create-unit'] = () => {
      throw refusal('directory.create-unit', { code: 'invalid-state' });
    };
    const before = sender.sent.length;
    await post('key-refused', { code: 'VP', name: 'Văn phòng' }).expect(409);
    const replayed = await post('key-refused', { code: 'VP', name: 'Văn phòng' })
      .set('Accept-Language', 'en')
      .expect(409);
    expect(replayed.headers['idempotency-replayed']).toBe('true');
    expect(replayed.body).toMatchObject({ type: 'invalid-state', title: 'Invalid state' });
    expect(sender.sent.length - before).toBe(1);

    let calls = 0;
    sender.handlers['directory.create-unit'] = (payload) => {
      calls += 1;
      if (calls === 1) {
        throw new ServiceUnavailableError(
          { service: 'directory', pattern: 'directory.create-unit' },
          'broker down',
        );
      }
      return { body: { id: payload.unitId, version: 1 }, version: 1, position: 'directory:7.1' };
    };
    await post('key-retry', { code: 'TD', name: 'Phòng Thi đua' }).expect(503);
    const retried = await post('key-retry', { code: 'TD', name: 'Phòng Thi đua' }).expect(201);
    expect(retried.headers['idempotency-replayed']).toBeUndefined();
    expect(calls).toBe(2);
  });

  it('stores a keyed fingerprint nobody can recompute from the body, which replicas sharing the secret agree on', async () => {
    const body = { code: 'HD', name: 'Hội đồng' };
    await post('key-keyed', body).expect(201);
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    let stored: string | undefined;
    try {
      const { rows } = await client.query<{ fingerprint: string }>(
        `SELECT fingerprint FROM ${schema.name}.idempotency_keys WHERE key = 'key-keyed'`,
      );
      stored = rows[0]?.fingerprint;
    } finally {
      await client.end();
    }
    const sent = { method: 'POST', url: route, body, file: null };
    expect(stored).toBe(keyedFingerprintOf(fingerprintKey(TEST_JWT_SECRET), sent));
    // Not the plain SHA-256 of the request, nor its HMAC under another key.
    expect(stored).not.toBe(fingerprintOf(sent));
    const otherKey = fingerprintKey('another-secret-of-another-gateway-0123');
    expect(stored).not.toBe(keyedFingerprintOf(otherKey, sent));

    // Another replica sharing the secret (and the table) replays it.
    const replica = await startGateway({
      sender,
      jwtSecret: TEST_JWT_SECRET,
      databaseUrl: testDatabaseUrl(),
      schema: schema.name,
      logger: false,
    });
    try {
      await request(replica.app.getHttpServer() as App)
        .post(route)
        .set('Authorization', admin)
        .set('Idempotency-Key', 'key-keyed')
        .send(body)
        .expect(201)
        .expect('Idempotency-Replayed', 'true');
    } finally {
      await replica.stop();
    }
  });

  it('creates its table in the named schema once, however often the gateway starts', async () => {
    const second = await startGateway({
      sender,
      jwtSecret: TEST_JWT_SECRET,
      databaseUrl: testDatabaseUrl(),
      schema: schema.name,
      logger: false,
    });
    await second.stop();
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const result = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${schema.name}.idempotency_keys`,
      );
      expect(result.rows[0]?.n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});
