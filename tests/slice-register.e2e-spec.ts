import {
  ApiClient,
  bacKanDraft,
  bacKanUnits,
  buildAgency,
  buildBacKanDepartment,
  describeResponse,
  eventually,
  expectStatus,
  type ScenarioAgency,
} from '@ttkt/testing';
import { TestPlatform } from './support/test-platform';

/**
 * Long enough for a loaded 2-core machine, where the document service shares this process and
 * renders the issued plans' PDF and DOCX on the same event loop; the test with the register
 * stopped waits it out once for its 202.
 */
const ISSUE_WAIT_MS = 8_000;

interface CampaignBody {
  id: string;
  status: string;
  version: number;
  planNumber?: string;
  issuedOn?: string;
  lastIssueRefusal?: { code: string };
}

interface RegisterEntry {
  number: number;
  formatted: string;
  documentKind: string;
  status: 'assigned' | 'voided';
  issuedOn: string;
  requestId: string;
  assignedAt: string;
  voidReason: string | null;
  voidedAt: string | null;
}

interface RegisterBody {
  agencyId: string;
  year: number;
  entries: RegisterEntry[];
}

/**
 * Issue #4, the register of outgoing documents (sổ đăng ký văn bản đi) as the issuing of plans
 * uses it, over RabbitMQ: one sequence per agency and year from 01, a requested number must be
 * free, concurrent issues never share a number, and a number whose plan was not completed is
 * voided with its reason, never reused.
 */
