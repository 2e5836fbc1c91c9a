import {
  ApiClient,
  bacKanDraft,
  bacKanUnits,
  buildAgency,
  describeResponse,
  eventually,
  expectStatus,
  registerTenant,
  SCENARIO_PASSWORD,
  type ApiResponse,
  type ControllableClock,
  type JsonObject,
  type ScenarioAgency,
} from '@ttkt/testing';
import type {
  CouncilSessionView,
  CouncilView,
  DossierReviewHistoryItem,
  NominationStatus,
} from '@ttkt/contracts';
import request from 'supertest';
import { pdf } from './dossier-files';
import type { TestPlatform } from './test-platform';

/** The plan's Giấy khen of the Director (quota 3, decided by the agency head). */
export const GIAY_KHEN = 'GIAY_KHEN_GD_SO';
/** The plan's Bằng khen of the provincial chair (quota 2, proposed before 31/5/2021). */
export const BANG_KHEN = 'BANG_KHEN_CT_UBND_TINH';
/** The documents the unit stage of both forms requires. */
export const UNIT_STAGE_DOCUMENTS = ['CONG_VAN_DE_NGHI', 'BIEN_BAN_HOP_XET', 'BAO_CAO_THANH_TICH'];
/** The reason the chair gives for a tie-break (Decree 152/2025, art. 4.6). */
export const WOMEN_PREFERENCE_REASON = 'Ưu tiên nữ theo khoản 6 Điều 4 Nghị định 152/2025/NĐ-CP';
/** Where the council's rules come from. */
export const COUNCIL_RULES_SOURCE =
  'Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng Sở (Quyết định số 05/QĐ-SKHCN ngày 05/01/2021)';

/** The instant as milliseconds, whatever offset it is written with. */
export const ms = (instant: string): number => Date.parse(instant);

/** A nominee of a dossier. */
export type Nominee =
  { kind: 'individual'; personId: string } | { kind: 'collective'; unitId: string };

/** A problem answer's body. */
export interface Problem {
  type: string;
  status?: number;
  params?: Record<string, unknown>;
  errors?: { path: string; message: string }[];
}

/** The fields of a dossier (`GET /nominations/{id}`) the review scenarios read. */
export interface DossierBody {
  id: string;
  campaignId: string;
  awardFormCode: string;
  nominee: Nominee;
  status: NominationStatus;
  onHold: boolean;
  version: number;
}

/** One line of `GET /nominations/{id}/history` (the nomination's and review's events, by instant). */
export type HistoryLine = DossierReviewHistoryItem;

/** A threshold as `PUT /agencies/{id}/council` takes it. */
export interface ThresholdInput {
  awardFormCode?: string;
  fraction: string;
  of: 'all-members' | 'present' | 'participants';
  secretBallot: boolean;
}

/** The rules as `PUT /agencies/{id}/council` takes them. */
export interface CouncilRulesInput {
  quorum?: string;
  minAttendance?: string;
  allowWrittenVotes?: boolean;
  thresholds: ThresholdInput[];
  source?: string;
  effectiveFrom?: string;
}

/**
 * A vote plan for one dossier: the choice of each council member by index (`true` yes, `false`
 * no, `null` no ballot).
 */
export interface BallotPlan {
  nominationId: string;
  choices: (boolean | null)[];
}

/** How {@link ReviewScenario.build} sets the agency up. */
export interface ReviewScenarioOptions {
  /** How many council members (users `hoidong1.bk`, …), default 5. */
  councilSize?: number;
}

