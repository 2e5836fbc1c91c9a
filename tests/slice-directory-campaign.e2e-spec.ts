import {
  ApiClient,
  bacKanDraft,
  bacKanUnits,
  buildAgency,
  loadBacKanFixture,
  registerTenant,
  type JsonObject,
  type ScenarioAgency,
} from '@ttkt/testing';
import { TestPlatform } from './support/test-platform';

const BAC_KAN = 'Tỉnh Bắc Kạn';
const THAI_NGUYEN = 'Tỉnh Thái Nguyên';
const SKHCN_BK = 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn';
const SKHCN_TN = 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên';

interface AgencyBody {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  names: { name: string; from: string | null; until: string | null }[];
  validFrom: string | null;
  validUntil: string | null;
  predecessorAgencyId: string | null;
  successorAgencyId: string | null;
}

interface CampaignBody {
  id: string;
  agencyId: string;
  status: string;
  version: number;
  title: string;
  planNumber?: string;
  documentType?: string;
  issuedOn?: string;
  [field: string]: unknown;
}

/**
 * Issue #4, the story of plan 27/KH-SKHCN through the public API: the system administrator
 * builds the province (renamed when Bắc Kạn merged into Thái Nguyên on 1/7/2025), its
 * department and the department's successor, the department's units and staff; the secretariat
 * drafts the plan, corrects it, and the director issues it with number 27 of the department's
 * 2021 register. The plan reads back exactly as written on paper.
 */
