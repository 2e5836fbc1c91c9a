import { SignJWT } from 'jose';
import {
  ApiClient,
  bacKanDraft,
  buildAgency,
  buildBacKanDepartment,
  expectStatus,
  SCENARIO_PASSWORD,
  type ScenarioAgency,
} from '@ttkt/testing';
import type { App } from 'supertest/types';
import { TEST_ADMIN, TestPlatform } from './support/test-platform';

interface CampaignBody {
  id: string;
  status: string;
  title: string;
  planNumber?: string;
}

/**
 * Issue #4, who may do what: no or a bad token is 401, a role that may not do something is 403,
 * and another agency's plan or register reads as if it did not exist (404). A POST repeated with
 * the same `Idempotency-Key` answers the first response and creates nothing more.
 */
describe('slice #4: sign-in, roles, visibility and idempotency', () => {
  const platform = new TestPlatform({
    label: 'slice_auth',
    jwtSecret: 'slice-auth-secret-0123456789abcdefghijk',
    issueWaitMs: 5_000,
  });
  let server: App;
  let admin: ApiClient;
  let skhcn: ScenarioAgency;
  let snv: ScenarioAgency;
  let planId: string;

  beforeAll(async () => {
    admin = await platform.start();
    server = platform.server;
    skhcn = await buildBacKanDepartment(admin, [
      {
        username: 'vanphong.skhcn',
        fullName: 'Hoàng Thị Thu',
        roles: ['secretariat'],
        unitCode: 'VP',
      },
      { username: 'giamdoc.skhcn', fullName: 'Đỗ Thị Hiền', roles: ['agency-head'] },
      { username: 'xem.skhcn', fullName: 'Lương Văn Tú', roles: ['viewer'] },
      {
        username: 'truongphong.skhcn',
        fullName: 'Nông Văn Hải',
        roles: ['unit-head'],
        unitCode: 'QLCNCN',
      },
    ]);
    snv = await buildAgency(admin, {
      tenantId: skhcn.tenantId,
      code: 'SNV',
      name: 'Sở Nội vụ tỉnh Bắc Kạn',
      units: [{ code: 'VP', name: 'Văn phòng Sở', isSecretariat: true }],
      users: [
        {
          username: 'truongphong.snv',
          fullName: 'Hà Thị Mai',
          roles: ['unit-head'],
          unitCode: 'VP',
        },
      ],
    });
    const secretariat = skhcn.users['vanphong.skhcn'] as ApiClient;
    planId = expectStatus(
      await secretariat.post<CampaignBody>('/campaigns', bacKanDraft(skhcn.agencyId)),
      201,
    ).id;
    const director = skhcn.users['giamdoc.skhcn'] as ApiClient;
    expectStatus(
      await director.post(`/campaigns/${planId}/issue`, {
        issuedOn: '2021-03-30',
        registerNumber: 27,
      }),
      201,
    );
  });

  afterAll(() => platform.stop());

  describe('sign-in', () => {
    it('refuses a wrong password and an unknown user alike with 401', async () => {
      const anonymous = new ApiClient(server);
      const wrong = await anonymous.post('/auth/login', {
        username: 'vanphong.skhcn',
        password: 'sai-mat-khau',
      });
      const unknown = await anonymous.post('/auth/login', {
        username: 'khong-co-ai',
        password: SCENARIO_PASSWORD,
      });
      for (const response of [wrong, unknown]) {
        expect(response.status).toBe(401);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({ type: 'unauthorized', status: 401 });
      }
      expect(wrong.body['detail']).toBe(unknown.body['detail']);
    });

    it('answers 401 to a request without a token', async () => {
      const response = await new ApiClient(server).get(`/campaigns/${planId}`);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ type: 'unauthorized', title: 'Chưa xác thực' });
      const post = await new ApiClient(server).post('/campaigns', bacKanDraft(skhcn.agencyId));
      expect(post.status).toBe(401);
    });

    it('answers 401 to a malformed token, and to one signed with another key', async () => {
      const garbage = await new ApiClient(server, 'not.a.jwt').get(`/campaigns/${planId}`);
      expect(garbage.status).toBe(401);
      expect(garbage.body).toMatchObject({ type: 'unauthorized' });

      const forged = await new SignJWT({
        tenantId: null,
        username: TEST_ADMIN.username,
        grants: [{ role: 'system-admin', agencyId: null, unitId: null }],
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('00000000-0000-4000-8000-000000000000')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('another-secret-0123456789abcdefghijklmn'));
      const response = await new ApiClient(server, forged).in('en').get(`/campaigns/${planId}`);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ type: 'unauthorized', title: 'Unauthorized' });
    });
  });

  describe('visibility and roles', () => {
    it('shows a plan to a unit-head of its own agency', async () => {
      const own = skhcn.users['truongphong.skhcn'] as ApiClient;
      const response = await own.get<CampaignBody>(`/campaigns/${planId}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: planId, planNumber: '27/KH-SKHCN' });
    });

    it('answers 404 to a unit-head of another agency, for the plan and for the register', async () => {
      const stranger = snv.users['truongphong.snv'] as ApiClient;
      const plan = await stranger.get(`/campaigns/${planId}`);
      expect(plan.status).toBe(404);
      expect(plan.body).toMatchObject({ type: 'not-found', status: 404 });
      const nobody = await stranger.get('/campaigns/0b0ad9a4-3a53-4a5e-9c66-3f0e58b7e001');
      expect(nobody.status).toBe(404);
      // The same answer as for a plan that does not exist: nothing tells them it does.
      expect(plan.body['title']).toBe(nobody.body['title']);
      expect(plan.body['detail']).toBe(nobody.body['detail']);

      const register = await stranger.get(`/agencies/${skhcn.agencyId}/register`, {
        query: { year: 2021 },
      });
      expect(register.status).toBe(404);
      expect(register.body).toMatchObject({ type: 'not-found' });

      const list = await stranger.get<{ items: CampaignBody[] }>('/campaigns');
      expect(list.status).toBe(200);
      expect(list.body.items.map((item) => item.id)).not.toContain(planId);
    });

    it('answers 403 to a viewer who tries to draft a plan, and creates nothing', async () => {
      const viewer = skhcn.users['xem.skhcn'] as ApiClient;
      const response = await viewer.post('/campaigns', bacKanDraft(skhcn.agencyId));
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ type: 'forbidden', title: 'Không có quyền' });
      const list = await skhcn.agencyAdmin.get<{ items: CampaignBody[] }>('/campaigns', {
        query: { agencyId: skhcn.agencyId },
      });
      expect(list.body.items.map((item) => item.id)).toEqual([planId]);
    });

    it('answers 403 to an agency-admin who names a predecessor, even under its own agency', async () => {
      // An admin of another agency claiming the department's history as its successor.
      const takeover = await snv.agencyAdmin.post('/agencies', {
        code: 'SKHCN-MOI',
        name: 'Sở Khoa học và Công nghệ (mới)',
        parentAgencyId: snv.agencyId,
        validFrom: '2099-01-01',
        predecessorAgencyId: skhcn.agencyId,
      });
      expect(takeover.status).toBe(403);
      expect(takeover.body).toMatchObject({ type: 'forbidden' });
      const read = await admin
        .forTenant(skhcn.tenantId)
        .get<{ successorAgencyId: string | null }>(`/agencies/${skhcn.agencyId}`);
      expect(read.body.successorAgencyId).toBeNull();

      // Under its own agency and without a predecessor, the same admin may.
      const child = await snv.agencyAdmin.post('/agencies', {
        code: 'CCVT',
        name: 'Chi cục Văn thư - Lưu trữ',
        parentAgencyId: snv.agencyId,
      });
      expect(child.status).toBe(201);
    });

    it('answers 403 to a secretariat that tries to issue (the agency head signs)', async () => {
      const secretariat = skhcn.users['vanphong.skhcn'] as ApiClient;
      const id = expectStatus(
        await secretariat.post<CampaignBody>('/campaigns', bacKanDraft(skhcn.agencyId)),
        201,
      ).id;
      const response = await secretariat.post(`/campaigns/${id}/issue`, {
        issuedOn: '2021-04-01',
      });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ type: 'forbidden' });
      const read = await secretariat.get<CampaignBody>(`/campaigns/${id}`);
      expect(read.body.status).toBe('draft');
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a repeated POST with the first response and creates one plan', async () => {
      const secretariat = skhcn.users['vanphong.skhcn'] as ApiClient;
      const before = await secretariat.get<{ items: CampaignBody[] }>('/campaigns', {
        query: { agencyId: skhcn.agencyId },
      });
      const key = 'c4b7e1de-6a43-4f0f-9d6e-27c1a2b3d4e5';
      const body = bacKanDraft(skhcn.agencyId, { title: 'Kế hoạch gửi hai lần' });
      const first = await secretariat.post<CampaignBody>('/campaigns', body, {
        headers: { 'Idempotency-Key': key },
      });
      const second = await secretariat.post<CampaignBody>('/campaigns', body, {
        headers: { 'Idempotency-Key': key },
      });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers['location']).toBe(first.headers['location']);

      const after = await secretariat.get<{ items: CampaignBody[] }>('/campaigns', {
        query: { agencyId: skhcn.agencyId },
      });
      const added = after.body.items.filter(
        (item) => !before.body.items.some((old) => old.id === item.id),
      );
      expect(added.map((item) => item.id)).toEqual([first.body.id]);
    });

    it('refuses the same key with another body with 422', async () => {
      const secretariat = skhcn.users['vanphong.skhcn'] as ApiClient;
      const key = '5d1c2b3a-7e8f-4a9b-8c0d-1e2f3a4b5c6d';
      const first = await secretariat.post<CampaignBody>(
        '/campaigns',
        bacKanDraft(skhcn.agencyId, { title: 'Bản thứ nhất' }),
        { headers: { 'Idempotency-Key': key } },
      );
      expect(first.status).toBe(201);
      const other = await secretariat
        .in('en')
        .post('/campaigns', bacKanDraft(skhcn.agencyId, { title: 'Bản thứ hai' }), {
          headers: { 'Idempotency-Key': key },
        });
      expect(other.status).toBe(422);
      expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(other.body).toMatchObject({
        type: 'idempotency-key-reused',
        title: 'Idempotency-Key reused',
      });
      const list = await secretariat.get<{ items: CampaignBody[] }>('/campaigns', {
        query: { agencyId: skhcn.agencyId },
      });
      expect(list.body.items.filter((item) => item.title === 'Bản thứ hai')).toEqual([]);
    });

    it('keeps one user’s key apart from another’s', async () => {
      const key = '9a8b7c6d-5e4f-4321-8fed-cba987654321';
      const secretariat = skhcn.users['vanphong.skhcn'] as ApiClient;
      const mine = await secretariat.post<CampaignBody>(
        '/campaigns',
        bacKanDraft(skhcn.agencyId, { title: 'Khóa của văn phòng' }),
        { headers: { 'Idempotency-Key': key } },
      );
      expect(mine.status).toBe(201);
      const viewer = skhcn.users['xem.skhcn'] as ApiClient;
      const theirs = await viewer.post(
        '/campaigns',
        bacKanDraft(skhcn.agencyId, { title: 'Khóa của văn phòng' }),
        { headers: { 'Idempotency-Key': key } },
      );
      // The viewer may not draft: it must not be handed the secretariat's stored answer.
      expect(theirs.status).toBe(403);
    });
  });
});
