import {
  ApiClient,
  bacKanDraft,
  bacKanUnits,
  buildAgency,
  ControllableClock,
  eventually,
  expectStatus,
  registerTenant,
  SCENARIO_PASSWORD,
  type ApiResponse,
  type JsonObject,
  type ScenarioAgency,
} from '@ttkt/testing';
import {
  REVIEW_DOSSIER_ACCEPTED_V1,
  REVIEW_DOSSIER_APPROVED_V1,
  REVIEW_DOSSIER_AWARDED_V1,
  REVIEW_DOSSIER_RETURNED_V1,
  type IntegrationEvent,
} from '@ttkt/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { RunningPlatform } from '../services/all-in-one/src/platform';
import { pdf } from './support/dossier-files';
import { TestPlatform } from './support/test-platform';

const FORM = 'GIAY_KHEN_GD_SO';
/** In this file's plan the Bằng khen goes to individuals only (changed in the draft before issue). */
const INDIVIDUALS_ONLY_FORM = 'BANG_KHEN_CT_UBND_TINH';
const REQUIRED = ['CONG_VAN_DE_NGHI', 'BIEN_BAN_HOP_XET', 'BAO_CAO_THANH_TICH'];

interface Dossier {
  id: string;
  campaignId: string;
  awardFormCode: string;
  nominatingUnitId: string;
  nominee: { kind: string; personId?: string; unitId?: string };
  documents: { documentId: string; documentTypeCode: string; sha256: string; fileName: string }[];
  status: string;
  returnReasons: string[];
  resubmitBefore: string | null;
  submittedAt: string | null;
  version: number;
}

interface Problem {
  type: string;
  params?: Record<string, unknown>;
}

interface HistoryItem {
  type: string;
  at: string;
  actor: { kind: string; id: string } | null;
  data: Record<string, unknown>;
}

type Nominee = { kind: 'individual'; personId: string } | { kind: 'collective'; unitId: string };

/** The instant as milliseconds, whatever offset it is written with. */
const ms = (instant: string): number => Date.parse(instant);

/**
 * Issue #5, the rules the first slice file leaves out, through the public API on a fresh
 * platform (in-process transport): `campaign-not-open` (draft and closed plans),
 * `unknown-award-form`, `nominee-not-eligible` by kind and by unit (sub-units, units above,
 * siblings), withdrawal, and the statuses after submission driven by review's contract events
 * (`review.dossier-*.v1`, published on the platform's transport as the review service will):
 * a return with reasons, a replaced document and a resubmission, acceptance, approval, award.
 * Last, the deadline "trước 12/5/2021" = 2021-05-12T00:00+07:00, with assertions that hold
 * whatever the process's time zone (the file is run under TZ=UTC and TZ=America/New_York).
 */