/** Expects a problem answer of `status` and `type` (and `params` when given). */
export function expectProblem(
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

/** Runs `work` on every item with at most `limit` running at once; answers in the items' order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => worker()));
  return results;
}

/** The answer to a review command that may arrive before review has the facts it needs. */
function notYet(response: ApiResponse<unknown>, retryOn: (problem: Problem) => boolean): boolean {
  return response.status >= 400 && retryOn(response.body as Problem);
}

/**
 * The review scenarios' world, built through the public API: the province of Bắc Kạn, its
 * Department of Science and Technology (`SKHCN`) with the fixture's units, the secretariat
 * (`vanphong.bk`), the director (`giamdoc.bk`, agency-head), the head of the centre
 * (`truongttud.bk`, unit-head, who nominates), and `councilSize` council members
 * (`hoidong1.bk`…, viewers whose only part is the council). Steps: people, plans issued from the
 * fixture, dossiers drafted, documented, submitted, accepted or returned, the council configured,
 * sessions opened, voted and closed. Every user signs in again when the clock moves (tokens
 * carry the clock's time).
 */
export class ReviewScenario {
  /** Signed-in clients by username (the agency admin under `agencyAdmin`). */
  readonly clients: Record<string, ApiClient> = {};
  /** The council members' usernames, in order (the first is the chair, the second the secretary). */
  readonly memberNames: string[];

  private constructor(
    readonly test: TestPlatform,
    readonly clock: ControllableClock,
    readonly agency: ScenarioAgency,
    memberNames: string[],
    private readonly adminUsername: string,
  ) {
    this.memberNames = memberNames;
    Object.assign(this.clients, agency.users);
    this.clients[adminUsername] = agency.agencyAdmin;
  }

  /** Builds the agency and its users through the API (the platform must be started). */
  static async build(
    test: TestPlatform,
    clock: ControllableClock,
    options: ReviewScenarioOptions = {},
  ): Promise<ReviewScenario> {
    const councilSize = options.councilSize ?? 5;
    const admin = test.admin;
    const tenantId = await registerTenant(admin, 'BK', 'Tỉnh Bắc Kạn');
    const memberNames = Array.from({ length: councilSize }, (_, i) => `hoidong${i + 1}.bk`);
    const memberFullNames = [
      'Đỗ Văn Hùng',
      'Hoàng Thị Thu',
      'Nông Văn Dũng',
      'Triệu Thị Hoa',
      'Lý Văn Sáng',
      'Ma Thị Hằng',
      'Hà Văn Bảo',
    ];
    const agency = await buildAgency(admin, {
      tenantId,
      code: 'SKHCN',
      name: 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
      adminUsername: 'qt.skhcn',
      units: bacKanUnits(),
      users: [
        {
          username: 'vanphong.bk',
          fullName: 'Hoàng Thị Thu',
          roles: ['secretariat'],
          unitCode: 'VP',
        },
        { username: 'giamdoc.bk', fullName: 'Đỗ Thị Hiền', roles: ['agency-head'] },
        {
          username: 'truongttud.bk',
          fullName: 'Bế Văn Tùng',
          roles: ['unit-head'],
          unitCode: 'TTUD',
        },
        ...memberNames.map((username, i) => ({
          username,
          fullName: memberFullNames[i % memberFullNames.length] as string,
          roles: ['viewer'],
          unitCode: 'VP',
        })),
      ],
    });
    return new ReviewScenario(test, clock, agency, memberNames, 'qt.skhcn');
  }

  /** The secretariat (accepts, returns, opens and closes sessions, records outcomes). */
  get secretariat(): ApiClient {
    return this.client('vanphong.bk');
  }

  /** The agency head (decisions, revocations, proposals). */
  get head(): ApiClient {
    return this.client('giamdoc.bk');
  }

  /** The head of the centre (nominates, submits). */
  get unitHead(): ApiClient {
    return this.client('truongttud.bk');
  }

  /** The agency's admin (people, holds, the council). */
  get admin(): ApiClient {
    return this.client(this.adminUsername);
  }

  /** Council member `index` (0 = the chair). */
  member(index: number): ApiClient {
    return this.client(this.memberNames[index] as string);
  }

  /** The user id of council member `index`. */
  memberId(index: number): string {
    return this.userId(this.memberNames[index] as string);
  }

  /** Every council member's user id, in order. */
  get memberIds(): string[] {
    return this.memberNames.map((name) => this.userId(name));
  }

  /** A user's id by username. */
  userId(username: string): string {
    const id = this.agency.userIds[username];
    if (id === undefined) throw new Error(`no user ${username}`);
    return id;
  }

  /** A signed-in client by username. */
  client(username: string): ApiClient {
    const client = this.clients[username];
    if (!client) throw new Error(`no client for ${username}`);
    return client;
  }

  /** Sets the clock and signs everyone in again. */
  async moveClock(instant: string): Promise<void> {
    this.clock.set(instant);
    await mapWithConcurrency(Object.keys(this.clients), 4, async (username) => {
      this.clients[username] = await ApiClient.login(this.test.server, username, SCENARIO_PASSWORD);
    });
  }

  /** Registers a person of `unitCode` (default the centre) and answers the id. */
  async registerPerson(
    fullName: string,
    gender: 'male' | 'female',
    unitCode = 'TTUD',
    position = 'Chuyên viên',
  ): Promise<string> {
    const unitId = this.agency.units[unitCode];
    const created = await this.admin.post<{ id: string }>(
      `/agencies/${this.agency.agencyId}/people`,
      { fullName, dateOfBirth: '1984-06-15', gender, unitId, position },
    );
    return expectStatus(created, 201).id;
  }

  /** Registers `count` people of the centre (`<prefix> 1`, …) with bounded concurrency. */
  registerPeople(count: number, prefix: string, concurrency = 8): Promise<string[]> {
    return mapWithConcurrency(
      Array.from({ length: count }, (_, i) => i),
      concurrency,
      (i) => this.registerPerson(`${prefix} ${i + 1}`, i % 2 === 0 ? 'female' : 'male'),
    );
  }

  /**
   * Drafts the fixture's plan (with `overrides`) and issues it: `201` issued. Answers its id and
   * plan number.
   */
  async issuePlan(
    options: { issuedOn?: string; registerNumber?: number; overrides?: JsonObject } = {},
  ): Promise<{ campaignId: string; planNumber: string }> {
    const drafted = await this.secretariat.post<{ id: string }>(
      '/campaigns',
      bacKanDraft(this.agency.agencyId, options.overrides ?? {}),
    );
    const campaignId = expectStatus(drafted, 201).id;
    const issued = await this.head.post<{ planNumber: string; status: string }>(
      `/campaigns/${campaignId}/issue`,
      {
        issuedOn: options.issuedOn ?? '2021-03-30',
        ...(options.registerNumber === undefined ? {} : { registerNumber: options.registerNumber }),
      },
    );
    const body = expectStatus(issued, 201);
    if (body.status !== 'issued') throw new Error(`not issued: ${describeResponse(issued)}`);
    return { campaignId, planNumber: body.planNumber };
  }

  /** The body of `POST /campaigns/{id}/nominations` by the centre. */
  nominationBody(nominee: Nominee, awardFormCode: string): Record<string, unknown> {
    return {
      awardFormCode,
      nominatingUnitId: this.agency.units['TTUD'],
      nominee,
      achievementSummary:
        'Hoàn thành xuất sắc nhiệm vụ; tham gia tích cực công tác bầu cử năm 2021.',
      criteria: [
        {
          criterion: 'Có thành tích xuất sắc, tiêu biểu trong công tác chuyên môn được giao.',
          met: true,
          evidence: 'Báo cáo tổng kết 6 tháng đầu năm 2021',
        },
      ],
    };
  }

  /** A draft by the centre, once the nomination service has the plan and the nominee: its id. */
  async draft(campaignId: string, nominee: Nominee, awardFormCode: string): Promise<string> {
    const created = await eventually(
      async () => {
        const response = await this.unitHead.post<{ id: string }>(
          `/campaigns/${campaignId}/nominations`,
          this.nominationBody(nominee, awardFormCode),
        );
        if (response.status === 422) throw new Error(`not yet: ${describeResponse(response)}`);
        return response;
      },
      { timeoutMs: 15_000 },
    );
    return expectStatus(created, 201).id;
  }

  /** Attaches one PDF of `documentTypeCode`: `201`. */
  async attach(
    nominationId: string,
    documentTypeCode: string,
    text = documentTypeCode,
  ): Promise<void> {
    const answer = await request(this.test.server)
      .post(`/api/v1/nominations/${nominationId}/documents`)
      .set('Authorization', `Bearer ${this.unitHead.token ?? ''}`)
      .field('documentTypeCode', documentTypeCode)
      .attach('file', pdf(`${text} ${nominationId}`), {
        filename: `${documentTypeCode}.pdf`,
        contentType: 'application/pdf',
      });
    if (answer.status !== 201) {
      throw new Error(
        `attaching ${documentTypeCode}: ${answer.status} ${answer.text.slice(0, 500)}`,
      );
    }
  }

  /** Submits as the centre: `200 submitted`. */
  async submit(nominationId: string): Promise<void> {
    const submitted = await this.unitHead.post<{ status: string }>(
      `/nominations/${nominationId}/submit`,
    );
    if (expectStatus(submitted, 200).status !== 'submitted') {
      throw new Error(`not submitted: ${describeResponse(submitted)}`);
    }
  }

  /** A dossier drafted with every unit-stage document and submitted: its id. */
  async submitted(campaignId: string, nominee: Nominee, awardFormCode: string): Promise<string> {
    const id = await this.draft(campaignId, nominee, awardFormCode);
    for (const code of UNIT_STAGE_DOCUMENTS) await this.attach(id, code);
    await this.submit(id);
    return id;
  }

  /**
   * `POST /nominations/{id}/review/accept` as the secretariat, retried while review has not yet
   * received the submission (`404`, or `409` before its status is `submitted`); answers the last
   * response (the caller asserts it).
   */
  accept(
    nominationId: string,
    options: { client?: ApiClient; waitWhile?: string[] } = {},
  ): Promise<ApiResponse> {
    const client = options.client ?? this.secretariat;
    return this.untilReviewHasIt(
      () => client.post(`/nominations/${nominationId}/review/accept`),
      options.waitWhile ?? [],
    );
  }

  /** `POST /nominations/{id}/review/return` as the secretariat (retried like {@link accept}). */
  returnDossier(
    nominationId: string,
    reasons: string[],
    resubmitBefore?: string,
  ): Promise<ApiResponse> {
    return this.untilReviewHasIt(() =>
      this.secretariat.post(`/nominations/${nominationId}/review/return`, {
        reasons,
        ...(resubmitBefore === undefined ? {} : { resubmitBefore }),
      }),
    );
  }

  /** A dossier submitted and accepted (`200`): its id. */
  async accepted(campaignId: string, nominee: Nominee, awardFormCode: string): Promise<string> {
    const id = await this.submitted(campaignId, nominee, awardFormCode);
    expectStatus(await this.accept(id), 200);
    return id;
  }

  /** Accepted dossiers for each person (bounded concurrency), ids in the people's order. */
  acceptedForPeople(
    campaignId: string,
    personIds: readonly string[],
    awardFormCode: string,
    concurrency = 8,
  ): Promise<string[]> {
    return mapWithConcurrency(personIds, concurrency, (personId) =>
      this.accepted(campaignId, { kind: 'individual', personId }, awardFormCode),
    );
  }

  /** `PUT /agencies/{id}/council` as the agency admin: the members, chair `0`, secretary `1`. */
  configureCouncil(rules: CouncilRulesInput): Promise<ApiResponse<CouncilView>> {
    return this.admin.put<CouncilView>(`/agencies/${this.agency.agencyId}/council`, {
      chairUserId: this.memberId(0),
      secretaryUserId: this.memberId(1),
      memberUserIds: this.memberIds,
      rules: { source: COUNCIL_RULES_SOURCE, ...rules },
    });
  }

  /**
   * `POST /campaigns/{id}/council-sessions` as the secretariat (all members present unless
   * given), retried while review has not received the plan yet (`422 campaign-not-open`).
   */
  openSession(
    campaignId: string,
    body: { heldOn: string; awardFormCodes: string[]; presentUserIds?: string[] },
  ): Promise<ApiResponse<CouncilSessionView>> {
    return eventually(
      async () => {
        const response = await this.secretariat.post<CouncilSessionView>(
          `/campaigns/${campaignId}/council-sessions`,
          { presentUserIds: this.memberIds, ...body },
        );
        if (notYet(response, (problem) => problem.type === 'campaign-not-open')) {
          throw new Error(`not yet: ${describeResponse(response)}`);
        }
        return response;
      },
      { timeoutMs: 15_000 },
    );
  }

  /** `POST /council-sessions/{id}/votes` by member `index`. */
  vote(
    sessionId: string,
    index: number,
    nominationId: string,
    approve: boolean,
  ): Promise<ApiResponse> {
    return this.member(index).post(`/council-sessions/${sessionId}/votes`, {
      nominationId,
      approve,
    });
  }

  /** Casts every planned ballot (members in turn, 4 at a time): each `200`/`201`. */
  async castBallots(sessionId: string, plans: readonly BallotPlan[]): Promise<void> {
    const ballots = plans.flatMap((plan) =>
      plan.choices.flatMap((choice, index) =>
        choice === null ? [] : [{ nominationId: plan.nominationId, index, approve: choice }],
      ),
    );
    await mapWithConcurrency(ballots, 4, async (ballot) => {
      const answer = await this.vote(sessionId, ballot.index, ballot.nominationId, ballot.approve);
      expectStatus(answer, 200, 201);
    });
  }

  /** `POST /council-sessions/{id}/close` as the secretariat. */
  closeSession(sessionId: string): Promise<ApiResponse<CouncilSessionView>> {
    return this.secretariat.post<CouncilSessionView>(`/council-sessions/${sessionId}/close`);
  }

  /** `POST /campaigns/{id}/decisions` as the agency head. */
  decide(
    campaignId: string,
    awardFormCode: string,
    nominationIds: string[],
    decidedOn: string,
    client: ApiClient = this.head,
  ): Promise<ApiResponse> {
    return client.post(`/campaigns/${campaignId}/decisions`, {
      awardFormCode,
      nominationIds,
      decidedOn,
    });
  }

  /** Every dossier of a campaign (all pages), id → status. */
  async statuses(campaignId: string): Promise<Record<string, NominationStatus>> {
    const found: Record<string, NominationStatus> = {};
    let cursor: string | null = null;
    do {
      const page: ApiResponse<{ items: DossierBody[]; nextCursor: string | null }> =
        await this.secretariat.get(`/campaigns/${campaignId}/nominations`, {
          query: { limit: 100, ...(cursor === null ? {} : { cursor }) },
        });
      const body = expectStatus(page, 200);
      for (const item of body.items) found[item.id] = item.status;
      cursor = body.nextCursor;
    } while (cursor !== null);
    return found;
  }

  /** Waits until each dossier reads its status in `GET /campaigns/{id}/nominations`. */
  async statusesReached(
    campaignId: string,
    expected: Record<string, NominationStatus>,
    timeoutMs = 15_000,
  ): Promise<void> {
    await eventually(
      async () => {
        const all = await this.statuses(campaignId);
        const actual = Object.fromEntries(Object.keys(expected).map((id) => [id, all[id]]));
        expect(actual).toEqual(expected);
      },
      { timeoutMs, intervalMs: 100 },
    );
  }

  /** `GET /nominations/{id}/history` as the secretariat: its lines. */
  async history(nominationId: string): Promise<HistoryLine[]> {
    const answer = await this.secretariat.get<{ items: HistoryLine[] }>(
      `/nominations/${nominationId}/history`,
    );
    return expectStatus(answer, 200).items;
  }

  /**
   * Sends until review has the dossier (not `404`, not `409 invalid-state` for a status `none`,
   * nor for one of `waitWhile`, e.g. `returned` before a resubmission arrives).
   */
  private untilReviewHasIt(
    send: () => Promise<ApiResponse>,
    waitWhile: string[] = [],
  ): Promise<ApiResponse> {
    return eventually(
      async () => {
        const response = await send();
        const problem = response.body as unknown as Problem;
        const status = problem.params?.['status'];
        const early =
          response.status === 404 ||
          (response.status === 409 &&
            problem.type === 'invalid-state' &&
            (status === undefined ||
              status === 'none' ||
              (typeof status === 'string' && waitWhile.includes(status))));
        if (early) throw new Error(`not yet: ${describeResponse(response)}`);
        return response;
      },
      { timeoutMs: 15_000 },
    );
  }
}
