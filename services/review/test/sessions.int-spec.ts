import { randomUUID } from 'node:crypto';
import {
  REVIEW_RPC,
  type CommandContext,
  type CommandResult,
  type CouncilSessionList,
  type CouncilSessionView,
  type CouncilView,
  type DossierReviewHistory,
  type IntegrationEvent,
  type SessionClosedV1,
} from '@ttkt/contracts';
import { RemoteDomainError } from '@ttkt/messaging';
import {
  ControllableClock,
  eventually,
  startServiceUnderTest,
  type ServiceUnderTest,
} from '@ttkt/testing';
import { CampaignCopy } from '../src/copies/campaign-copy';
import type { DossierEvent } from '../src/dossiers/dossier.events';
import { DossierReads } from '../src/dossiers/dossier-reads';
import { DossierStreams } from '../src/dossiers/dossier-streams';
import { REVIEW_SERVICE, startReviewService } from '../src/review.service';
import { SessionResults } from '../src/sessions/session-results';

const TENANT = 'bac-kan';
/** Giấy khen của Giám đốc Sở: open ballot, 1/2 of those present, quota 2. */
const OPEN_FORM = 'GIAY_KHEN_GD_SO';
/** Bằng khen của Chủ tịch UBND tỉnh: secret ballot, 2/3 of all members, quota 1. */
const SECRET_FORM = 'BANG_KHEN_CT_UBND';
/** In the plan, without a threshold in the council's rules. */
const UNRULED_FORM = 'CHIEN_SI_THI_DUA_CO_SO';
const TIE_BREAK_REASON = 'Ưu tiên nữ theo khoản 6 Điều 4 Nghị định 152/2025/NĐ-CP';

/**
 * The review service's councils and sessions on a test schema, with the in-process transport and
 * RPC: the campaign's plan arrives as `campaign.issued.v1`, the dossiers are put in `accepted`
 * through the service's own `DossierStreams`, and the council, the session, its votes and its
 * close go through the RPC entries the gateway calls.
 */