describe('slice #5: the nomination rules through the API', () => {
  const clock = new ControllableClock('2021-04-20T09:00:00+07:00');
  const scenario = new TestPlatform({
    label: 'slice_nomination_rules',
    jwtSecret: 'slice-nomination-rules-secret-0123456789',
    clock,
    listen: true,
  });
  let platform: RunningPlatform;
  let server: App;
  let admin: ApiClient;
  let agency: ScenarioAgency;
  /** The issued plan nominations go to. */
  let campaignId: string;
  /** A plan left as a draft. */
  let draftCampaignId: string;
  /** A plan issued, then closed. */
  let closedCampaignId: string;
  const unitIds: Record<string, string> = {};
  const people: Record<string, string> = {};
  const users: Record<string, ApiClient> = {};
  const userIds: Record<string, string> = {};
  let reviewSequence = 0;

  const signIn = (username: string): Promise<ApiClient> =>
    ApiClient.login(server, username, SCENARIO_PASSWORD);

  /** Tokens carry the clock's time: after moving it, everyone signs in again. */
  async function moveClock(instant: string): Promise<void> {
    clock.set(instant);
    for (const username of Object.keys(users)) users[username] = await signIn(username);
  }

  const secretariat = (): ApiClient => users['vanphong.bk'] as ApiClient;
  const ttud = (): ApiClient => users['truongttud.bk'] as ApiClient;
  const lab = (): ApiClient => users['truongptn.bk'] as ApiClient;

  async function registerPerson(fullName: string, unitId: string): Promise<string> {
    const created = await agency.agencyAdmin.post<{ id: string }>(
      `/agencies/${agency.agencyId}/people`,
      { fullName, dateOfBirth: '1985-09-02', gender: 'female', unitId, position: 'Chuyên viên' },
    );
    return expectStatus(created, 201).id;
  }

  function nominationBody(
    nominee: Nominee,
    nominatingUnitId: string,
    awardFormCode = FORM,
  ): Record<string, unknown> {
    return {
      awardFormCode,
      nominatingUnitId,
      nominee,
      achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2021.',
      criteria: [
        {
          criterion: 'Có thành tích xuất sắc, tiêu biểu trong công tác chuyên môn được giao.',
          met: true,
          evidence: 'Báo cáo tổng kết 6 tháng đầu năm 2021',
        },
      ],
    };
  }

  /**
   * Nominates in `campaign` and answers the first answer that is not a refusal still owed to
   * facts the nomination service has not received yet: any 422 is retried until `settled` accepts
   * it (by default none is), so an expected refusal is asserted on its final reason.
   */
  async function nominateIn(
    campaign: string,
    client: ApiClient,
    body: Record<string, unknown>,
    settled: (problem: Problem) => boolean = () => false,
  ): Promise<ApiResponse<Dossier>> {
    return eventually(async () => {
      const response = await client.post<Dossier>(`/campaigns/${campaign}/nominations`, body);
      if (response.status === 422 && !settled(response.body as unknown as Problem)) {
        throw new Error(`not yet: ${response.text}`);
      }
      return response;
    });
  }

  const nominate = (
    client: ApiClient,
    body: Record<string, unknown>,
    settled?: (problem: Problem) => boolean,
  ): Promise<ApiResponse<Dossier>> => nominateIn(campaignId, client, body, settled);

  /** Expects a problem answer of `status` and `type` (and `params` when given). */
  function expectProblem(
    response: ApiResponse<unknown>,
    status: number,
    type: string,
    params: Record<string, unknown> = {},
  ): void {
    expect({ status: response.status, body: response.body }).toMatchObject({
      status,
      body: { type, ...(Object.keys(params).length > 0 ? { params } : {}) },
    });
  }

  function upload(
    client: ApiClient,
    nominationId: string,
    content: Buffer,
    fileName: string,
    documentTypeCode: string,
  ): Promise<request.Response> {
    return request(server)
      .post(`/api/v1/nominations/${nominationId}/documents`)
      .set('Authorization', `Bearer ${client.token ?? ''}`)
      .field('documentTypeCode', documentTypeCode)
      .attach('file', content, { filename: fileName, contentType: 'application/pdf' });
  }

  function removeDocument(
    client: ApiClient,
    nominationId: string,
    documentId: string,
  ): Promise<request.Response> {
    return request(server)
      .delete(`/api/v1/nominations/${nominationId}/documents/${documentId}`)
      .set('Authorization', `Bearer ${client.token ?? ''}`);
  }

  /** A draft with every unit-stage document attached. */
  async function completeDossier(
    client: ApiClient,
    body: Record<string, unknown>,
  ): Promise<string> {
    const id = expectStatus(await nominate(client, body), 201).id;
    for (const code of REQUIRED) {
      const attached = await upload(client, id, pdf(`${code} ${id}`), `${code}.pdf`, code);
      expect(`${attached.status} ${attached.text.slice(0, 300)}`).toMatch(/^201 /);
    }
    return id;
  }

  /** A complete dossier, submitted: 200 `submitted`. */
  async function submittedDossier(
    client: ApiClient,
    body: Record<string, unknown>,
  ): Promise<string> {
    const id = await completeDossier(client, body);
    const submitted = await client.post<Dossier>(`/nominations/${id}/submit`);
    expect({ status: submitted.status, dossierStatus: submitted.body.status }).toEqual({
      status: 200,
      dossierStatus: 'submitted',
    });
    return id;
  }

  /**
   * Publishes a review outcome about a dossier as the review service's relay will: an
   * `IntegrationEvent` envelope (`source.service: 'review'`, a stream and a log position of
   * review's own) on the nomination service's transport, with the secretariat as its actor.
   */
  async function publishReview(
    type: string,
    nominationId: string,
    data: Record<string, unknown> = {},
  ): Promise<IntegrationEvent> {
    reviewSequence += 1;
    const at = clock.now().toISOString();
    const event: IntegrationEvent = {
      id: randomUUID(),
      type,
      tenantId: agency.tenantId,
      occurredAt: at,
      source: {
        service: 'review',
        streamId: `review-${nominationId}`,
        streamVersion: reviewSequence,
        position: `review:${1000 + reviewSequence}.${reviewSequence}`,
      },
      actor: { kind: 'user', id: userIds['vanphong.bk'] as string },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      data: { nominationId, campaignId, at, ...data },
    };
    const nomination = platform.services.find((service) => service.service === 'nomination');
    if (!nomination) throw new Error('the nomination service is not running');
    await nomination.infrastructure.transport.publish([
      { messageId: event.id, routingKey: type, body: JSON.stringify(event) },
    ]);
    return event;
  }

  /** Waits until the dossier reads `status` and answers it. */
  function statusReached(nominationId: string, status: string): Promise<Dossier> {
    return eventually(async () => {
      const read = await ttud().get<Dossier>(`/nominations/${nominationId}`);
      expect(read.status).toBe(200);
      expect(read.body.status).toBe(status);
      return read.body;
    });
  }

  function history(nominationId: string): Promise<ApiResponse<{ items: HistoryItem[] }>> {
    return secretariat().get<{ items: HistoryItem[] }>(`/nominations/${nominationId}/history`);
  }

  /** The plan's draft with the Bằng khen for individuals only. */
  function planDraft(): JsonObject {
    const draft = bacKanDraft(agency.agencyId);
    const forms = draft['awardForms'] as JsonObject[];
    return {
      ...draft,
      awardForms: forms.map((form) =>
        form['code'] === INDIVIDUALS_ONLY_FORM
          ? { ...form, eligibleSubjects: ['individual'] }
          : form,
      ),
    };
  }

  beforeAll(async () => {
    admin = await scenario.start();
    platform = scenario.platform;
    server = scenario.server;
    const tenantId = await registerTenant(admin, 'BK', 'Tỉnh Bắc Kạn');
    agency = await buildAgency(admin, {
      tenantId,
      code: 'SKHCN',
      name: 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
      units: bacKanUnits(),
    });
    Object.assign(unitIds, agency.units);
    // Two sub-units of the centre: siblings of each other.
    for (const [code, name] of [
      ['TTUD-PTN', 'Phòng Thí nghiệm ứng dụng'],
      ['TTUD-PKD', 'Phòng Kiểm định'],
    ] as const) {
      unitIds[code] = expectStatus(
        await agency.agencyAdmin.post<{ id: string }>(`/agencies/${agency.agencyId}/units`, {
          code,
          name,
          parentUnitId: unitIds['TTUD'],
        }),
        201,
      ).id;
    }
    const unit = (code: string): string => unitIds[code] as string;
    people['an'] = await registerPerson('Nguyễn Thị An', unit('TTUD'));
    people['binh'] = await registerPerson('Triệu Thị Bình', unit('TTUD-PTN'));
    people['phuong'] = await registerPerson('Hà Thị Phương', unit('TTUD-PTN'));
    people['nga'] = await registerPerson('Lường Thị Nga', unit('TTUD-PKD'));
    people['dung'] = await registerPerson('Phạm Thị Dung', unit('TTUD'));
    people['em'] = await registerPerson('Hoàng Thị Em', unit('TTUD'));
    people['hai'] = await registerPerson('Nông Thị Hải', unit('TTUD'));
    people['khanh'] = await registerPerson('Lục Thị Khánh', unit('TTUD'));
    people['lan'] = await registerPerson('Hà Thị Lan', unit('TTUD'));
    people['mai'] = await registerPerson('Ma Thị Mai', unit('TTUD'));
    const accounts = [
      {
        username: 'vanphong.bk',
        fullName: 'Hoàng Thị Thu',
        roles: ['secretariat'],
        unitId: unit('VP'),
      },
      { username: 'giamdoc.bk', fullName: 'Đỗ Thị Hiền', roles: ['agency-head'] },
      {
        username: 'truongttud.bk',
        fullName: 'Bế Văn Tùng',
        roles: ['unit-head'],
        unitId: unit('TTUD'),
      },
      {
        username: 'truongptn.bk',
        fullName: 'Vi Thị Hằng',
        roles: ['unit-head'],
        unitId: unit('TTUD-PTN'),
      },
    ];
    for (const account of accounts) {
      userIds[account.username] = expectStatus(
        await agency.agencyAdmin.post<{ id: string }>('/users', {
          ...account,
          password: SCENARIO_PASSWORD,
          agencyId: agency.agencyId,
        }),
        201,
      ).id;
      users[account.username] = await signIn(account.username);
    }

    const head = users['giamdoc.bk'] as ApiClient;
    campaignId = expectStatus(
      await secretariat().post<{ id: string }>('/campaigns', planDraft()),
      201,
    ).id;
    expectStatus(
      await head.post(`/campaigns/${campaignId}/issue`, { issuedOn: '2021-03-30' }),
      201,
    );
    draftCampaignId = expectStatus(
      await secretariat().post<{ id: string }>('/campaigns', bacKanDraft(agency.agencyId)),
      201,
    ).id;
    closedCampaignId = expectStatus(
      await secretariat().post<{ id: string }>('/campaigns', bacKanDraft(agency.agencyId)),
      201,
    ).id;
    expectStatus(
      await head.post(`/campaigns/${closedCampaignId}/issue`, { issuedOn: '2021-03-31' }),
      201,
    );
  }, 120_000);

  afterAll(() => scenario.stop());

  describe('the campaign and the award form', () => {
    it('refuses a nomination in a draft (not issued) plan: 422 campaign-not-open', async () => {
      const response = await ttud().post(
        `/campaigns/${draftCampaignId}/nominations`,
        nominationBody({ kind: 'individual', personId: people['an']! }, unitIds['TTUD']!),
      );
      expectProblem(response, 422, 'campaign-not-open');
    });

    it('takes nominations in an issued plan until it is closed: then 422 campaign-not-open', async () => {
      const before = await nominateIn(
        closedCampaignId,
        ttud(),
        nominationBody({ kind: 'individual', personId: people['an']! }, unitIds['TTUD']!),
      );
      expect(before.status).toBe(201);
      const closed = await secretariat().post<{ status: string }>(
        `/campaigns/${closedCampaignId}/close`,
      );
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed');
      // The close reaches the nomination service as `campaign.closed.v1`.
      const after = await eventually(async () => {
        const response = await ttud().post(
          `/campaigns/${closedCampaignId}/nominations`,
          nominationBody({ kind: 'individual', personId: people['dung']! }, unitIds['TTUD']!),
        );
        expect(response.status).not.toBe(201);
        expect((response.body as unknown as Problem).type).toBe('campaign-not-open');
        return response;
      });
      expectProblem(after, 422, 'campaign-not-open', { status: 'closed' });
    });

    it('refuses a form that is not in the plan: 422 unknown-award-form', async () => {
      const response = await nominate(
        ttud(),
        nominationBody(
          { kind: 'individual', personId: people['an']! },
          unitIds['TTUD']!,
          'HUAN_CHUONG_LAO_DONG',
        ),
        (problem) => problem.type === 'unknown-award-form',
      );
      expectProblem(response, 422, 'unknown-award-form', { awardFormCode: 'HUAN_CHUONG_LAO_DONG' });
    });
  });

  describe('eligibility', () => {
    it('refuses a collective for a form only individuals may receive: 422 nominee-not-eligible', async () => {
      const response = await nominate(
        ttud(),
        nominationBody(
          { kind: 'collective', unitId: unitIds['TTUD']! },
          unitIds['TTUD']!,
          INDIVIDUALS_ONLY_FORM,
        ),
        (problem) => problem.params?.['reason'] === 'kind-not-eligible',
      );
      expectProblem(response, 422, 'nominee-not-eligible', {
        reason: 'kind-not-eligible',
        kind: 'collective',
      });
      // The same unit is eligible for a form that collectives may receive.
      const allowed = await nominate(
        ttud(),
        nominationBody({ kind: 'collective', unitId: unitIds['TTUD']! }, unitIds['TTUD']!),
      );
      expect(allowed.status).toBe(201);
    });

    it('lets a unit nominate its own sub-unit (collective) and a person of its sub-unit: 201', async () => {
      const collective = await nominate(
        ttud(),
        nominationBody({ kind: 'collective', unitId: unitIds['TTUD-PTN']! }, unitIds['TTUD']!),
      );
      expect(collective.status).toBe(201);
      expect(collective.body.nominee).toEqual({ kind: 'collective', unitId: unitIds['TTUD-PTN'] });
      const person = await nominate(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['binh']! }, unitIds['TTUD']!),
      );
      expect(person.status).toBe(201);
      expect(person.body.nominatingUnitId).toBe(unitIds['TTUD']);
    });

    it('lets the head of a unit above nominate for the sub-unit: 201', async () => {
      const response = await nominate(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['phuong']! }, unitIds['TTUD-PTN']!),
      );
      expect(response.status).toBe(201);
      expect(response.body.nominatingUnitId).toBe(unitIds['TTUD-PTN']);
    });

    it('refuses a sibling unit, a person of it, and the unit above as nominees: 422 nominee-not-eligible', async () => {
      const outside = (problem: Problem): boolean => problem.params?.['reason'] === 'outside-unit';
      const sibling = await nominate(
        lab(),
        nominationBody({ kind: 'collective', unitId: unitIds['TTUD-PKD']! }, unitIds['TTUD-PTN']!),
        outside,
      );
      expectProblem(sibling, 422, 'nominee-not-eligible', { reason: 'outside-unit' });
      const siblingPerson = await nominate(
        lab(),
        nominationBody({ kind: 'individual', personId: people['nga']! }, unitIds['TTUD-PTN']!),
        outside,
      );
      expectProblem(siblingPerson, 422, 'nominee-not-eligible', { reason: 'outside-unit' });
      const siblingOfCentre = await nominate(
        ttud(),
        nominationBody({ kind: 'collective', unitId: unitIds['KHTC']! }, unitIds['TTUD']!),
        outside,
      );
      expectProblem(siblingOfCentre, 422, 'nominee-not-eligible', { reason: 'outside-unit' });
      const above = await nominate(
        lab(),
        nominationBody({ kind: 'collective', unitId: unitIds['TTUD']! }, unitIds['TTUD-PTN']!),
        outside,
      );
      expectProblem(above, 422, 'nominee-not-eligible', { reason: 'outside-unit' });
    });
  });

  describe('withdrawing', () => {
    it('withdraws a draft; a submit then answers 409 invalid-state; the nominee may be nominated again', async () => {
      const id = await completeDossier(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['dung']! }, unitIds['TTUD']!),
      );
      const withdrawn = await ttud().post<Dossier>(`/nominations/${id}/withdraw`, {
        reason: 'Đơn vị rút hồ sơ',
      });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      const submit = await ttud().post(`/nominations/${id}/submit`);
      expectProblem(submit, 409, 'invalid-state', { status: 'withdrawn' });
      const again = await ttud().post(`/nominations/${id}/withdraw`, {});
      expectProblem(again, 409, 'invalid-state');
      const renewed = await ttud().post<Dossier>(
        `/campaigns/${campaignId}/nominations`,
        nominationBody({ kind: 'individual', personId: people['dung']! }, unitIds['TTUD']!),
      );
      expect(renewed.status).toBe(201);
      expect(renewed.body.id).not.toBe(id);
      expect(renewed.body.status).toBe('draft');
    });
  });

  describe("review's outcomes (contract events)", () => {
    let dossierId: string;
    const reasons = [
      'Công văn đề nghị chưa có dấu của đơn vị.',
      'Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị.',
    ];
    const firstSubmitAt = '2021-04-21T08:30:00+07:00';
    const returnAt = '2021-04-22T14:00:00+07:00';
    const replaceAt = '2021-04-23T09:15:00+07:00';
    const resubmitAt = '2021-04-23T10:00:00+07:00';

    it('returns a submitted dossier on review.dossier-returned.v1, with the reasons', async () => {
      await moveClock(firstSubmitAt);
      dossierId = await submittedDossier(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['an']! }, unitIds['TTUD']!),
      );
      await moveClock(returnAt);
      await publishReview(REVIEW_DOSSIER_RETURNED_V1, dossierId, { reasons, resubmitBefore: null });
      const returned = await statusReached(dossierId, 'returned');
      expect(returned.returnReasons).toEqual(reasons);
      expect(returned.resubmitBefore).toBeNull();
    });

    it('lets the unit replace a document and resubmit: 200 submitted', async () => {
      await moveClock(replaceAt);
      const before = (await ttud().get<Dossier>(`/nominations/${dossierId}`)).body;
      const old = before.documents.find((doc) => doc.documentTypeCode === 'BAO_CAO_THANH_TICH');
      expect(old).toBeDefined();
      const removed = await removeDocument(ttud(), dossierId, old!.documentId);
      expect(`${removed.status} ${removed.text.slice(0, 300)}`).toMatch(/^200 /);
      expect((removed.body as Dossier).status).toBe('returned');
      // Without the removed document the dossier is incomplete again.
      const incomplete = await ttud().post(`/nominations/${dossierId}/submit`);
      expectProblem(incomplete, 422, 'missing-documents', { missing: 'BAO_CAO_THANH_TICH' });
      const replacement = await upload(
        ttud(),
        dossierId,
        pdf('Báo cáo thành tích (có xác nhận)'),
        'Báo cáo thành tích - bổ sung.pdf',
        'BAO_CAO_THANH_TICH',
      );
      expect(`${replacement.status} ${replacement.text.slice(0, 300)}`).toMatch(/^201 /);
      await moveClock(resubmitAt);
      const resubmitted = await ttud().post<Dossier>(`/nominations/${dossierId}/submit`);
      expect(resubmitted.status).toBe(200);
      expect(resubmitted.body.status).toBe('submitted');
      expect(ms(resubmitted.body.submittedAt ?? '')).toBe(ms(resubmitAt));
      expect(resubmitted.body.documents.map((doc) => doc.documentTypeCode).sort()).toEqual(
        [...REQUIRED].sort(),
      );
      expect(resubmitted.body.documents.map((doc) => doc.documentId)).not.toContain(
        old!.documentId,
      );
    });

    it('shows both rounds in the history, each change with its actor and instant', async () => {
      const answer = await history(dossierId);
      expect(answer.status).toBe(200);
      const items = answer.body.items;
      for (const item of items) {
        expect(item.actor?.kind).toMatch(/^(user|api-key|system)$/);
        expect(item.actor?.id).toEqual(expect.any(String));
        expect(Number.isNaN(ms(item.at))).toBe(false);
      }
      const unitHead = { kind: 'user', id: userIds['truongttud.bk'] };
      const reviewer = { kind: 'user', id: userIds['vanphong.bk'] };
      const submissions = items.filter((item) => item.type === 'NominationSubmitted');
      expect(submissions).toHaveLength(2);
      expect(submissions.map((item) => item.actor)).toEqual([unitHead, unitHead]);
      expect(submissions.map((item) => ms(item.at))).toEqual([ms(firstSubmitAt), ms(resubmitAt)]);
      expect(submissions.map((item) => item.data['resubmission'])).toEqual([false, true]);
      const returned = items.filter((item) => item.type === 'NominationReturned');
      expect(returned).toHaveLength(1);
      expect(returned[0]).toMatchObject({ actor: reviewer, data: { reasons } });
      expect(ms(returned[0]!.at)).toBe(ms(returnAt));
      // In order: first round, the return, the replaced document, the second round.
      const sequence = items
        .map((item) => item.type)
        .filter((type) => type !== 'NominationHoldFlagged' && type !== 'NominationHoldCleared');
      expect(sequence).toEqual([
        'NominationDrafted',
        'NominationDocumentAttached',
        'NominationDocumentAttached',
        'NominationDocumentAttached',
        'NominationSubmitted',
        'NominationReturned',
        'NominationDocumentRemoved',
        'NominationDocumentAttached',
        'NominationSubmitted',
      ]);
      const replaced = items.filter(
        (item) => item.type === 'NominationDocumentRemoved' || ms(item.at) === ms(replaceAt),
      );
      expect(replaced.map((item) => item.type)).toEqual([
        'NominationDocumentRemoved',
        'NominationDocumentAttached',
      ]);
      for (const item of replaced) {
        expect(item.actor).toEqual(unitHead);
        expect(ms(item.at)).toBe(ms(replaceAt));
      }
    });

    it('accepts on review.dossier-accepted.v1; an accepted dossier may still be withdrawn', async () => {
      await publishReview(REVIEW_DOSSIER_ACCEPTED_V1, dossierId);
      await statusReached(dossierId, 'accepted');
      const withdrawn = await ttud().post<Dossier>(`/nominations/${dossierId}/withdraw`, {
        reason: 'Cá nhân xin rút',
      });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('withdrawn');
    });

    it('refuses to withdraw an awarded dossier (accepted → approved → awarded): 409 invalid-state', async () => {
      const id = await submittedDossier(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['em']! }, unitIds['TTUD']!),
      );
      await publishReview(REVIEW_DOSSIER_ACCEPTED_V1, id);
      await statusReached(id, 'accepted');
      await publishReview(REVIEW_DOSSIER_APPROVED_V1, id);
      await statusReached(id, 'approved');
      await publishReview(REVIEW_DOSSIER_AWARDED_V1, id, {
        decisionId: randomUUID(),
        decisionNumber: '45/QĐ-SKHCN',
      });
      await statusReached(id, 'awarded');
      const refused = await ttud().post(`/nominations/${id}/withdraw`, { reason: 'Muộn' });
      expectProblem(refused, 409, 'invalid-state', { status: 'awarded' });
      const submit = await ttud().post(`/nominations/${id}/submit`);
      expectProblem(submit, 409, 'invalid-state', { status: 'awarded' });
    });
  });

  describe('the deadline "trước 12/5/2021", whatever the process time zone', () => {
    let onTime: string;
    let late: string;
    let returnedPlain: string;
    let returnedExtended: string;
    const cutoff = '2021-05-12T00:00:00+07:00';
    const extendedTo = '2021-05-15T00:00:00+07:00';

    beforeAll(async () => {
      await moveClock('2021-04-26T09:00:00+07:00');
      const unit = unitIds['TTUD'] as string;
      onTime = await completeDossier(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['hai']! }, unit),
      );
      late = await completeDossier(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['khanh']! }, unit),
      );
      returnedPlain = await submittedDossier(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['lan']! }, unit),
      );
      returnedExtended = await submittedDossier(
        ttud(),
        nominationBody({ kind: 'individual', personId: people['mai']! }, unit),
      );
      await publishReview(REVIEW_DOSSIER_RETURNED_V1, returnedPlain, {
        reasons: ['Thiếu biên bản họp xét.'],
        resubmitBefore: null,
      });
      await publishReview(REVIEW_DOSSIER_RETURNED_V1, returnedExtended, {
        reasons: ['Thiếu biên bản họp xét.'],
        resubmitBefore: extendedTo,
      });
      await statusReached(returnedPlain, 'returned');
      const extended = await statusReached(returnedExtended, 'returned');
      expect(ms(extended.resubmitBefore ?? '')).toBe(ms(extendedTo));
    }, 60_000);

    it('runs in the time zone the process was started with', () => {
      // Run as `TZ=UTC npx jest …` and `TZ=America/New_York npx jest …`: the zone is the
      // process's, and nothing below depends on it (instants are compared as instants).
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (process.env['TZ']) expect(zone).toBe(process.env['TZ']);
      // eslint-disable-next-line no-console
      console.info(
        `process time zone: ${zone} (offset on the cut-off day: ${new Date(cutoff).getTimezoneOffset()} min)`,
      );
    });

    it('accepts a submission at 2021-05-11T23:59:59.999+07:00: 200 submitted', async () => {
      await moveClock('2021-05-11T23:59:59.999+07:00');
      const response = await ttud().post<Dossier>(`/nominations/${onTime}/submit`);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('submitted');
      expect(response.body.submittedAt).not.toBeNull();
      expect(new Date(response.body.submittedAt as string).toISOString()).toBe(
        '2021-05-11T16:59:59.999Z',
      );
    });

    it('refuses one at 2021-05-12T00:00:00+07:00: 422 deadline-passed, naming the cut-off instant', async () => {
      await moveClock(cutoff);
      const response = await ttud().post<Problem>(`/nominations/${late}/submit`);
      expectProblem(response, 422, 'deadline-passed', { awardFormCode: FORM });
      expect(ms(String(response.body.params?.['cutoff']))).toBe(ms(cutoff));
    });

    it('refuses a resubmission at the cut-off when the return gave no later deadline', async () => {
      const response = await ttud().post(`/nominations/${returnedPlain}/submit`);
      expectProblem(response, 422, 'deadline-passed');
    });

    it("accepts a resubmission after the cut-off before the return's resubmitBefore", async () => {
      const response = await ttud().post<Dossier>(`/nominations/${returnedExtended}/submit`);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('submitted');
    });
  });
});