describe('slice #4: the directory and plan 27/KH-SKHCN through the API', () => {
  const platform = new TestPlatform({
    label: 'slice_dir_campaign',
    jwtSecret: 'slice-directory-campaign-secret-0123456789',
    issueWaitMs: 5_000,
  });
  let admin: ApiClient;
  let tenantId: string;
  let bacKan: ScenarioAgency;
  let thaiNguyenId: string;
  const fixture = loadBacKanFixture()['campaign'] as JsonObject;

  beforeAll(async () => {
    admin = await platform.start();
  });

  afterAll(() => platform.stop());

  describe('the province and its department, as they were and as they are', () => {
    it('registers the province and records its new name from 1/7/2025', async () => {
      tenantId = await registerTenant(admin, 'BK', BAC_KAN);
      const renamed = await admin.post(`/tenants/${tenantId}/names`, {
        name: THAI_NGUYEN,
        effectiveFrom: '2025-07-01',
      });
      expect([200, 201]).toContain(renamed.status);

      const read = await admin.get<{ id: string; code: string; name: string; names: unknown[] }>(
        `/tenants/${tenantId}`,
      );
      expect(read.status).toBe(200);
      // Today lies after 1/7/2025: the name in force is the new one; the old one is history.
      expect(read.body).toMatchObject({ id: tenantId, code: 'BK', name: THAI_NGUYEN });
      expect(read.body.names).toEqual([
        expect.objectContaining({ name: BAC_KAN, until: '2025-06-30' }),
        expect.objectContaining({ name: THAI_NGUYEN, from: '2025-07-01', until: null }),
      ]);
    });

    it('reads the province with the name in force on asOf, alone and in the list', async () => {
      const on = async (asOf: string): Promise<string> => {
        const read = await admin.get<{ name: string }>(`/tenants/${tenantId}`, {
          query: { asOf },
        });
        expect(read.status).toBe(200);
        return read.body.name;
      };
      expect(await on('2021-03-30')).toBe(BAC_KAN);
      expect(await on('2025-06-30')).toBe(BAC_KAN);
      expect(await on('2025-07-01')).toBe(THAI_NGUYEN);
      expect(await on('2025-08-01')).toBe(THAI_NGUYEN);

      const listed = await admin.get<{ items: { id: string; name: string }[] }>('/tenants', {
        query: { asOf: '2021-03-30' },
      });
      expect(listed.status).toBe(200);
      expect(listed.body.items.find((tenant) => tenant.id === tenantId)).toMatchObject({
        name: BAC_KAN,
      });
      const bad = await admin.get(`/tenants/${tenantId}`, { query: { asOf: '30/03/2021' } });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({
        type: 'validation-failed',
        errors: expect.arrayContaining([expect.objectContaining({ path: 'asOf' })]) as unknown,
      });
    });

    it('registers the Bắc Kạn department until 30/6/2025 with its units and staff', async () => {
      bacKan = await buildAgency(admin, {
        tenantId,
        code: 'SKHCN',
        name: SKHCN_BK,
        validUntil: '2025-06-30',
        units: bacKanUnits(),
        users: [
          {
            username: 'vanphong.bk',
            fullName: 'Hoàng Thị Thu',
            roles: ['secretariat'],
            unitCode: 'VP',
          },
          { username: 'giamdoc.bk', fullName: 'Đỗ Thị Hiền', roles: ['agency-head'] },
        ],
      });
      expect(bacKan.agency).toMatchObject({
        tenantId,
        code: 'SKHCN',
        name: SKHCN_BK,
        validUntil: '2025-06-30',
      });
      const units = await bacKan.agencyAdmin.get<{
        items: { code: string; isSecretariat: boolean }[];
      }>(`/agencies/${bacKan.agencyId}/units`);
      expect(units.status).toBe(200);
      expect(units.body.items.map((unit) => unit.code).sort()).toEqual(
        ['KHTC', 'QLCNCN', 'TTUD', 'TTr', 'VP'].sort(),
      );
      expect(units.body.items.filter((unit) => unit.isSecretariat).map((u) => u.code)).toEqual([
        'VP',
      ]);
    });

    it('registers the Thái Nguyên department from 1/7/2025 as the successor', async () => {
      const created = await admin.post<AgencyBody>('/agencies', {
        tenantId,
        code: 'SKHCN',
        name: SKHCN_TN,
        validFrom: '2025-07-01',
        predecessorAgencyId: bacKan.agencyId,
      });
      expect(created.status).toBe(201);
      thaiNguyenId = created.body.id;
      expect(created.body).toMatchObject({
        tenantId,
        name: SKHCN_TN,
        validFrom: '2025-07-01',
        predecessorAgencyId: bacKan.agencyId,
      });
    });

    it('reads each department with the facts in force on a date, linked both ways', async () => {
      const before = await admin
        .forTenant(tenantId)
        .get<AgencyBody>(`/agencies/${bacKan.agencyId}`, {
          query: { asOf: '2021-03-30' },
        });
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({
        id: bacKan.agencyId,
        tenantId,
        code: 'SKHCN',
        name: SKHCN_BK,
        validUntil: '2025-06-30',
        successorAgencyId: thaiNguyenId,
      });
      expect(before.body.names).toEqual([expect.objectContaining({ name: SKHCN_BK })]);

      const successorAfter = await admin
        .forTenant(tenantId)
        .get<AgencyBody>(`/agencies/${thaiNguyenId}`, {
          query: { asOf: '2025-08-01' },
        });
      expect(successorAfter.status).toBe(200);
      expect(successorAfter.body).toMatchObject({
        id: thaiNguyenId,
        tenantId,
        code: 'SKHCN',
        name: SKHCN_TN,
        validFrom: '2025-07-01',
        predecessorAgencyId: bacKan.agencyId,
      });

      // The dissolved department keeps its own name and points to who took over.
      const predecessorAfter = await admin
        .forTenant(tenantId)
        .get<AgencyBody>(`/agencies/${bacKan.agencyId}`, {
          query: { asOf: '2025-08-01' },
        });
      expect(predecessorAfter.status).toBe(200);
      expect(predecessorAfter.body).toMatchObject({
        name: SKHCN_BK,
        validUntil: '2025-06-30',
        successorAgencyId: thaiNguyenId,
      });
    });

    it('lists with asOf only the departments in force that day, without it all', async () => {
      const listed = async (asOf?: string): Promise<string[]> => {
        const response = await admin
          .forTenant(tenantId)
          .get<{ items: AgencyBody[] }>('/agencies', asOf ? { query: { asOf } } : {});
        expect(response.status).toBe(200);
        return response.body.items.map((agency) => agency.id);
      };
      expect(await listed('2021-03-30')).toEqual([bacKan.agencyId]);
      expect(await listed('2025-06-30')).toEqual([bacKan.agencyId]);
      expect(await listed('2025-08-01')).toEqual([thaiNguyenId]);
      expect((await listed()).sort()).toEqual([bacKan.agencyId, thaiNguyenId].sort());
    });

    it('refuses a second successor, and a successor that begins before its predecessor ends', async () => {
      const second = await admin.post('/agencies', {
        tenantId,
        code: 'SKHCN',
        name: 'Sở Khoa học và Công nghệ (một bản sao)',
        validFrom: '2025-07-01',
        predecessorAgencyId: bacKan.agencyId,
      });
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({
        type: 'invalid-state',
        errors: [{ path: 'predecessorAgencyId', message: expect.any(String) as unknown }],
      });

      const overlapping = await admin.post('/agencies', {
        tenantId,
        code: 'SKHCN-TN2',
        name: 'Sở Khoa học và Công nghệ (chồng thời gian)',
        validFrom: '2025-07-01',
        predecessorAgencyId: thaiNguyenId,
      });
      expect(overlapping.status).toBe(400);
      expect(overlapping.body).toMatchObject({
        type: 'validation-failed',
        errors: [{ path: 'predecessorAgencyId', message: expect.any(String) as unknown }],
      });

      const read = await admin.forTenant(tenantId).get<AgencyBody>(`/agencies/${bacKan.agencyId}`);
      expect(read.body.successorAgencyId).toBe(thaiNguyenId);
    });

    it('renames a department from a day on and reads each name on its dates', async () => {
      const renamedTo = 'Sở Khoa học, Công nghệ và Đổi mới sáng tạo tỉnh Thái Nguyên';
      const renamed = await admin
        .forTenant(tenantId)
        .post<AgencyBody>(`/agencies/${thaiNguyenId}/names`, {
          name: renamedTo,
          effectiveFrom: '2026-01-01',
        });
      expect(renamed.status).toBe(200);
      expect(renamed.body.names).toEqual([
        { name: SKHCN_TN, from: '2025-07-01', until: '2025-12-31' },
        { name: renamedTo, from: '2026-01-01', until: null },
      ]);
      const on = async (asOf: string): Promise<string> => {
        const read = await admin
          .forTenant(tenantId)
          .get<AgencyBody>(`/agencies/${thaiNguyenId}`, { query: { asOf } });
        expect(read.status).toBe(200);
        return read.body.name;
      };
      expect(await on('2025-08-01')).toBe(SKHCN_TN);
      expect(await on('2025-12-31')).toBe(SKHCN_TN);
      expect(await on('2026-01-01')).toBe(renamedTo);
      const listed = await admin
        .forTenant(tenantId)
        .get<{ items: AgencyBody[] }>('/agencies', { query: { asOf: '2025-08-01' } });
      expect(listed.body.items.map((agency) => agency.name)).toEqual([SKHCN_TN]);
    });

    it('refuses an asOf that is not a calendar date', async () => {
      const response = await admin.forTenant(tenantId).get(`/agencies/${bacKan.agencyId}`, {
        query: { asOf: '30/03/2021' },
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        type: 'validation-failed',
        errors: expect.arrayContaining([expect.objectContaining({ path: 'asOf' })]) as unknown,
      });
    });
  });

  describe('plan 27/KH-SKHCN', () => {
    let campaignId: string;
    let etag: string;

    it('is drafted by the secretariat (with a working title and no closing yet)', async () => {
      const secretariat = bacKan.users['vanphong.bk'] as ApiClient;
      const { closing: _closing, ...withoutClosing } = bacKanDraft(bacKan.agencyId);
      const response = await secretariat.post<CampaignBody>('/campaigns', {
        ...withoutClosing,
        title: 'Dự thảo kế hoạch thi đua bầu cử',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        agencyId: bacKan.agencyId,
        status: 'draft',
        version: 1,
        title: 'Dự thảo kế hoạch thi đua bầu cử',
      });
      expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body.planNumber).toBeUndefined();
      expect(response.headers['location']).toBe(`/api/v1/campaigns/${response.body.id}`);
      expect(response.headers['etag']).toBeDefined();
      campaignId = response.body.id;
      etag = response.headers['etag'] as string;
    });

    it('is corrected with If-Match, and a stale If-Match is refused with 412', async () => {
      const secretariat = bacKan.users['vanphong.bk'] as ApiClient;
      const patched = await secretariat.patch<CampaignBody>(
        `/campaigns/${campaignId}`,
        { title: fixture['title'], closing: fixture['closing'] },
        { headers: { 'If-Match': etag } },
      );
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        id: campaignId,
        status: 'draft',
        version: 2,
        title: fixture['title'],
        closing: fixture['closing'],
      });
      expect(patched.headers['etag']).toBeDefined();
      expect(patched.headers['etag']).not.toBe(etag);

      const stale = await secretariat.patch(
        `/campaigns/${campaignId}`,
        { title: 'Một tiêu đề khác' },
        { headers: { 'If-Match': etag } },
      );
      expect(stale.status).toBe(412);
      expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(stale.body).toMatchObject({ type: 'precondition-failed', status: 412 });

      const read = await secretariat.get<CampaignBody>(`/campaigns/${campaignId}`);
      expect(read.body).toMatchObject({ version: 2, title: fixture['title'] });
      etag = patched.headers['etag'] as string;
    });

    it('is issued by the director as number 27 of the 2021 register: 27/KH-SKHCN', async () => {
      const director = bacKan.users['giamdoc.bk'] as ApiClient;
      const issued = await director.post<CampaignBody>(`/campaigns/${campaignId}/issue`, {
        issuedOn: '2021-03-30',
        registerNumber: 27,
      });
      expect(issued.status).toBe(201);
      expect(issued.body).toMatchObject({
        id: campaignId,
        status: 'issued',
        documentType: 'KH',
        planNumber: '27/KH-SKHCN',
        issuedOn: '2021-03-30',
      });
    });

    it('reads back field by field as the plan was written, verbatim', async () => {
      const secretariat = bacKan.users['vanphong.bk'] as ApiClient;
      const read = await secretariat.get<CampaignBody>(`/campaigns/${campaignId}`);
      expect(read.status).toBe(200);
      const view = read.body;
      expect(view).toMatchObject({ id: campaignId, agencyId: bacKan.agencyId, status: 'issued' });
      const { issuedAt: _issuedAt, ...expected } = fixture;
      for (const [field, value] of Object.entries(expected)) {
        // Stages gain a computed `cutoff`; everything posted must come back as posted.
        expect({ field, value: view[field] }).toMatchObject({ field, value });
      }
      expect(view['title']).toBe(fixture['title']);
      expect(view['preamble']).toBe(fixture['preamble']);
      expect(view['closing']).toBe(fixture['closing']);
      expect(view['recipientsHeading']).toBe('Gửi bản điện tử:');
      expect(view['signer']).toEqual({ title: 'GIÁM ĐỐC', name: 'Đỗ Thị Hiền' });
      expect(view['basis']).toEqual(fixture['basis']);
      expect(view['responsibilities']).toEqual(fixture['responsibilities']);
      expect(view['recipients']).toEqual(fixture['recipients']);
      const forms = view['awardForms'] as JsonObject[];
      const expectedForms = fixture['awardForms'] as JsonObject[];
      expect(forms.map((form) => form['code'])).toEqual([
        'GIAY_KHEN_GD_SO',
        'BANG_KHEN_CT_UBND_TINH',
      ]);
      expectedForms.forEach((form, i) => {
        const actual = forms[i] as JsonObject;
        expect(actual['quotaText']).toBe(form['quotaText']);
        expect(actual['procedureText']).toBe(form['procedureText']);
        const unitStage = form['unitStage'] as JsonObject;
        expect(actual['unitStage']).toMatchObject({
          before: unitStage['before'],
          beforeWording: unitStage['beforeWording'],
          to: unitStage['to'],
          requiredDocuments: unitStage['requiredDocuments'],
        });
      });
      const proposal = (expectedForms[1] as JsonObject)['proposalStage'] as JsonObject;
      expect((forms[1] as JsonObject)['proposalStage']).toMatchObject({
        before: '2021-05-31',
        beforeWording: proposal['beforeWording'],
        copies: { originals: 1 },
      });
      expect((forms[0] as JsonObject)['proposalStage']).toBeUndefined();
    });

    it('is listed among the department’s campaigns and not the successor’s', async () => {
      const listed = await admin.forTenant(tenantId).get<{ items: CampaignBody[] }>('/campaigns', {
        query: { agencyId: bacKan.agencyId },
      });
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((item) => item.id)).toEqual([campaignId]);
      expect(listed.body.items[0]).toMatchObject({ planNumber: '27/KH-SKHCN', status: 'issued' });
      const successor = await admin
        .forTenant(tenantId)
        .get<{ items: CampaignBody[] }>('/campaigns', {
          query: { agencyId: thaiNguyenId },
        });
      expect(successor.status).toBe(200);
      expect(successor.body.items).toEqual([]);
    });

    it('can no longer be patched once issued', async () => {
      const secretariat = bacKan.users['vanphong.bk'] as ApiClient;
      const read = await secretariat.get<CampaignBody>(`/campaigns/${campaignId}`);
      const response = await secretariat.patch(
        `/campaigns/${campaignId}`,
        { title: 'Sửa sau khi ban hành' },
        { headers: { 'If-Match': read.headers['etag'] ?? `"${read.body.version}"` } },
      );
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ type: 'invalid-state' });
      const after = await secretariat.get<CampaignBody>(`/campaigns/${campaignId}`);
      expect(after.body).toMatchObject({
        version: read.body.version,
        title: fixture['title'],
        planNumber: '27/KH-SKHCN',
      });
    });
  });
});
