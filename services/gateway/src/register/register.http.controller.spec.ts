import { GET_REGISTER, type RegisterView } from '@ttkt/contracts';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  AGENCY_A,
  AGENCY_B,
  bearer,
  FakeSender,
  TENANT,
  TEST_JWT_SECRET,
  testUser,
} from '../../test/gateway-test-kit';
import { startGateway, type RunningGateway } from '../gateway';
import { yearInVietnam } from './register.http.controller';

describe('GET /api/v1/agencies/{id}/register', () => {
  let gateway: RunningGateway;
  let sender: FakeSender;
  // 31 December 2024, 18:30 UTC: already 1 January 2025 in Hà Nội.
  const now = new Date('2024-12-31T18:30:00.000Z');

  beforeAll(async () => {
    sender = new FakeSender();
    gateway = await startGateway({
      sender,
      jwtSecret: TEST_JWT_SECRET,
      clock: { now: () => now },
      logger: false,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  beforeEach(() => {
    sender.sent.length = 0;
    sender.handlers = {
      [GET_REGISTER]: (payload): RegisterView => ({
        agencyId: String(payload.agencyId),
        year: Number(payload.year),
        entries: [],
      }),
    };
  });

  const server = (): App => gateway.app.getHttpServer() as App;
  const member = () => bearer(testUser(['secretariat'], AGENCY_A), { now: () => new Date() });

  it('reads the register of the asked year for a member of the agency', async () => {
    const response = await request(server())
      .get(`/api/v1/agencies/${AGENCY_A}/register?year=2021`)
      .set('Authorization', await member());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ agencyId: AGENCY_A, year: 2021, entries: [] });
    expect(sender.payloads(GET_REGISTER)).toEqual([
      { tenantId: TENANT, agencyId: AGENCY_A, year: 2021 },
    ]);
  });

  it('reads the current year in Asia/Ho_Chi_Minh by default', async () => {
    const response = await request(server())
      .get(`/api/v1/agencies/${AGENCY_A}/register`)
      .set('Authorization', await member());
    expect(response.status).toBe(200);
    expect(sender.payloads(GET_REGISTER)).toEqual([
      { tenantId: TENANT, agencyId: AGENCY_A, year: 2025 },
    ]);
  });

  it('answers 404 for another agency’s register, without asking the register', async () => {
    const response = await request(server())
      .get(`/api/v1/agencies/${AGENCY_B}/register?year=2021`)
      .set('Authorization', await member());
    expect(response.status).toBe(404);
    expect(sender.sent).toEqual([]);
  });

  it('answers 401 without a token', async () => {
    const response = await request(server()).get(`/api/v1/agencies/${AGENCY_A}/register`);
    expect(response.status).toBe(401);
  });

  it.each([
    ['year=1899', 'year'],
    ['year=3000', 'year'],
    ['year=2021.5', 'year'],
    ['year=abc', 'year'],
    ['year=2021&colour=red', 'colour'],
  ])('refuses ?%s as validation-failed at %s', async (query, path) => {
    const response = await request(server())
      .get(`/api/v1/agencies/${AGENCY_A}/register?${query}`)
      .set('Authorization', await member());
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: 'validation-failed' });
    expect((response.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(
      path,
    );
    expect(sender.sent).toEqual([]);
  });

  it('refuses an agency id that is not a UUID', async () => {
    const response = await request(server())
      .get('/api/v1/agencies/not-an-id/register')
      .set('Authorization', await member());
    expect(response.status).toBe(400);
  });
});

describe('the year in Vietnam', () => {
  it('turns at midnight in Hà Nội (UTC+7), not at midnight UTC', () => {
    expect(yearInVietnam(new Date('2024-12-31T16:59:59.999Z'))).toBe(2024);
    expect(yearInVietnam(new Date('2024-12-31T17:00:00.000Z'))).toBe(2025);
  });
});