describe('review: councils and sessions', () => {
  let harness: ServiceUnderTest;
  const clock = new ControllableClock('2021-05-20T08:00:00+07:00');
  const agencyId = randomUUID();
  const campaignId = randomUUID();
  const users = {
    chair: `u-giam-doc-${randomUUID()}`,
    secretary: `u-chanh-van-phong-${randomUUID()}`,
    deputy: `u-pho-giam-doc-${randomUUID()}`,
    head: `u-truong-phong-${randomUUID()}`,
    union: `u-cong-doan-${randomUUID()}`,
    stranger: `u-chuyen-vien-${randomUUID()}`,
  };
  const members = [users.chair, users.secretary, users.deputy, users.head, users.union];
  const present = members.slice(0, 4);
  /** Open form: lan, minh, hoa, mai accepted; vy only submitted (not on the agenda). */
  const open = { lan: randomUUID(), minh: randomUUID(), hoa: randomUUID(), mai: randomUUID() };
  const notAccepted = randomUUID();
  /** Secret form: tuan, binh, an accepted. */
  const secret: Record<'tuan' | 'binh' | 'an', string> = {
    tuan: randomUUID(),
    binh: randomUUID(),
    an: randomUUID(),
  };
  const sessionId = randomUUID();

  beforeAll(async () => {
    harness = await startServiceUnderTest({
      label: 'review_sessions',
      service: REVIEW_SERVICE,
      tenantId: TENANT,
      start: startReviewService,
      clock,
      observe: ['review.#'],
    });
    await publishIssued();
    for (const [name, id] of Object.entries(open)) await dossier(id, OPEN_FORM, name, true);
    await dossier(notAccepted, OPEN_FORM, 'vy', false);
    for (const [name, id] of Object.entries(secret)) await dossier(id, SECRET_FORM, name, true);
  });

  afterAll(() => harness?.stop());

  function contextOf(actorId: string): CommandContext {
    return {
      tenantId: TENANT,
      actor: { kind: 'user', id: actorId },
      correlationId: `sessions-int-spec-${randomUUID()}`,
    };
  }

  async function refusal(call: Promise<unknown>): Promise<RemoteDomainError> {
    const error = await call.then(
      () => undefined,
      (rejected: unknown) => rejected,
    );
    if (!(error instanceof RemoteDomainError))
      throw new Error(`expected a refusal, got ${String(error)}`);
    return error;
  }

  async function publishIssued(): Promise<void> {
    const envelope: IntegrationEvent = {
      id: randomUUID(),
      type: 'campaign.issued.v1',
      tenantId: TENANT,
      occurredAt: clock.now().toISOString(),
      source: {
        service: 'campaign',
        streamId: `campaign-${campaignId}`,
        streamVersion: 2,
        position: 'campaign:1000.2',
      },
      data: {
        campaignId,
        agencyId,
        title: 'Kế hoạch tổ chức phong trào thi đua',
        planNumber: '27/KH-SKHCN',
        number: 27,
        year: 2021,
        issuedOn: '2021-03-30',
        plan: {
          title: 'Kế hoạch tổ chức phong trào thi đua',
          signer: { capacity: 'KT.', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn A' },
          recipients: [{ name: 'Ban TĐKT tỉnh', purpose: 'b/c' }],
          awardForms: [
            {
              code: OPEN_FORM,
              name: 'Giấy khen của Giám đốc Sở',
              decidedBy: { kind: 'agency-head', title: 'Giám đốc Sở' },
              quota: { max: 2 },
            },
            {
              code: SECRET_FORM,
              name: 'Bằng khen của Chủ tịch UBND tỉnh',
              decidedBy: { kind: 'higher-authority', title: 'Chủ tịch UBND tỉnh' },
              quota: { max: 1 },
            },
            {
              code: UNRULED_FORM,
              name: 'Chiến sĩ thi đua cơ sở',
              decidedBy: { kind: 'agency-head', title: 'Giám đốc Sở' },
              quota: { max: 3 },
            },
          ],
        },
      },
    };
    await harness.publishEnvelope(envelope);
  }

  /** A dossier received by review (and accepted by the secretariat when `accepted`). */
  async function dossier(
    nominationId: string,
    awardFormCode: string,
    name: string,
    accepted: boolean,
  ): Promise<void> {
    const facts = { nominationId, campaignId, at: clock.now().toISOString(), by: null };
    const events: DossierEvent[] = [
      {
        type: 'DossierReceived',
        data: {
          ...facts,
          agencyId,
          awardFormCode,
          nominatingUnitId: 'u-qlkh',
          nomineeRef: { kind: 'individual', personId: `p-${name}` },
          nominee: {
            kind: 'individual',
            fullName: name,
            dateOfBirth: '1985-03-14',
            gender: 'female',
            position: 'Chuyên viên',
            unitId: 'u-qlkh',
            unitName: 'Phòng Quản lý khoa học',
          },
          achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2021',
          resubmission: false,
        },
      },
      ...(accepted ? [{ type: 'DossierAccepted' as const, data: facts }] : []),
    ];
    await appendToDossier(nominationId, events);
  }

  async function appendToDossier(nominationId: string, events: DossierEvent[]): Promise<void> {
    const streams = harness.service.app.get(DossierStreams);
    await harness.service.infrastructure.store.transaction((client) =>
      streams.run(TENANT, nominationId, () => events, {
        client,
        metadata: { actor: { kind: 'user', id: users.secretary } },
      }),
    );
  }

  function configure(
    overrides: Record<string, unknown> = {},
    actor = 'u-quan-tri',
  ): Promise<CommandResult<CouncilView>> {
    return harness.send(REVIEW_RPC.configureCouncil, {
      context: contextOf(actor),
      agencyId,
      chairUserId: users.chair,
      secretaryUserId: users.secretary,
      memberUserIds: members,
      rules: {
        thresholds: [
          { awardFormCode: OPEN_FORM, fraction: '1/2', of: 'present', secretBallot: false },
          { awardFormCode: SECRET_FORM, fraction: '2/3', of: 'all-members', secretBallot: true },
        ],
        source: 'Quy chế hoạt động của Hội đồng TĐKT Sở, Điều 6',
        effectiveFrom: '2021-01-01',
      },
      ...overrides,
    });
  }

  function openSession(
    overrides: Record<string, unknown> = {},
  ): Promise<CommandResult<CouncilSessionView>> {
    return harness.send(REVIEW_RPC.openSession, {
      context: contextOf(users.secretary),
      sessionId,
      campaignId,
      heldOn: '2021-05-20',
      presentUserIds: present,
      awardFormCodes: [OPEN_FORM, SECRET_FORM],
      ...overrides,
    });
  }

  function vote(
    voter: string,
    nominationId: string,
    approve: boolean,
    session = sessionId,
  ): Promise<CommandResult<CouncilSessionView>> {
    return harness.send(REVIEW_RPC.castVote, {
      context: contextOf(voter),
      sessionId: session,
      nominationId,
      approve,
    });
  }

  function close(session = sessionId): Promise<CommandResult<CouncilSessionView>> {
    return harness.send(REVIEW_RPC.closeSession, {
      context: contextOf(users.secretary),
      sessionId: session,
    });
  }

  function getSession(id = sessionId): Promise<CouncilSessionView> {
    return harness.send(REVIEW_RPC.getSession, { tenantId: TENANT, sessionId: id });
  }

  it('configures the agency’s council and answers it', async () => {
    const { body, version, position } = await configure();
    expect(version).toBe(1);
    expect(position).toMatch(/^review:\d+\.\d+$/);
    expect(body.agencyId).toBe(agencyId);
    expect(body.version).toBe(1);
    expect(body.current).toEqual(
      expect.objectContaining({
        chairUserId: users.chair,
        secretaryUserId: users.secretary,
        memberUserIds: members,
      }),
    );
    expect(body.current?.rules).toEqual(
      expect.objectContaining({ quorum: '2/3', minAttendance: null, allowWrittenVotes: true }),
    );
    expect(body.history).toEqual([body.current]);
    expect((await configure()).version).toBe(1);
    const council = await harness.send<CouncilView>(REVIEW_RPC.getCouncil, {
      tenantId: TENANT,
      agencyId,
    });
    expect(council).toEqual(body);
    const unknown = await refusal(
      harness.send(REVIEW_RPC.getCouncil, { tenantId: TENANT, agencyId: randomUUID() }),
    );
    expect(unknown.code).toBe('not-found');
  });

  it('refuses a chair who is not a member, and a bad fraction', async () => {
    const refused = await refusal(
      configure({
        chairUserId: users.stranger,
        rules: {
          quorum: '4/3',
          thresholds: [{ fraction: '1/2', of: 'present', secretBallot: false }],
          source: 'Quy chế',
        },
      }),
    );
    expect(refused.code).toBe('validation-failed');
    expect(refused.toPayload().errors).toEqual([
      { path: 'chairUserId', message: 'notAMember' },
      { path: 'rules.quorum', message: 'invalidFraction' },
    ]);
  });

  it('refuses to open a session with a stranger present, or a form without a threshold', async () => {
    const stranger = await refusal(openSession({ presentUserIds: [users.chair, users.stranger] }));
    expect(stranger.code).toBe('not-a-council-member');
    const unruled = await refusal(openSession({ awardFormCodes: [OPEN_FORM, UNRULED_FORM] }));
    expect(unruled.code).toBe('validation-failed');
    const unknownForm = await refusal(openSession({ awardFormCodes: ['KHAC'] }));
    expect(unknownForm.code).toBe('unknown-award-form');
    const beforeRules = await refusal(openSession({ heldOn: '2020-12-31' }));
    expect(beforeRules.code).toBe('invalid-state');
    expect(beforeRules.toPayload().params).toEqual(
      expect.objectContaining({ reason: 'no-council' }),
    );
  });

  it('opens a session with each form’s accepted dossiers on the agenda', async () => {
    const { body, version } = await openSession();
    expect(version).toBe(1);
    expect(body).toEqual(
      expect.objectContaining({
        id: sessionId,
        campaignId,
        agencyId,
        heldOn: '2021-05-20',
        status: 'open',
        chairUserId: users.chair,
        memberUserIds: members,
        presentUserIds: present,
        result: null,
      }),
    );
    expect(body.agenda.map((form) => [form.awardFormCode, form.secretBallot, form.quota])).toEqual([
      [OPEN_FORM, false, 2],
      [SECRET_FORM, true, 1],
    ]);
    expect(body.agenda[0]?.dossiers.map((d) => d.nominationId).sort()).toEqual(
      Object.values(open).sort(),
    );
    expect(body.agenda[1]?.dossiers.map((d) => d.nominationId).sort()).toEqual(
      Object.values(secret).sort(),
    );
    expect((await openSession()).version).toBe(1);
  });

  it('takes open votes, changeable, shown with their choices', async () => {
    // lan 3 yes; minh, hoa, mai 2 yes each (a tie for the second place of two).
    for (const voter of [users.chair, users.secretary, users.deputy])
      await vote(voter, open.lan, true);
    for (const id of [open.minh, open.hoa, open.mai]) {
      await vote(users.chair, id, true);
      await vote(users.secretary, id, true);
    }
    await vote(users.head, open.mai, true);
    const { body } = await vote(users.head, open.mai, false);
    const mai = body.votes.find((line) => line.nominationId === open.mai);
    expect(mai).toEqual({
      nominationId: open.mai,
      voters: 3,
      votes: [
        { voterUserId: users.chair, approve: true },
        { voterUserId: users.secretary, approve: true },
        { voterUserId: users.head, approve: false },
      ],
      votedUserIds: [],
    });
  });

  it('refuses a stranger’s vote and a dossier off the agenda', async () => {
    expect((await refusal(vote(users.stranger, open.lan, true))).code).toBe('not-a-council-member');
    expect((await refusal(vote(users.chair, notAccepted, true))).code).toBe('not-found');
  });

  it('takes secret ballots, once each, showing only who voted', async () => {
    // tuan: 4 yes of 5 members (met, 2/3); binh: 3 yes 1 no (not met: 9 < 10); an: 1 yes 1 no.
    const ballots: [string, string, boolean][] = [
      [users.chair, secret.tuan, true],
      [users.secretary, secret.tuan, true],
      [users.deputy, secret.tuan, true],
      [users.union, secret.tuan, true],
      [users.chair, secret.binh, true],
      [users.secretary, secret.binh, false],
      [users.deputy, secret.binh, true],
      [users.head, secret.binh, true],
      [users.chair, secret.an, false],
    ];
    // Concurrent ballots of different members are all counted.
    const answers = await Promise.all(
      ballots.map(([voter, id, approve]) => vote(voter, id, approve)),
    );
    for (const { body } of answers) {
      for (const line of body.votes.filter((l) => Object.values(secret).includes(l.nominationId))) {
        expect(line.votes).toEqual([]);
      }
    }
    // Two concurrent second ballots of one member on one dossier: one counted, one refused.
    const racing = await Promise.allSettled([
      vote(users.secretary, secret.an, true),
      vote(users.secretary, secret.an, true),
    ]);
    expect(racing.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const again = await refusal(vote(users.secretary, secret.an, false));
    expect(again.code).toBe('invalid-state');
    expect(again.toPayload().params).toEqual(
      expect.objectContaining({ reason: 'ballot-already-cast' }),
    );
    const view = await getSession();
    const tuan = view.votes.find((line) => line.nominationId === secret.tuan);
    expect(tuan).toEqual(
      expect.objectContaining({ nominationId: secret.tuan, voters: 4, votes: [] }),
    );
    expect([...(tuan?.votedUserIds ?? [])].sort()).toEqual(
      [users.chair, users.secretary, users.deputy, users.union].sort(),
    );
    expect(
      JSON.stringify(view.votes.filter((l) => Object.values(secret).includes(l.nominationId))),
    ).not.toMatch(/approve/);
  });

  it('leaves a dossier withdrawn before the close out of the tally', async () => {
    // Hoa, on the agenda with two yes votes, is withdrawn by its unit before the close.
    await appendToDossier(open.hoa, [
      {
        type: 'DossierWithdrawn',
        data: {
          nominationId: open.hoa,
          campaignId,
          at: clock.now().toISOString(),
          by: null,
          reason: 'Đơn vị rút hồ sơ',
        },
      },
    ]);
  });

  it('closes: quorum, tally, ranks and the tie, and each dossier’s outcome', async () => {
    clock.set('2021-05-20T11:00:00+07:00');
    const { body } = await close();
    expect(body.status).toBe('closed');
    expect(body.result?.quorum).toEqual({ members: 5, present: 4, required: '2/3', met: true });
    const [openForm, secretForm] = body.result?.forms ?? [];
    expect(openForm?.tally).toEqual([
      {
        nominationId: open.lan,
        yes: 3,
        no: 0,
        ballots: 3,
        denominator: 4,
        approved: true,
        rank: 1,
      },
      {
        nominationId: open.minh,
        yes: 2,
        no: 0,
        ballots: 2,
        denominator: 4,
        approved: true,
        rank: 2,
      },
      {
        nominationId: open.mai,
        yes: 2,
        no: 1,
        ballots: 3,
        denominator: 4,
        approved: true,
        rank: 2,
      },
    ]);
    expect(openForm?.tie).toEqual({ nominationIds: [open.minh, open.mai], places: 1, yes: 2 });
    expect(openForm?.tieBreak).toBeNull();
    // An: the chair's no, and the secretary's one yes of the two racing ballots.
    expect(secretForm?.tally).toEqual([
      {
        nominationId: secret.tuan,
        yes: 4,
        no: 0,
        ballots: 4,
        denominator: 5,
        approved: true,
        rank: 1,
      },
      {
        nominationId: secret.binh,
        yes: 3,
        no: 1,
        ballots: 4,
        denominator: 5,
        approved: false,
        rank: null,
      },
      {
        nominationId: secret.an,
        yes: 1,
        no: 1,
        ballots: 2,
        denominator: 5,
        approved: false,
        rank: null,
      },
    ]);
    // Each secret line's ballots are the members who cast one.
    for (const line of secretForm?.tally ?? []) {
      expect(line.ballots).toBe(
        body.votes.find((v) => v.nominationId === line.nominationId)?.voters,
      );
    }
    const reads = harness.service.app.get(DossierReads);
    const statuses = Object.fromEntries(
      (await reads.getMany(TENANT, [...Object.values(open), ...Object.values(secret)])).map((d) => [
        d.nominationId,
        [d.status, d.sessionId],
      ]),
    );
    expect(statuses).toEqual({
      [open.lan]: ['approved', sessionId],
      [open.minh]: ['approved', sessionId],
      [open.mai]: ['approved', sessionId],
      [open.hoa]: ['withdrawn', null],
      [secret.tuan]: ['approved', sessionId],
      [secret.binh]: ['not-approved', null],
      [secret.an]: ['not-approved', null],
    });
    await eventually(() => {
      const closed = harness.published.find(
        (event) =>
          event.type === 'review.session-closed.v1' &&
          (event.data as SessionClosedV1).sessionId === sessionId,
      );
      expect(closed?.data).toEqual(
        expect.objectContaining({
          campaignId,
          agencyId,
          heldOn: '2021-05-20',
          presentUserIds: present,
          rulesSource: 'Quy chế hoạt động của Hội đồng TĐKT Sở, Điều 6',
          closedAt: '2021-05-20T04:00:00.000Z',
        }),
      );
      expect((closed?.data as SessionClosedV1).forms[1]?.tally[0]).toEqual(
        expect.objectContaining({ nominationId: secret.tuan, yes: 4, ballots: 4 }),
      );
    });
  });

  it('refuses votes and a second close after closing', async () => {
    expect((await refusal(vote(users.chair, open.lan, false))).code).toBe('session-closed');
    expect((await refusal(vote(users.union, secret.an, true))).code).toBe('session-closed');
    expect((await refusal(close())).code).toBe('session-closed');
  });

  it('keeps every secret choice out of the event log', async () => {
    const pool = harness.service.infrastructure.pool;
    const { rows } = await pool.query<{ type: string; data: unknown; metadata: unknown }>(
      `SELECT event_type AS type, data, metadata FROM "${harness.schema.name}".events`,
    );
    const secretIds = new Set(Object.values(secret));
    const ballots = rows.filter((row) => row.type === 'BallotCast');
    expect(ballots).toHaveLength(10);
    for (const row of rows) {
      const text = JSON.stringify([row.data, row.metadata]);
      // No choice of any kind next to a secret dossier, in any event or its metadata.
      if (row.type === 'BallotCast') {
        expect(Object.keys(row.data as object).sort()).toEqual(
          ['at', 'by', 'nominationId', 'sessionId', 'voterUserId'].sort(),
        );
      }
      if (row.type === 'VoteCast') {
        expect(secretIds.has((row.data as { nominationId: string }).nominationId)).toBe(false);
      } else {
        expect(text).not.toMatch(/"approve"/);
      }
    }
    const columns = await pool.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = $1 AND table_name = 'review_secret_tallies' ORDER BY ordinal_position`,
      [harness.schema.name],
    );
    expect(columns.rows.map((row) => row.column_name)).toEqual([
      'tenant_id',
      'session_id',
      'nomination_id',
      'yes',
      'no',
    ]);
    const stored = await pool.query<{ view: CouncilSessionView }>(
      'SELECT view FROM review_sessions WHERE session_id = $1',
      [sessionId],
    );
    const secretVotes = stored.rows[0]?.view.votes.filter((line) =>
      secretIds.has(line.nominationId),
    );
    expect(JSON.stringify(secretVotes)).not.toMatch(/approve/);
  });

  const laterSession = randomUUID();

  it('keeps an earlier session’s unresolved tie when a later session votes on the form', async () => {
    // Thu, accepted after the first session, passes a second session of the open form: no tie
    // there, but the first session's tie (minh, mai) still waits for the chair.
    const thu = randomUUID();
    await dossier(thu, OPEN_FORM, 'thu', true);
    const { body: opened } = await openSession({
      sessionId: laterSession,
      heldOn: '2021-05-21',
      awardFormCodes: [OPEN_FORM],
    });
    expect(opened.agenda[0]?.dossiers.map((d) => d.nominationId)).toEqual([thu]);
    for (const voter of [users.chair, users.secretary, users.deputy]) {
      await vote(voter, thu, true, laterSession);
    }
    const { body: closed } = await close(laterSession);
    expect(closed.result?.forms[0]?.tie).toBeNull();
    const results = harness.service.app.get(SessionResults);
    expect(await results.forForm(TENANT, campaignId, OPEN_FORM)).toEqual({
      latestSessionId: laterSession,
      unresolvedTies: [
        { sessionId, tie: { nominationIds: [open.minh, open.mai], places: 1, yes: 2 } },
      ],
    });
  });

  it('lets only the chair break the tie, with exactly the places among the tied', async () => {
    const tieBreak = (actor: string, chosen: string[]) =>
      harness.send<CommandResult<CouncilSessionView>>(REVIEW_RPC.recordTieBreak, {
        context: contextOf(actor),
        sessionId,
        awardFormCode: OPEN_FORM,
        chosenNominationIds: chosen,
        reason: TIE_BREAK_REASON,
      });
    expect((await refusal(tieBreak(users.secretary, [open.mai]))).code).toBe('forbidden');
    expect((await refusal(tieBreak(users.chair, [open.mai, open.minh]))).code).toBe(
      'validation-failed',
    );
    expect((await refusal(tieBreak(users.chair, [open.lan]))).code).toBe('validation-failed');
    const results = harness.service.app.get(SessionResults);
    expect((await results.forForm(TENANT, campaignId, OPEN_FORM)).unresolvedTies).toEqual([
      { sessionId, tie: { nominationIds: [open.minh, open.mai], places: 1, yes: 2 } },
    ]);
    const { body } = await tieBreak(users.chair, [open.mai]);
    const expected = {
      chosenNominationIds: [open.mai],
      reason: TIE_BREAK_REASON,
      byUserId: users.chair,
      at: '2021-05-20T04:00:00.000Z',
    };
    expect(body.result?.forms[0]?.tieBreak).toEqual(expected);
    expect((await refusal(tieBreak(users.chair, [open.minh]))).code).toBe('invalid-state');
    expect(await results.forForm(TENANT, campaignId, OPEN_FORM)).toEqual({
      latestSessionId: laterSession,
      unresolvedTies: [],
    });
    expect(await results.forForm(TENANT, campaignId, UNRULED_FORM)).toEqual({
      latestSessionId: null,
      unresolvedTies: [],
    });
  });

  it('shows a dossier’s session history: ballots without choices, its tally line', async () => {
    const history = await harness.send<DossierReviewHistory>(REVIEW_RPC.dossierHistory, {
      tenantId: TENANT,
      nominationId: secret.binh,
    });
    const sessionItems = history.items.filter((item) =>
      ['BallotCast', 'VoteCast', 'SessionClosed'].includes(item.type),
    );
    expect(sessionItems.map((item) => item.type)).toEqual([
      'BallotCast',
      'BallotCast',
      'BallotCast',
      'BallotCast',
      'SessionClosed',
    ]);
    for (const item of sessionItems.filter((i) => i.type === 'BallotCast')) {
      expect(Object.keys(item.data).sort()).toEqual(['sessionId', 'voterUserId']);
    }
    expect(sessionItems[4]?.data).toEqual(
      expect.objectContaining({
        sessionId,
        yes: 3,
        no: 1,
        approved: false,
        awardFormCode: SECRET_FORM,
      }),
    );
    const openHistory = await harness.send<DossierReviewHistory>(REVIEW_RPC.dossierHistory, {
      tenantId: TENANT,
      nominationId: open.mai,
    });
    expect(openHistory.items.filter((item) => item.type === 'VoteCast').map((i) => i.data)).toEqual(
      [
        { sessionId, voterUserId: users.chair, approve: true },
        { sessionId, voterUserId: users.secretary, approve: true },
        { sessionId, voterUserId: users.head, approve: true },
        { sessionId, voterUserId: users.head, approve: false },
      ],
    );
    expect(openHistory.items.find((item) => item.type === 'TieBreakRecorded')?.data).toEqual(
      expect.objectContaining({ chosen: true }),
    );
  });

  it('refuses to open a session whose agenda would have no dossier for a form', async () => {
    // Every dossier of both forms has been voted on: nothing is accepted any more.
    const refused = await refusal(
      openSession({ sessionId: randomUUID(), heldOn: '2021-05-21', awardFormCodes: [OPEN_FORM] }),
    );
    expect(refused.code).toBe('invalid-state');
    expect(refused.toPayload().params).toEqual({
      reason: 'no-dossiers',
      awardFormCode: OPEN_FORM,
    });
  });

  it('refuses to close a session without the quorum', async () => {
    const vu = randomUUID();
    const khoa = randomUUID();
    await dossier(vu, OPEN_FORM, 'vu', true);
    // The open form has a dossier now, the secret form still none.
    const empty = await refusal(openSession({ sessionId: randomUUID(), heldOn: '2021-05-21' }));
    expect(empty.toPayload().params).toEqual({
      reason: 'no-dossiers',
      awardFormCode: SECRET_FORM,
    });
    await dossier(khoa, SECRET_FORM, 'khoa', true);
    // Opened after the second session (sessions of one day are listed by opening).
    clock.set('2021-05-20T12:00:00+07:00');
    const thin = randomUUID();
    await openSession({
      sessionId: thin,
      presentUserIds: members.slice(0, 3),
      heldOn: '2021-05-21',
    });
    const refused = await refusal(close(thin));
    expect(refused.code).toBe('quorum-not-met');
    expect(refused.toPayload().params).toEqual(
      expect.objectContaining({ members: 5, present: 3, required: '2/3' }),
    );
    const list = await harness.send<CouncilSessionList>(REVIEW_RPC.listSessions, {
      tenantId: TENANT,
      campaignId,
    });
    expect(list.items.map((item) => [item.id, item.status])).toEqual([
      [sessionId, 'closed'],
      [laterSession, 'closed'],
      [thin, 'open'],
    ]);
    // The earlier sessions' dossiers are decided: the third one's agenda holds the new ones.
    expect(list.items[2]?.agenda.map((form) => form.dossiers.map((d) => d.nominationId))).toEqual([
      [vu],
      [khoa],
    ]);
  });

  it('closes a session after the campaign closed: the vote is recorded, its approved dossier ends not-approved', async () => {
    const lam = randomUUID();
    await dossier(lam, OPEN_FORM, 'lam', true);
    const late = randomUUID();
    await openSession({ sessionId: late, heldOn: '2021-05-22', awardFormCodes: [OPEN_FORM] });
    for (const voter of [users.chair, users.secretary, users.deputy]) {
      await vote(voter, lam, true, late);
    }
    // The campaign closes while the session is open.
    const envelope: IntegrationEvent = {
      id: randomUUID(),
      type: 'campaign.closed.v1',
      tenantId: TENANT,
      occurredAt: clock.now().toISOString(),
      source: {
        service: 'campaign',
        streamId: `campaign-${campaignId}`,
        streamVersion: 3,
        position: 'campaign:1001.3',
      },
      data: { campaignId, agencyId, closedAt: clock.now().toISOString() },
    };
    await harness.publishEnvelope(envelope);
    const copy = harness.service.app.get(CampaignCopy);
    await eventually(async () =>
      expect((await copy.get(TENANT, campaignId))?.status).toBe('closed'),
    );
    clock.set('2021-05-22T11:00:00+07:00');
    const { body } = await close(late);
    // Vu, still accepted from the third session's agenda, is on this one's too (no votes).
    expect(body.result?.forms[0]?.tally.find((line) => line.nominationId === lam)).toEqual(
      expect.objectContaining({ yes: 3, approved: true, rank: 1 }),
    );
    const [read] = await harness.service.app.get(DossierReads).getMany(TENANT, [lam]);
    expect(read?.status).toBe('not-approved');
    const stored = await harness.service.app.get(DossierStreams).stored(TENANT, lam);
    expect(stored.slice(-2).map((event) => [event.type, event.data])).toEqual([
      ['DossierApproved', expect.objectContaining({ sessionId: late })],
      [
        'DossierNotApproved',
        expect.objectContaining({ cause: 'campaign-closed', at: '2021-05-22T04:00:00.000Z' }),
      ],
    ]);
  });
});
