import { loadBacKanFixture, type JsonObject } from '@ttkt/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  AGENCY_A,
  AGENCY_B,
  bearer,
  FakeSender,
  refusal,
  TEST_JWT_SECRET,
  testUser,
} from '../../test/gateway-test-kit';
import { startGateway, type RunningGateway } from '../gateway';

const CAMPAIGN = '6f1d2a4e-7c55-4f61-9a43-0d5f0c6b9e11';

function planBody(): JsonObject {
  const { campaign } = loadBacKanFixture() as { campaign: JsonObject };
  const { documentType: _t, planNumber: _n, issuedOn: _o, ...plan } = campaign;
  return { ...plan, agencyId: AGENCY_A };
}

function view(status: string, version: number, agencyId = AGENCY_A): Record<string, unknown> {
  return { id: CAMPAIGN, agencyId, title: 'Kế hoạch', status, version, amendments: [] };
}

/** The campaign routes' own behaviour (roles, visibility, If-Match, issue outcomes) against a fake campaign service. */
describe('gateway: campaign routes', () => {
  const sender = new FakeSender();
  let gateway: RunningGateway;
  const server = (): App => gateway.app.getHttpServer() as App;
  let secretary: string;
  let head: string;
  let outsider: string;

  beforeAll(async () => {
    gateway = await startGateway({
      sender,
      jwtSecret: TEST_JWT_SECRET,
      issueWaitMs: 50,
      logger: false,
    });
    secretary = await bearer(testUser(['secretariat'], AGENCY_A, 'u-secretary'));
    head = await bearer(testUser(['agency-head'], AGENCY_A, 'u-head'));
    outsider = await bearer(testUser(['secretariat', 'agency-head'], AGENCY_B, 'u-other'));
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  beforeEach(() => {
    sender.sent.length = 0;
    sender.handlers = {
      'campaign.get-campaign': () => view('draft', 3),
      'campaign.draft-campaign': (payload) => ({
        body: { ...view('draft', 1), id: payload.campaignId },
        version: 1,
        position: 'campaign:10.1',
      }),
      'campaign.update-draft': () => ({
        body: view('draft', 4),
        version: 4,
        position: 'campaign:11.2',
      }),
    };
  });

  it('drafts the fixture for the secretariat of its agency, with Location and ETag', async () => {
    const response = await request(server())
      .post('/api/v1/campaigns')
      .set('Authorization', secretary)
      .send(planBody())
      .expect(201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(
      `/api/v1/campaigns/${(response.body as { id: string }).id}`,
    );
    expect(response.body).toEqual(
      expect.objectContaining({ status: 'draft', position: 'campaign:10.1' }),
    );
    const [sent] = sender.payloads('campaign.draft-campaign');
    expect((sent?.plan as JsonObject).preamble).toBe(planBody().preamble);
  });

  it('refuses a draft for an agency the caller does not serve, and a wrong role', async () => {
    await request(server())
      .post('/api/v1/campaigns')
      .set('Authorization', outsider)
      .send(planBody())
      .expect(404);
    await request(server())
      .post('/api/v1/campaigns')
      .set('Authorization', head)
      .send(planBody())
      .expect(403);
    expect(sender.payloads('campaign.draft-campaign')).toEqual([]);
  });

  it('answers an unknown nested field with 400 at its path', async () => {
    const plan = planBody() as { awardForms: { quota: Record<string, unknown> }[] };
    plan.awardForms[0]!.quota.maximum = 3;
    const response = await request(server())
      .post('/api/v1/campaigns')
      .set('Authorization', secretary)
      .send(plan)
      .expect(400);
    expect((response.body as { errors: unknown }).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'awardForms[0].quota.maximum' })]),
    );
  });

  it('hides a campaign of another agency (404) and sends ETag on a visible one', async () => {
    await request(server())
      .get(`/api/v1/campaigns/${CAMPAIGN}`)
      .set('Authorization', outsider)
      .expect(404);
    const response = await request(server())
      .get(`/api/v1/campaigns/${CAMPAIGN}`)
      .set('Authorization', secretary)
      .expect(200);
    expect(response.headers.etag).toBe('"3"');
  });

  it('lists only the caller’s agencies', async () => {
    sender.handlers['campaign.list-campaigns'] = () => ({ items: [], nextCursor: null });
    await request(server())
      .get('/api/v1/campaigns?status=draft&limit=5')
      .set('Authorization', secretary)
      .expect(200);
    expect(sender.payloads('campaign.list-campaigns')[0]).toEqual(
      expect.objectContaining({ agencyIds: [AGENCY_A], status: 'draft', limit: 5 }),
    );
  });

  it('needs If-Match on PATCH (400 at If-Match) and answers 412 on a stale one', async () => {
    const missing = await request(server())
      .patch(`/api/v1/campaigns/${CAMPAIGN}`)
      .set('Authorization', secretary)
      .send({ closing: 'x' })
      .expect(400);
    expect((missing.body as { errors: unknown }).errors).toEqual([
      expect.objectContaining({ path: 'If-Match' }),
    ]);
    sender.handlers['campaign.update-draft'] = () => {
      throw refusal('campaign.update-draft', { code: 'precondition-failed' });
    };
    await request(server())
      .patch(`/api/v1/campaigns/${CAMPAIGN}`)
      .set('Authorization', secretary)
      .set('If-Match', '"2"')
      .send({ closing: 'x' })
      .expect(412);
    expect(sender.payloads('campaign.update-draft')[0]).toEqual(
      expect.objectContaining({ expectedVersion: 2, changes: { closing: 'x' } }),
    );
  });

  it('issues: 201 with the number, 409 when the number is taken, 202 past the wait', async () => {
    const issued = { ...view('issued', 5), planNumber: '27/KH-SKHCN', issuedOn: '2021-03-30' };
    sender.handlers['campaign.issue-campaign'] = () => ({
      outcome: 'issued',
      campaign: issued,
      position: 'campaign:12.3',
    });
    const ok = await request(server())
      .post(`/api/v1/campaigns/${CAMPAIGN}/issue`)
      .set('Authorization', head)
      .send({ issuedOn: '2021-03-30' })
      .expect(201);
    expect(ok.body).toEqual(
      expect.objectContaining({ planNumber: '27/KH-SKHCN', position: 'campaign:12.3' }),
    );
    expect(sender.payloads('campaign.issue-campaign')[0]).toEqual(
      expect.objectContaining({ issuedOn: '2021-03-30', waitMs: 50 }),
    );

    sender.handlers['campaign.issue-campaign'] = () => ({
      outcome: 'refused',
      campaign: view('draft', 6),
      refusal: { code: 'register-number-taken', params: { number: 27 } },
      position: 'campaign:12.4',
    });
    const taken = await request(server())
      .post(`/api/v1/campaigns/${CAMPAIGN}/issue`)
      .set('Authorization', head)
      .send({ issuedOn: '2021-03-30', registerNumber: 27 })
      .expect(409);
    expect((taken.body as { type: string }).type).toBe('register-number-taken');

    sender.handlers['campaign.issue-campaign'] = () => ({
      outcome: 'pending',
      campaign: view('issuing', 7),
      position: 'campaign:12.5',
    });
    const pending = await request(server())
      .post(`/api/v1/campaigns/${CAMPAIGN}/issue`)
      .set('Authorization', head)
      .send({ issuedOn: '2021-03-30' })
      .expect(202);
    expect(pending.body).toEqual(
      expect.objectContaining({ status: 'issuing', position: 'campaign:12.5' }),
    );

    await request(server())
      .post(`/api/v1/campaigns/${CAMPAIGN}/issue`)
      .set('Authorization', secretary)
      .send({ issuedOn: '2021-03-30' })
      .expect(403);
  });

  it('cancels, amends and closes with the roles the API names', async () => {
    const answer = (status: string) => () => ({
      body: view(status, 8),
      version: 8,
      position: 'campaign:13.1',
    });
    sender.handlers['campaign.cancel-issue'] = answer('draft');
    sender.handlers['campaign.amend-campaign'] = answer('issued');
    sender.handlers['campaign.close-campaign'] = answer('closed');
    await request(server())
      .post(`/api/v1/campaigns/${CAMPAIGN}/issue/cancel`)
      .set('Authorization', head)
      .send({ reason: 'Sai ngày' })
      .expect(200);
    const amended = await request(server())
      .post(`/api/v1/campaigns/${CAMPAIGN}/amendments`)
      .set('Authorization', head)
      .send({
        reason: 'Lùi hạn',
        changes: { awardForms: [{ code: 'GIAY_KHEN_GD_SO', quotaMax: 4 }] },
      })
      .expect(200);
    expect((amended.body as { position: string }).position).toBe('campaign:13.1');
    await request(server())
      .post(`/api/v1/campaigns/${CAMPAIGN}/close`)
      .set('Authorization', head)
      .expect(403);
    await request(server())
      .post(`/api/v1/campaigns/${CAMPAIGN}/close`)
      .set('Authorization', secretary)
      .expect(200);
  });

  it('closes with an empty body only: an unknown field is 400 at its path, and nothing is sent', async () => {
    sender.handlers['campaign.close-campaign'] = () => ({
      body: view('closed', 8),
      version: 8,
      position: 'campaign:13.1',
    });
    const refused = await request(server())
      .post(`/api/v1/campaigns/${CAMPAIGN}/close`)
      .set('Authorization', secretary)
      .send({ reason: 'Hết hạn' })
      .expect(400);
    expect(refused.body).toMatchObject({
      type: 'validation-failed',
      errors: [{ path: 'reason' }],
    });
    expect(sender.sent.map((message) => message.pattern)).not.toContain('campaign.close-campaign');
    await request(server())
      .post(`/api/v1/campaigns/${CAMPAIGN}/close`)
      .set('Authorization', secretary)
      .send({})
      .expect(200);
  });

  it.each([
    [{ issuedOn: '2021-03-30', registerNumber: 9007199254740991 }, 'registerNumber'],
    [{ issuedOn: '1899-12-31' }, 'issuedOn'],
    [{ issuedOn: '3000-01-01' }, 'issuedOn'],
  ])('refuses the issue %j at its path before asking the campaign', async (body, path) => {
    const refused = await request(server())
      .post(`/api/v1/campaigns/${CAMPAIGN}/issue`)
      .set('Authorization', head)
      .set('Accept-Language', 'en')
      .send(body)
      .expect(400);
    expect(refused.body).toMatchObject({ type: 'validation-failed', errors: [{ path }] });
    expect(sender.sent.map((message) => message.pattern)).not.toContain('campaign.issue-campaign');
  });
});
