import {
  ApiClient,
  bacKanDraft,
  bacKanUnits,
  buildAgency,
  buildBacKanDepartment,
  eventually,
  expectStatus,
  type ApiResponse,
  type JsonObject,
  type ProblemBody,
  type ScenarioAgency,
} from '@ttkt/testing';
import { TestPlatform } from './support/test-platform';

/** One malformed request and the paths its problem must name. */
interface BadCase {
  name: string;
  /** Sent as the system admin (tenants, agencies, sign-in); else as the agency's staff. */
  asAdmin?: boolean;
  send: (api: ApiClient) => Promise<ApiResponse<unknown>>;
  /** Each must be an error's path, or the start of one (`roles` for `roles[0]`). */
  paths: string[];
  /** The English message expected at a path (its message key's text), where the case names it. */
  enMessages?: Record<string, string>;
}

/** The local date (Asia/Ho_Chi_Minh, UTC+7) `days` after today. */
function localDateIn(days: number): string {
  return new Date(Date.now() + (7 + 24 * days) * 3_600_000).toISOString().slice(0, 10);
}

/** The draft plan with `edit` applied to a copy (the award forms are the fixture's). */
function planWith(agencyId: string, edit: (plan: JsonObject) => void): JsonObject {
  const plan = bacKanDraft(agencyId);
  edit(plan);
  return plan;
}

function form(plan: JsonObject, index: number): JsonObject {
  return (plan['awardForms'] as JsonObject[])[index] as JsonObject;
}

/** Matches `expected` itself or a path under it (`roles` → `roles`, `roles[0]`, `roles.x`). */
function pathPattern(expected: string): RegExp {
  return new RegExp(`^${expected.replace(/[.[\]]/g, '\\$&')}($|[.[])`);
}

/**
 * Issue #4, bad input on every route of the slice: each malformed body, query or parameter is
 * answered `400 validation-failed` as `application/problem+json` naming the failing paths, in
 * Vietnamese by default and in English on request, never a 500, and leaves no event behind.
 */