describe('slice #4: the register behind issuing plans (RabbitMQ)', () => {
  const scenario = new TestPlatform({
    label: 'slice_register',
    jwtSecret: 'slice-register-secret-0123456789abcdef',
    rabbitmq: true,
    issueWaitMs: ISSUE_WAIT_MS,
  });
  let skhcn: ScenarioAgency;
  let snv: ScenarioAgency;

  const secretariatOf = (agency: ScenarioAgency): ApiClient =>
    Object.entries(agency.users).find(([name]) => name.startsWith('vanphong'))?.[1] as ApiClient;
  const directorOf = (agency: ScenarioAgency): ApiClient =>
    Object.entries(agency.users).find(([name]) => name.startsWith('giamdoc'))?.[1] as ApiClient;

  async function draft(agency: ScenarioAgency, title: string): Promise<string> {
    const response = await secretariatOf(agency).post<CampaignBody>(
      '/campaigns',
      bacKanDraft(agency.agencyId, { title }),
    );
    return expectStatus(response, 201).id;
  }

  /** The campaign once it is no longer issuing (polls after a 202). */
  async function settled(agency: ScenarioAgency, campaignId: string): Promise<CampaignBody> {
    return eventually(
      async () => {
        const read = await secretariatOf(agency).get<CampaignBody>(`/campaigns/${campaignId}`);
        expect(read.status).toBe(200);
        expect(read.body.status).not.toBe('issuing');
        return read.body;
      },
      { timeoutMs: 30_000, intervalMs: 50 },
    );
  }

  async function register(agency: ScenarioAgency, year: number): Promise<RegisterBody> {
    const response = await agency.agencyAdmin.get<RegisterBody>(
      `/agencies/${agency.agencyId}/register`,
      {
        query: { year },
      },
    );
    return expectStatus(response, 200);
  }

  beforeAll(async () => {
    const admin = await scenario.start();
    skhcn = await buildBacKanDepartment(admin, [
      {
        username: 'vanphong.skhcn',
        fullName: 'Hoàng Thị Thu',
        roles: ['secretariat'],
        unitCode: 'VP',
      },
      { username: 'giamdoc.skhcn', fullName: 'Đỗ Thị Hiền', roles: ['agency-head'] },
    ]);
    snv = await buildAgency(admin, {
      tenantId: skhcn.tenantId,
      code: 'SNV',
      name: 'Sở Nội vụ tỉnh Bắc Kạn',
      units: bacKanUnits(),
      users: [
        {
          username: 'vanphong.snv',
          fullName: 'Lý Văn Minh',
          roles: ['secretariat'],
          unitCode: 'VP',
        },
        { username: 'giamdoc.snv', fullName: 'Triệu Thị Lan', roles: ['agency-head'] },
      ],
    });
  });

  afterAll(() => scenario.stop());

  let first: string;
  let second: string;

  it('gives plan 27/KH-SKHCN the number it asks for', async () => {
    first = await draft(skhcn, 'Kế hoạch thi đua bầu cử 2021');
    const issued = await directorOf(skhcn).post<CampaignBody>(`/campaigns/${first}/issue`, {
      issuedOn: '2021-03-30',
      registerNumber: 27,
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ status: 'issued', planNumber: '27/KH-SKHCN' });
  });

  it('refuses the same number for another plan with 409 and changes nothing', async () => {
    second = await draft(skhcn, 'Kế hoạch thi đua chào mừng 18/5');
    const before = await register(skhcn, 2021);

    const refused = await directorOf(skhcn).post(`/campaigns/${second}/issue`, {
      issuedOn: '2021-04-02',
      registerNumber: 27,
    });
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: 'register-number-taken', status: 409 });

    const campaign = await settled(skhcn, second);
    expect(campaign.status).toBe('draft');
    expect(campaign.planNumber).toBeUndefined();
    expect(campaign.lastIssueRefusal).toMatchObject({ code: 'register-number-taken' });
    const after = await register(skhcn, 2021);
    expect(after).toEqual(before);
    expect(after.entries.map((entry) => [entry.number, entry.status])).toEqual([[27, 'assigned']]);
  });

  it('gives the next number after the highest one used: 28', async () => {
    const issued = await directorOf(skhcn).post<CampaignBody>(`/campaigns/${second}/issue`, {
      issuedOn: '2021-04-02',
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ status: 'issued', planNumber: '28/KH-SKHCN' });
  });

  it('gives 20 plans issued at once 20 distinct consecutive numbers', async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 20; i += 1) ids.push(await draft(skhcn, `Kế hoạch thi đua số ${i}`));
    const director = directorOf(skhcn);
    const answers = await Promise.all(
      ids.map((id) =>
        director.post<CampaignBody>(`/campaigns/${id}/issue`, { issuedOn: '2021-04-05' }),
      ),
    );
    // 201 when the register answered within the wait, else 202 (read the campaign later).
    expect(
      answers.filter((answer) => ![201, 202].includes(answer.status)).map(describeResponse),
    ).toEqual([]);
    const campaigns = await Promise.all(ids.map((id) => settled(skhcn, id)));
    expect(campaigns.map((campaign) => campaign.status)).toEqual(Array(20).fill('issued'));
    const numbers = campaigns
      .map((campaign) => Number(campaign.planNumber?.split('/')[0]))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => 29 + i));

    const book = await register(skhcn, 2021);
    expect(book.entries.map((entry) => entry.number)).toEqual(
      Array.from({ length: 22 }, (_, i) => 27 + i),
    );
    expect(book.entries.every((entry) => entry.status === 'assigned')).toBe(true);
  });

  it('starts a new year at 01', async () => {
    const id = await draft(skhcn, 'Kế hoạch thi đua năm 2022');
    const issued = await directorOf(skhcn).post<CampaignBody>(`/campaigns/${id}/issue`, {
      issuedOn: '2022-01-05',
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ planNumber: '01/KH-SKHCN', issuedOn: '2022-01-05' });
    const book = await register(skhcn, 2022);
    expect(book).toMatchObject({ agencyId: skhcn.agencyId, year: 2022 });
    expect(book.entries).toEqual([
      expect.objectContaining({
        number: 1,
        formatted: '01/KH-SKHCN',
        documentKind: 'KH',
        status: 'assigned',
        issuedOn: '2022-01-05',
      }),
    ]);
  });

  it('keeps another agency’s sequence apart', async () => {
    const id = await draft(snv, 'Kế hoạch thi đua của Sở Nội vụ');
    const issued = await directorOf(snv).post<CampaignBody>(`/campaigns/${id}/issue`, {
      issuedOn: '2021-04-01',
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ planNumber: '01/KH-SNV' });
    const mine = await register(snv, 2021);
    expect(mine.entries.map((entry) => entry.formatted)).toEqual(['01/KH-SNV']);
    const theirs = await register(skhcn, 2021);
    expect(theirs.entries).toHaveLength(22);
  });

  const cancelReason = 'Sổ đăng ký không phản hồi; ban hành lại sau';
  let voidedEntry: RegisterEntry | undefined;

  it('voids, with its reason, a number assigned after the plan gave up waiting for it', async () => {
    const id = await draft(skhcn, 'Kế hoạch thi đua bị hủy cấp số');
    await scenario.platform.stopService('document');
    let restarted = false;
    try {
      const pending = await directorOf(skhcn).post<CampaignBody>(`/campaigns/${id}/issue`, {
        issuedOn: '2021-04-06',
      });
      expect(pending.status).toBe(202);
      expect(pending.body).toMatchObject({ id, status: 'issuing' });

      const reason = cancelReason;
      const cancelled = await directorOf(skhcn).post<CampaignBody>(
        `/campaigns/${id}/issue/cancel`,
        { reason },
      );
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ id, status: 'draft' });

      await scenario.platform.startService('document');
      restarted = true;
      const voided = await eventually(
        async () => {
          const book = await register(skhcn, 2021);
          const entry = book.entries.find((candidate) => candidate.number === 49);
          expect(entry).toMatchObject({ status: 'voided' });
          return entry as RegisterEntry;
        },
        { timeoutMs: 30_000, intervalMs: 100 },
      );
      expect(voided.voidReason).toEqual(expect.stringMatching(/\S/));
      voidedEntry = voided;
      const campaign = await settled(skhcn, id);
      expect(campaign.status).toBe('draft');
      expect(campaign.planNumber).toBeUndefined();
    } finally {
      if (!restarted) await scenario.platform.startService('document');
    }

    // A voided number is never handed out again.
    const again = await directorOf(skhcn).post<CampaignBody>(`/campaigns/${id}/issue`, {
      issuedOn: '2021-04-07',
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ planNumber: '50/KH-SKHCN' });
  });

  it('records in the register the reason the requester gave when it cancelled', () => {
    expect(voidedEntry?.voidReason).toBe(`Huỷ ban hành: ${cancelReason}`);
  });

  it('shows the voided number as assigned first, then voided', () => {
    expect(voidedEntry).toMatchObject({ number: 49, status: 'voided', issuedOn: '2021-04-06' });
    const { requestId, assignedAt, voidedAt } = voidedEntry as RegisterEntry;
    expect(requestId).toMatch(/\S/);
    expect(assignedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(voidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(Date.parse(assignedAt)).toBeLessThanOrEqual(Date.parse(voidedAt as string));
  });

  it('lists numbers and voids in the register', async () => {
    const book = await register(skhcn, 2021);
    expect(book.entries.map((entry) => `${entry.number}:${entry.status}`)).toEqual([
      ...Array.from({ length: 22 }, (_, i) => `${27 + i}:assigned`),
      '49:voided',
      '50:assigned',
    ]);
  });
});