describe('slice #4: malformed requests', () => {
  const platform = new TestPlatform({
    label: 'slice_bad_input',
    jwtSecret: 'slice-bad-input-secret-0123456789abcdef',
    issueWaitMs: 5_000,
  });
  const { schemas } = platform;
  let admin: ApiClient;
  /** Holds every role of the agency a route here may ask for. */
  let staff: ApiClient;
  let agency: ScenarioAgency;
  let tenantId: string;
  let personId: string;
  let personEtag: string;
  let draftId: string;
  let draftEtag: string;
  let issuedId: string;
  /** A draft of an agency that exists from 1 July 2025 (as Thái Nguyên's department does). */
  let laterAgencyDraftId: string;
  let laterAgencyHead: ApiClient;
  let eventsBefore: Record<string, number>;

  beforeAll(async () => {
    admin = await platform.start();
    agency = await buildBacKanDepartment(admin, [
      {
        username: 'tatca.skhcn',
        fullName: 'Hoàng Văn Toàn',
        roles: ['agency-admin', 'secretariat', 'agency-head'],
        unitCode: 'VP',
      },
    ]);
    tenantId = agency.tenantId;
    staff = agency.users['tatca.skhcn'] as ApiClient;
    const person = await staff.post<{ id: string; version: number }>(
      `/agencies/${agency.agencyId}/people`,
      {
        fullName: 'Nguyễn Thị Hồng Nhung',
        dateOfBirth: '1985-09-02',
        gender: 'female',
        unitId: agency.units['VP'],
        position: 'Chánh Văn phòng',
      },
    );
    personId = expectStatus(person, 201).id;
    personEtag = person.headers['etag'] ?? `"${person.body.version}"`;
    const draft = await staff.post<{ id: string; version: number }>(
      '/campaigns',
      bacKanDraft(agency.agencyId),
    );
    draftId = expectStatus(draft, 201).id;
    draftEtag = draft.headers['etag'] ?? `"${draft.body.version}"`;
    issuedId = expectStatus(
      await staff.post<{ id: string }>('/campaigns', bacKanDraft(agency.agencyId)),
      201,
    ).id;
    expectStatus(
      await staff.post(`/campaigns/${issuedId}/issue`, {
        issuedOn: '2021-03-30',
        registerNumber: 27,
      }),
      201,
    );
    const later = await buildAgency(admin, {
      tenantId,
      code: 'SKHCNTN',
      name: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên',
      validFrom: '2025-07-01',
      units: bacKanUnits(),
      users: [
        {
          username: 'tatca.skhcntn',
          fullName: 'Ma Văn Hùng',
          roles: ['secretariat', 'agency-head'],
          unitCode: 'VP',
        },
      ],
    });
    laterAgencyHead = later.users['tatca.skhcntn'] as ApiClient;
    laterAgencyDraftId = expectStatus(
      await laterAgencyHead.post<{ id: string }>('/campaigns', bacKanDraft(later.agencyId)),
      201,
    ).id;
    // Whatever the setup set in motion has settled: two reads a round trip apart agree.
    eventsBefore = await eventually(async () => {
      const first = await schemas.countEvents();
      await staff.get(`/campaigns/${issuedId}`);
      expect(await schemas.countEvents()).toEqual(first);
      return first;
    });
    expect(Object.keys(eventsBefore).length).toBeGreaterThanOrEqual(3);
  });

  afterAll(() => platform.stop());

  const cases: BadCase[] = [
    // POST /auth/login
    {
      name: 'login without a password',
      asAdmin: true,
      send: (api) => api.withToken(undefined).post('/auth/login', { username: 'quantri' }),
      paths: ['password'],
    },
    {
      name: 'login with a number for the username',
      asAdmin: true,
      send: (api) =>
        api.withToken(undefined).post('/auth/login', { username: 27, password: 'x-y-z-1234' }),
      paths: ['username'],
    },
    {
      name: 'login with invalid JSON',
      asAdmin: true,
      send: (api) =>
        api.withToken(undefined).post('/auth/login', undefined, { raw: '{"username": "quantri",' }),
      paths: [''],
    },
    // POST /tenants
    {
      name: 'tenant without a name',
      asAdmin: true,
      send: (api) => api.post('/tenants', { code: 'TNG' }),
      paths: ['name'],
    },
    {
      name: 'tenant with an unknown field',
      asAdmin: true,
      send: (api) => api.post('/tenants', { code: 'TNG', name: 'Tỉnh Thái Nguyên', area: 3521 }),
      paths: ['area'],
    },
    {
      name: 'tenant rename with a date that does not exist',
      asAdmin: true,
      send: (api) =>
        api.post(`/tenants/${tenantId}/names`, {
          name: 'Tỉnh Thái Nguyên',
          effectiveFrom: '2025-06-31',
        }),
      paths: ['effectiveFrom'],
    },
    // POST /agencies
    {
      name: 'agency with a tenant id that is not a UUID',
      asAdmin: true,
      send: (api) => api.post('/agencies', { tenantId: 'bac-kan', code: 'SNV', name: 'Sở Nội vụ' }),
      paths: ['tenantId'],
    },
    {
      name: 'agency valid until 30 February',
      asAdmin: true,
      send: (api) =>
        api.post('/agencies', {
          tenantId,
          code: 'SNV',
          name: 'Sở Nội vụ',
          validUntil: '2025-02-30',
        }),
      paths: ['validUntil'],
    },
    {
      name: 'agency with a predecessor that is not a UUID and a code with spaces',
      asAdmin: true,
      send: (api) =>
        api.post('/agencies', {
          tenantId,
          code: 'S K H C N',
          name: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên',
          predecessorAgencyId: 'skhcn-bac-kan',
        }),
      paths: ['code', 'predecessorAgencyId'],
    },
    {
      name: 'agency read as of a date written the Vietnamese way',
      send: (api) => api.get(`/agencies/${agency.agencyId}`, { query: { asOf: '01/07/2025' } }),
      paths: ['asOf'],
    },
    // GET /campaigns and GET /campaigns/{id}/nominations: a page cursor must be one the API gave
    {
      name: 'campaign list with a forged cursor whose date PostgreSQL refuses',
      send: (api) =>
        api.get('/campaigns', {
          query: { cursor: Buffer.from(JSON.stringify(['1', 'x'])).toString('base64url') },
        }),
      paths: ['cursor'],
    },
    {
      name: 'dossier list with a cursor holding 30 February',
      send: (api) =>
        api.get(`/campaigns/${draftId}/nominations`, {
          query: {
            cursor: Buffer.from(
              JSON.stringify(['2021-02-30T00:00:00.000Z', '1b4e28ba-2fa1-11d2-883f-0016d3cca427']),
            ).toString('base64url'),
          },
        }),
      paths: ['cursor'],
    },
    // POST /agencies/{id}/units
    {
      name: 'unit with an empty code',
      send: (api) => api.post(`/agencies/${agency.agencyId}/units`, { code: '', name: 'Phòng A' }),
      paths: ['code'],
    },
    {
      name: 'unit with isSecretariat as text',
      send: (api) =>
        api.post(`/agencies/${agency.agencyId}/units`, {
          code: 'PA',
          name: 'Phòng A',
          isSecretariat: 'có',
        }),
      paths: ['isSecretariat'],
    },
    {
      name: 'unit of an agency id that is not a UUID',
      send: (api) => api.post('/agencies/SKHCN/units', { code: 'PA', name: 'Phòng A' }),
      paths: ['id'],
    },
    // POST /agencies/{id}/people
    {
      name: 'person born in month 13',
      send: (api) =>
        api.post(`/agencies/${agency.agencyId}/people`, {
          fullName: 'Lê Văn Tám',
          dateOfBirth: '1980-13-01',
          gender: 'male',
          unitId: agency.units['VP'],
          position: 'Chuyên viên',
        }),
      paths: ['dateOfBirth'],
    },
    {
      name: 'person with gender “Nam” instead of male',
      send: (api) =>
        api.post(`/agencies/${agency.agencyId}/people`, {
          fullName: 'Lê Văn Tám',
          dateOfBirth: '1980-12-01',
          gender: 'Nam',
          unitId: agency.units['VP'],
          position: 'Chuyên viên',
        }),
      paths: ['gender'],
    },
    {
      name: 'person without unit and position',
      send: (api) =>
        api.post(`/agencies/${agency.agencyId}/people`, {
          fullName: 'Lê Văn Tám',
          dateOfBirth: '1980-12-01',
          gender: 'male',
        }),
      paths: ['unitId', 'position'],
    },
    {
      name: 'people listed with a negative limit and a unit id that is not a UUID',
      send: (api) =>
        api.get(`/agencies/${agency.agencyId}/people`, { query: { limit: -5, unitId: 'VP' } }),
      paths: ['limit', 'unitId'],
    },
    // PATCH /people/{id}
    {
      name: 'person patched with a dd/mm/yyyy birth date',
      send: (api) =>
        api.patch(
          `/people/${personId}`,
          { dateOfBirth: '02/09/1985' },
          { headers: { 'If-Match': personEtag } },
        ),
      paths: ['dateOfBirth'],
    },
    {
      name: 'person patched with an unknown field',
      send: (api) =>
        api.patch(
          `/people/${personId}`,
          { salary: 9_000_000 },
          { headers: { 'If-Match': personEtag } },
        ),
      paths: ['salary'],
    },
    // POST /people/{id}/holds, /close
    {
      name: 'hold of an unknown kind',
      send: (api) =>
        api.post(`/people/${personId}/holds`, {
          kind: 'suspension',
          reason: 'Tạm đình chỉ',
          source: 'QĐ 1/QĐ-SKHCN',
        }),
      paths: ['kind'],
    },
    {
      name: 'hold without reason and source',
      send: (api) => api.post(`/people/${personId}/holds`, { kind: 'discipline' }),
      paths: ['reason', 'source'],
    },
    {
      name: 'hold closed with a hold id that is not a UUID',
      send: (api) => api.post(`/people/${personId}/holds/1/close`, { reason: 'Hết thời hạn' }),
      paths: ['holdId'],
    },
    // POST /users
    {
      name: 'user with a role that does not exist',
      send: (api) =>
        api.post('/users', {
          username: 'hoa.nt',
          password: 'mat-khau-du-dai',
          fullName: 'Nguyễn Thị Hoa',
          agencyId: agency.agencyId,
          roles: ['emperor'],
        }),
      paths: ['roles'],
    },
    {
      name: 'user with roles as a string and a short password',
      send: (api) =>
        api.post('/users', {
          username: 'hoa.nt',
          password: '123',
          fullName: 'Nguyễn Thị Hoa',
          agencyId: agency.agencyId,
          roles: 'secretariat',
        }),
      paths: ['roles', 'password'],
    },
    // POST /campaigns
    {
      name: 'plan with a number for the title',
      send: (api) =>
        api.post(
          '/campaigns',
          planWith(agency.agencyId, (p) => (p['title'] = 27)),
        ),
      paths: ['title'],
    },
    {
      name: 'plan without award forms and signer',
      send: (api) =>
        api.post(
          '/campaigns',
          planWith(agency.agencyId, (p) => {
            delete p['awardForms'];
            delete p['signer'];
          }),
        ),
      paths: ['awardForms', 'signer'],
    },
    {
      name: 'plan with a negative quota',
      send: (api) =>
        api.post(
          '/campaigns',
          planWith(agency.agencyId, (p) => ((form(p, 0)['quota'] as JsonObject)['max'] = -3)),
        ),
      paths: ['awardForms[0].quota.max'],
    },
    {
      name: 'plan with a quota of a billion',
      send: (api) =>
        api.post(
          '/campaigns',
          planWith(agency.agencyId, (p) => ((form(p, 0)['quota'] as JsonObject)['max'] = 1e9)),
        ),
      paths: ['awardForms[0].quota.max'],
      enMessages: { 'awardForms[0].quota.max': 'is too large' },
    },
    {
      name: 'plan with a NUL character in its title',
      send: (api) =>
        api.post(
          '/campaigns',
          planWith(agency.agencyId, (p) => (p['title'] = 'Kế hoạch\u0000 thi đua')),
        ),
      paths: ['title'],
      enMessages: { title: 'holds a control character or an invalid character' },
    },
    {
      name: 'plan with two award forms of the same code',
      send: (api) =>
        api.post(
          '/campaigns',
          planWith(agency.agencyId, (p) => (form(p, 1)['code'] = 'GIAY_KHEN_GD_SO')),
        ),
      paths: ['awardForms[1].code'],
    },
    {
      name: 'plan whose unit stage ends after its proposal stage',
      send: (api) =>
        api.post(
          '/campaigns',
          planWith(
            agency.agencyId,
            (p) => ((form(p, 1)['unitStage'] as JsonObject)['before'] = '2021-06-15'),
          ),
        ),
      paths: ['awardForms[1].unitStage.before'],
    },
    {
      name: 'plan sending dossiers to a unit the agency does not have',
      send: (api) =>
        api.post(
          '/campaigns',
          planWith(
            agency.agencyId,
            (p) => (((form(p, 0)['unitStage'] as JsonObject)['to'] as JsonObject)['unit'] = 'VPS'),
          ),
        ),
      paths: ['awardForms[0].unitStage.to.unit'],
    },
    {
      name: 'plan decided by a higher authority without a proposal stage',
      send: (api) =>
        api.post(
          '/campaigns',
          planWith(agency.agencyId, (p) => delete form(p, 1)['proposalStage']),
        ),
      paths: ['awardForms[1].proposalStage'],
    },
    {
      name: 'plan decided by someone who is neither the head nor a higher authority',
      send: (api) =>
        api.post(
          '/campaigns',
          planWith(
            agency.agencyId,
            (p) => ((form(p, 0)['decidedBy'] as JsonObject)['kind'] = 'hoi-dong'),
          ),
        ),
      paths: ['awardForms[0].decidedBy.kind'],
    },
    {
      name: 'plan whose period starts on 30 February',
      send: (api) =>
        api.post(
          '/campaigns',
          planWith(agency.agencyId, (p) => ((p['period'] as JsonObject)['from'] = '2021-02-30')),
        ),
      paths: ['period.from'],
    },
    {
      name: 'plan with a field issuing sets (planNumber)',
      send: (api) =>
        api.post(
          '/campaigns',
          planWith(agency.agencyId, (p) => (p['planNumber'] = '27/KH-SKHCN')),
        ),
      paths: ['planNumber'],
    },
    {
      name: 'plan with an agency id that is not a UUID',
      send: (api) =>
        api.post(
          '/campaigns',
          planWith('skhcn-bac-kan', () => undefined),
        ),
      paths: ['agencyId'],
    },
    {
      name: 'plan nested deeper than any plan',
      send: (api) => {
        const deep = `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`;
        const plan = JSON.stringify(bacKanDraft(agency.agencyId));
        return api.post('/campaigns', undefined, {
          raw: `${plan.slice(0, -1)},"criteria":{"general":[${deep}]}}`,
        });
      },
      paths: [''],
    },
    {
      name: 'plan as invalid JSON',
      send: (api) => api.post('/campaigns', undefined, { raw: '{"title": "Kế hoạch' }),
      paths: [''],
    },
    // GET/PATCH /campaigns/{id}
    {
      name: 'campaign read with an id that is not a UUID',
      send: (api) => api.get('/campaigns/27-KH-SKHCN'),
      paths: ['id'],
    },
    {
      name: 'campaigns listed with an unknown status',
      send: (api) => api.get('/campaigns', { query: { status: 'published' } }),
      paths: ['status'],
    },
    {
      name: 'draft patched with award forms as a string',
      send: (api) =>
        api.patch(
          `/campaigns/${draftId}`,
          { awardForms: 'không có' },
          { headers: { 'If-Match': draftEtag } },
        ),
      paths: ['awardForms'],
    },
    {
      name: 'draft patched with a plan number (set by issuing only)',
      send: (api) =>
        api.patch(
          `/campaigns/${draftId}`,
          { planNumber: '27/KH-SKHCN' },
          { headers: { 'If-Match': draftEtag } },
        ),
      paths: ['planNumber'],
    },
    // POST /campaigns/{id}/issue
    {
      name: 'issue on a date written dd/mm/yyyy',
      send: (api) => api.post(`/campaigns/${draftId}/issue`, { issuedOn: '30/03/2021' }),
      paths: ['issuedOn'],
    },
    {
      name: 'issue with a negative register number',
      send: (api) =>
        api.post(`/campaigns/${draftId}/issue`, { issuedOn: '2021-03-30', registerNumber: -27 }),
      paths: ['registerNumber'],
    },
    {
      name: 'issue with the register number as text',
      send: (api) =>
        api.post(`/campaigns/${draftId}/issue`, { issuedOn: '2021-03-30', registerNumber: '27' }),
      paths: ['registerNumber'],
    },
    {
      name: 'issue with a register number past any register (2^53 − 1)',
      send: (api) =>
        api.post(`/campaigns/${draftId}/issue`, {
          issuedOn: '2021-03-30',
          registerNumber: 9007199254740991,
        }),
      paths: ['registerNumber'],
      enMessages: { registerNumber: 'is too large' },
    },
    {
      name: 'issue dated tomorrow',
      send: (api) => api.post(`/campaigns/${draftId}/issue`, { issuedOn: localDateIn(1) }),
      paths: ['issuedOn'],
      enMessages: { issuedOn: 'must not be a future date' },
    },
    {
      name: 'issue dated 31 December 1899',
      send: (api) => api.post(`/campaigns/${draftId}/issue`, { issuedOn: '1899-12-31' }),
      paths: ['issuedOn'],
      enMessages: { issuedOn: 'is too early a date' },
    },
    {
      name: 'issue by an agency (from 1 July 2025) dated before it existed',
      send: (api) =>
        laterAgencyHead
          .in(api === staff ? 'vi' : 'en')
          .post(`/campaigns/${laterAgencyDraftId}/issue`, { issuedOn: '2021-03-30' }),
      paths: ['issuedOn'],
    },
    {
      name: 'issue cancelled without a reason',
      send: (api) => api.post(`/campaigns/${draftId}/issue/cancel`, {}),
      paths: ['reason'],
    },
    // POST /campaigns/{id}/amendments
    {
      name: 'amendment without a reason',
      send: (api) =>
        api.post(`/campaigns/${issuedId}/amendments`, {
          changes: { awardForms: [{ code: 'GIAY_KHEN_GD_SO', quotaMax: 4 }] },
        }),
      paths: ['reason'],
    },
    {
      name: 'amendment to a negative quota',
      send: (api) =>
        api.post(`/campaigns/${issuedId}/amendments`, {
          reason: 'Điều chỉnh chỉ tiêu',
          changes: { awardForms: [{ code: 'GIAY_KHEN_GD_SO', quotaMax: -1 }] },
        }),
      paths: ['changes.awardForms[0].quotaMax'],
    },
    {
      name: 'amendment to a deadline that does not exist',
      send: (api) =>
        api.post(`/campaigns/${issuedId}/amendments`, {
          reason: 'Gia hạn nộp hồ sơ',
          changes: { awardForms: [{ code: 'GIAY_KHEN_GD_SO', unitStageBefore: '2021-05-32' }] },
        }),
      paths: ['changes.awardForms[0].unitStageBefore'],
    },
    // POST /campaigns/{id}/close
    {
      name: 'close with an unknown field',
      send: (api) => api.post(`/campaigns/${issuedId}/close`, { reason: 'Hết thời gian thi đua' }),
      paths: ['reason'],
    },
    // GET /agencies/{id}/register
    {
      name: 'register of year “năm nay”',
      send: (api) =>
        api.get(`/agencies/${agency.agencyId}/register`, { query: { year: 'năm nay' } }),
      paths: ['year'],
    },
    {
      name: 'register of an agency id that is not a UUID',
      send: (api) => api.get('/agencies/SKHCN/register', { query: { year: 2021 } }),
      paths: ['id'],
    },
    // POST /agencies/{id}/imports
    {
      name: 'import of a spreadsheet without a “Họ và tên” column',
      send: (api) =>
        api.upload(`/agencies/${agency.agencyId}/imports`, {
          content: Buffer.from('Mã đơn vị,Tên đơn vị,Ngày sinh\nVP,Văn phòng Sở,02/09/1985\n'),
          fileName: 'can-bo.csv',
          contentType: 'text/csv',
        }),
      paths: ['file'],
    },
  ];

  it('has at least 30 malformed requests to try', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  describe.each(cases)('$name', (badCase) => {
    it('is refused with 400 validation-failed naming the path, in Vietnamese and English', async () => {
      const caller = badCase.asAdmin ? admin : staff;
      const vi = await badCase.send(caller);
      const en = await badCase.send(caller.in('en'));
      for (const response of [vi, en]) {
        expect({ status: response.status, body: response.body }).toMatchObject({
          status: 400,
          body: { type: 'validation-failed', status: 400 },
        });
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        const errors = (response.body as ProblemBody).errors ?? [];
        const paths = errors.map((error) => error.path);
        for (const expected of badCase.paths) {
          // The received paths are printed when none of them is (or lies under) the expected one.
          expect(paths).toEqual(
            expect.arrayContaining([expect.stringMatching(pathPattern(expected))]),
          );
        }
      }
      const viBody = vi.body as ProblemBody;
      const enBody = en.body as ProblemBody;
      for (const [path, message] of Object.entries(badCase.enMessages ?? {})) {
        expect(enBody.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ path, message })]),
        );
      }
      expect(viBody.title).toBe('Dữ liệu không hợp lệ');
      expect(enBody.title).toBe('Validation failed');
      expect(viBody.detail).not.toBe(enBody.detail);
      // Every message is translated: the same issues, in two different languages.
      expect((enBody.errors ?? []).map((e) => e.path)).toEqual(
        (viBody.errors ?? []).map((e) => e.path),
      );
      const untranslated = (viBody.errors ?? [])
        .map((issue, i) => ({ ...issue, en: enBody.errors?.[i]?.message }))
        .filter((issue) => issue.message === issue.en);
      expect(untranslated).toEqual([]);
    });
  });

  it('stored no event for any of them', async () => {
    expect(await schemas.countEvents()).toEqual(eventsBefore);
  });
});
