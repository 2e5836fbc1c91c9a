import { ControllableClock, eventually, expectStatus, type ApiResponse } from '@ttkt/testing';
import type {
  CouncilSessionView,
  CouncilView,
  DecisionView,
  ProposalView,
  QuotaLedgerView,
  RegisterEntryView,
  TallyLine,
} from '@ttkt/contracts';
import {
  BANG_KHEN,
  expectProblem,
  GIAY_KHEN,
  ms,
  ReviewScenario,
  WOMEN_PREFERENCE_REASON,
  type BallotPlan,
  type DossierBody,
  type HistoryLine,
} from './support/review-scenario';
import { TestPlatform } from './support/test-platform';

const T = true;
const F = false;

interface RegisterBody {
  agencyId: string;
  year: number;
  entries: RegisterEntryView[];
}

/** The tally line of a dossier in a closed session's form result. */
function tallyOf(session: CouncilSessionView, form: string, nominationId: string): TallyLine {
  const result = session.result?.forms.find((item) => item.awardFormCode === form);
  const line = result?.tally.find((item) => item.nominationId === nominationId);
  if (!line) throw new Error(`no tally line for ${nominationId} in ${form}`);
  return line;
}

/** The history lines whose type ends with `suffix` (`Accepted`, `Returned`, …). */
const linesOf = (lines: HistoryLine[], pattern: RegExp): HistoryLine[] =>
  lines.filter((line) => pattern.test(line.type));

/**
 * Issue #6 through the public API, with the platform's clock in 2021: the seed's campaign (plan
 * 27/KH-SKHCN of Sở KH&CN Bắc Kạn) reviewed to its end. Giấy khen of the Director (quota 3): six
 * dossiers, one returned and resubmitted, all accepted; the council of five votes, four meet the
 * threshold with distinct ranks; the Director decides three (numbered `NN/QĐ-SKHCN`, golden-book
 * numbers 1–3) and closing the campaign leaves the fourth not approved. Bằng khen of the
 * provincial chair (quota 2): three dossiers, two approved, proposed before 31/5/2021
 * (`NN/TTr-SKHCN`), the chair approves one. Then, on a second plan: a tie at the last place and the
 * chair's tie-break, every refusal of a decision, a revocation, and the quorum.
 */
describe('slice #6: the seed campaign reviewed through the API, with the clock in 2021', () => {
  const clock = new ControllableClock('2021-04-01T09:00:00+07:00');
  const test = new TestPlatform({
    label: 'slice_review',
    jwtSecret: 'slice-review-secret-0123456789abcdefgh',
    clock,
    issueWaitMs: 15_000,
  });
  let s: ReviewScenario;
  /** The seed's plan. */
  let campaignId: string;
  let planNumber: string;
  /** A second plan of the same agency, for the tie, the refusals and the revocation. */
  let otherCampaignId: string;
  let otherPlanNumber: string;
  /** Giấy khen dossiers G1..G6 (G6 a collective). */
  const giay: string[] = [];
  /** Bằng khen dossiers B1..B3. */
  const bang: string[] = [];
  /** The second plan's Giấy khen dossiers R1..R7. */
  const other: string[] = [];
  const people: Record<string, string> = {};

  const submitAt = '2021-04-05T08:30:00+07:00';
  const returnAt = '2021-04-06T10:00:00+07:00';
  const resubmitAt = '2021-04-07T09:15:00+07:00';
  const acceptAt = '2021-04-08T14:00:00+07:00';
  const councilAt = '2021-05-13T09:00:00+07:00';
  const sessionAt = '2021-05-14T08:00:00+07:00';
  const voteAt = '2021-05-14T09:30:00+07:00';
  const closeAt = '2021-05-14T11:00:00+07:00';
  const decideAt = '2021-05-17T09:00:00+07:00';
  const proposeAt = '2021-05-20T09:00:00+07:00';
  const outcomeAt = '2021-06-15T09:00:00+07:00';
  const campaignCloseAt = '2021-06-20T16:00:00+07:00';
  const returnReasons = [
    'Công văn đề nghị chưa có dấu của đơn vị.',
    'Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị.',
  ];

  beforeAll(async () => {
    await test.start();
    s = await ReviewScenario.build(test, clock, { councilSize: 5 });
    const names: [string, string, 'male' | 'female'][] = [
      ['g1', 'Nguyễn Văn An', 'male'],
      ['g2', 'Triệu Thị Bình', 'female'],
      ['g3', 'Lê Văn Cường', 'male'],
      ['g4', 'Phạm Thị Dung', 'female'],
      ['g5', 'Hoàng Văn Em', 'male'],
      ['b1', 'Ma Thị Giang', 'female'],
      ['b2', 'Nông Văn Hải', 'male'],
      ['b3', 'Lục Văn Khánh', 'male'],
      ['r1', 'Hà Thị Lan', 'female'],
      ['r2', 'Vi Văn Minh', 'male'],
      ['r3', 'Đinh Văn Nam', 'male'],
      ['r4', 'Lường Thị Oanh', 'female'],
      ['r5', 'Bàn Văn Phúc', 'male'],
      ['r6', 'Chu Văn Quang', 'male'],
      ['r7', 'Hứa Thị Sen', 'female'],
    ];
    for (const [key, fullName, gender] of names) {
      people[key] = await s.registerPerson(fullName, gender);
    }
    ({ campaignId, planNumber } = await s.issuePlan({
      issuedOn: '2021-03-30',
      registerNumber: 27,
    }));
    ({ campaignId: otherCampaignId, planNumber: otherPlanNumber } = await s.issuePlan({
      issuedOn: '2021-03-31',
      overrides: {
        title: 'Tổ chức đợt thi đua chào mừng kỷ niệm Ngày Khoa học và Công nghệ Việt Nam',
      },
    }));

    // Every dossier is submitted on 5 April, before the unit stage's deadline (12/5/2021).
    await s.moveClock(submitAt);
    const individual = (key: string) => ({ kind: 'individual' as const, personId: people[key]! });
    for (const key of ['g1', 'g2', 'g3', 'g4', 'g5']) {
      giay.push(await s.submitted(campaignId, individual(key), GIAY_KHEN));
    }
    giay.push(
      await s.submitted(
        campaignId,
        { kind: 'collective', unitId: s.agency.units['TTUD']! },
        GIAY_KHEN,
      ),
    );
    for (const key of ['b1', 'b2', 'b3']) {
      bang.push(await s.submitted(campaignId, individual(key), BANG_KHEN));
    }
    for (const key of ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']) {
      other.push(await s.submitted(otherCampaignId, individual(key), GIAY_KHEN));
    }
  }, 240_000);

  afterAll(() => test.stop());

  /** The id of dossier `i` of `list` (read when the test runs). */
  const at = (list: string[], i: number) => (): string => list[i] as string;
  const G1 = at(giay, 0);
  const G2 = at(giay, 1);
  const G3 = at(giay, 2);
  const G4 = at(giay, 3);
  const G5 = at(giay, 4);
  const G6 = at(giay, 5);
  const B1 = at(bang, 0);
  const B2 = at(bang, 1);
  const B3 = at(bang, 2);

  describe('the seed campaign 27/KH-SKHCN', () => {
    let sessionId: string;
    let decision: DecisionView;
    let proposal: ProposalView;

    it('returns a dossier with reasons; the unit supplements it and resubmits', async () => {
      await s.moveClock(returnAt);
      const returned = await s.returnDossier(G1(), returnReasons);
      expect(returned.status).toBe(200);
      const read = await eventually(async () => {
        const answer = await s.unitHead.get<DossierBody & { returnReasons: string[] }>(
          `/nominations/${G1()}`,
        );
        expect(answer.body.status).toBe('returned');
        return answer.body;
      });
      expect(read.returnReasons).toEqual(returnReasons);
      // Returned, not accepted: the secretariat cannot accept it until it comes back.
      const early = await s.secretariat.post(`/nominations/${G1()}/review/accept`);
      expectProblem(early, 409, 'invalid-state');

      await s.moveClock(resubmitAt);
      await s.attach(G1(), 'BAO_CAO_THANH_TICH', 'Báo cáo thành tích (có xác nhận)');
      await s.submit(G1());
    });

    it('accepts all nine dossiers; accepting one again → 409 invalid-state', async () => {
      await s.moveClock(acceptAt);
      for (const id of [...giay, ...bang]) {
        // G1 reads `returned` in review until its resubmission arrives.
        const accepted = await s.accept(id, { waitWhile: ['returned'] });
        expect({ id, status: accepted.status }).toEqual({ id, status: 200 });
      }
      const again = await s.secretariat.post(`/nominations/${G2()}/review/accept`);
      expectProblem(again, 409, 'invalid-state');
      // Only the secretariat accepts.
      const byHead = await s.head.post(`/nominations/${G3()}/review/accept`);
      expect(byHead.status).toBe(403);
      await s.statusesReached(
        campaignId,
        Object.fromEntries([...giay, ...bang].map((id) => [id, 'accepted' as const])),
      );
    });

    it('configures the council of five with its dated rules: 200', async () => {
      await s.moveClock(councilAt);
      const wrong = await s.admin.put(`/agencies/${s.agency.agencyId}/council`, {
        chairUserId: s.userId('giamdoc.bk'),
        secretaryUserId: s.memberId(1),
        memberUserIds: s.memberIds,
        rules: {
          thresholds: [{ fraction: '1/2', of: 'all-members', secretBallot: false }],
          source: 'x',
        },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({ type: 'validation-failed' });

      const configured = await s.configureCouncil({
        quorum: '2/3',
        thresholds: [
          { fraction: '1/2', of: 'all-members', secretBallot: false },
          { awardFormCode: GIAY_KHEN, fraction: '1/2', of: 'participants', secretBallot: false },
        ],
        effectiveFrom: '2021-05-01',
      });
      expect(configured.status).toBe(200);
      expect(configured.body.current).toMatchObject({
        chairUserId: s.memberId(0),
        secretaryUserId: s.memberId(1),
        memberUserIds: s.memberIds,
        rules: { quorum: '2/3', effectiveFrom: '2021-05-01' },
      });
      const read = await s.secretariat.get<CouncilView>(`/agencies/${s.agency.agencyId}/council`);
      expect(read.status).toBe(200);
      expect(read.body.current?.memberUserIds).toEqual(s.memberIds);
    });

    it('opens a session on both forms with every member present; the agenda holds the accepted dossiers', async () => {
      await s.moveClock(sessionAt);
      const opened = await s.openSession(campaignId, {
        heldOn: '2021-05-14',
        awardFormCodes: [GIAY_KHEN, BANG_KHEN],
      });
      expect(opened.status).toBe(201);
      sessionId = opened.body.id;
      expect(opened.body).toMatchObject({
        campaignId,
        agencyId: s.agency.agencyId,
        heldOn: '2021-05-14',
        status: 'open',
        chairUserId: s.memberId(0),
        presentUserIds: s.memberIds,
        result: null,
      });
      const agenda = Object.fromEntries(
        opened.body.agenda.map((item) => [item.awardFormCode, item]),
      );
      expect(agenda[GIAY_KHEN]).toMatchObject({
        quota: 3,
        threshold: { fraction: '1/2', of: 'participants' },
        secretBallot: false,
      });
      expect(agenda[GIAY_KHEN]?.dossiers.map((d) => d.nominationId).sort()).toEqual(
        [...giay].sort(),
      );
      expect(agenda[BANG_KHEN]).toMatchObject({
        quota: 2,
        threshold: { fraction: '1/2', of: 'all-members' },
      });
      expect(agenda[BANG_KHEN]?.dossiers.map((d) => d.nominationId).sort()).toEqual(
        [...bang].sort(),
      );
    });

    it('refuses a vote by a user outside the council: 422 not-a-council-member', async () => {
      await s.moveClock(voteAt);
      for (const outsider of [s.secretariat, s.head]) {
        const answer = await outsider.post(`/council-sessions/${sessionId}/votes`, {
          nominationId: G1(),
          approve: true,
        });
        expectProblem(answer, 422, 'not-a-council-member');
      }
    });

    it("records every member's votes; a member may change a vote until the close", async () => {
      // Member 5 first votes against G1, then changes to yes (in the plan below): the last counts.
      const first = await s.vote(sessionId, 4, G1(), false);
      expect([200, 201]).toContain(first.status);
      const plans: BallotPlan[] = [
        { nominationId: G1(), choices: [T, T, T, T, T] },
        { nominationId: G2(), choices: [T, T, T, T, F] },
        { nominationId: G3(), choices: [T, T, T, F, F] },
        { nominationId: G4(), choices: [T, T, F, null, null] },
        { nominationId: G5(), choices: [T, T, F, F, F] },
        { nominationId: G6(), choices: [T, F, F, F, F] },
        { nominationId: B1(), choices: [T, T, T, T, T] },
        { nominationId: B2(), choices: [T, T, T, F, F] },
        { nominationId: B3(), choices: [T, T, F, F, F] },
      ];
      await s.castBallots(sessionId, plans);
      const read = await s.secretariat.get<CouncilSessionView>(`/council-sessions/${sessionId}`);
      expect(read.status).toBe(200);
      const onG1 = read.body.votes.find((item) => item.nominationId === G1());
      expect(onG1?.voters).toBe(5);
      expect(onG1?.votes.find((vote) => vote.voterUserId === s.memberId(4))?.approve).toBe(true);
      const onG4 = read.body.votes.find((item) => item.nominationId === G4());
      expect(onG4?.voters).toBe(3);
    });

    it('closes the session: four Giấy khen meet the threshold with distinct ranks, two Bằng khen, no tie', async () => {
      await s.moveClock(closeAt);
      const closed = await s.closeSession(sessionId);
      expect(closed.status).toBe(200);
      const session = expectStatus(
        await s.secretariat.get<CouncilSessionView>(`/council-sessions/${sessionId}`),
        200,
      );
      expect(session.status).toBe('closed');
      expect(session.result?.quorum).toMatchObject({ members: 5, present: 5, met: true });
      const line = (form: string, id: string) => {
        const { yes, no, ballots, denominator, approved, rank } = tallyOf(session, form, id);
        return { yes, no, ballots, denominator, approved, rank };
      };
      expect(line(GIAY_KHEN, G1())).toEqual({
        yes: 5,
        no: 0,
        ballots: 5,
        denominator: 5,
        approved: true,
        rank: 1,
      });
      expect(line(GIAY_KHEN, G2())).toEqual({
        yes: 4,
        no: 1,
        ballots: 5,
        denominator: 5,
        approved: true,
        rank: 2,
      });
      expect(line(GIAY_KHEN, G3())).toEqual({
        yes: 3,
        no: 2,
        ballots: 5,
        denominator: 5,
        approved: true,
        rank: 3,
      });
      // 2 of 3 participants ≥ 1/2.
      expect(line(GIAY_KHEN, G4())).toEqual({
        yes: 2,
        no: 1,
        ballots: 3,
        denominator: 3,
        approved: true,
        rank: 4,
      });
      expect(line(GIAY_KHEN, G5())).toEqual({
        yes: 2,
        no: 3,
        ballots: 5,
        denominator: 5,
        approved: false,
        rank: null,
      });
      expect(line(GIAY_KHEN, G6())).toEqual({
        yes: 1,
        no: 4,
        ballots: 5,
        denominator: 5,
        approved: false,
        rank: null,
      });
      // 3 of all 5 members ≥ 1/2; 2 of 5 is not.
      expect(line(BANG_KHEN, B1())).toEqual({
        yes: 5,
        no: 0,
        ballots: 5,
        denominator: 5,
        approved: true,
        rank: 1,
      });
      expect(line(BANG_KHEN, B2())).toEqual({
        yes: 3,
        no: 2,
        ballots: 5,
        denominator: 5,
        approved: true,
        rank: 2,
      });
      expect(line(BANG_KHEN, B3())).toEqual({
        yes: 2,
        no: 3,
        ballots: 5,
        denominator: 5,
        approved: false,
        rank: null,
      });
      for (const form of session.result?.forms ?? []) expect(form.tie).toBeNull();

      await s.statusesReached(campaignId, {
        [G1()]: 'approved',
        [G2()]: 'approved',
        [G3()]: 'approved',
        [G4()]: 'approved',
        [G5()]: 'not-approved',
        [G6()]: 'not-approved',
        [B1()]: 'approved',
        [B2()]: 'approved',
        [B3()]: 'not-approved',
      });
    });

    it('refuses a vote after the close: 409 session-closed; the session closes once', async () => {
      const late = await s.vote(sessionId, 2, G5(), true);
      expectProblem(late, 409, 'session-closed');
      const again = await s.closeSession(sessionId);
      expect(again.status).toBe(409);
    });

    it('refuses a decision on a form the higher authority decides: 409 invalid-state', async () => {
      await s.moveClock(decideAt);
      const answer = await s.decide(campaignId, BANG_KHEN, [B1()], '2021-05-17');
      expectProblem(answer, 409, 'invalid-state', { reason: 'decided-by-higher-authority' });
    });

    it('decides three Giấy khen: 201, numbered NN/QĐ-SKHCN, golden-book numbers 1 to 3', async () => {
      const byMember = await s.decide(campaignId, GIAY_KHEN, [G1()], '2021-05-17', s.member(0));
      expect(byMember.status).toBe(403);
      const answer = await s.decide(campaignId, GIAY_KHEN, [G1(), G2(), G3()], '2021-05-17');
      expect(answer.status).toBe(201);
      decision = answer.body as unknown as DecisionView;
      expect(decision).toMatchObject({
        campaignId,
        agencyId: s.agency.agencyId,
        awardFormCode: GIAY_KHEN,
        status: 'issued',
        decidedOn: '2021-05-17',
      });
      expect(decision.number).toMatch(/^\d{2,}\/QĐ-SKHCN$/);
      expect(decision.awardees.map((a) => a.nominationId).sort()).toEqual(
        [G1(), G2(), G3()].sort(),
      );
      expect(decision.awardees.map((a) => a.goldenBookNumber).sort()).toEqual([1, 2, 3]);
      // The signer and recipients default from the plan.
      expect(decision.signer.name).toEqual(expect.any(String));

      const read = await s.head.get<DecisionView>(`/decisions/${decision.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        id: decision.id,
        number: decision.number,
        status: 'issued',
      });
      const list = await s.secretariat.get<{ items: DecisionView[] }>(
        `/campaigns/${campaignId}/decisions`,
      );
      expect(list.status).toBe(200);
      expect(list.body.items.map((item) => item.id)).toEqual([decision.id]);
      const quota = expectStatus(
        await s.secretariat.get<QuotaLedgerView>(`/campaigns/${campaignId}/quota`),
        200,
      );
      expect(quota.forms.find((form) => form.awardFormCode === GIAY_KHEN)).toEqual({
        awardFormCode: GIAY_KHEN,
        max: 3,
        used: 3,
        entries: [
          {
            kind: 'decision',
            id: decision.id,
            nominationIds: expect.arrayContaining([G1(), G2(), G3()]) as unknown,
          },
        ],
      });
      await s.statusesReached(campaignId, {
        [G1()]: 'awarded',
        [G2()]: 'awarded',
        [G3()]: 'awarded',
        [G4()]: 'approved',
      });
    });

    it('refuses a proposal dated on the cut-off 31/5/2021: 422 deadline-passed', async () => {
      await s.moveClock(proposeAt);
      const late = await s.head.post(`/campaigns/${campaignId}/proposals`, {
        awardFormCode: BANG_KHEN,
        nominationIds: [B1(), B2()],
        proposedOn: '2021-05-31',
      });
      expectProblem(late, 422, 'deadline-passed');
    });

    it('proposes both approved Bằng khen before 31/5/2021: 201, numbered NN/TTr-SKHCN', async () => {
      const answer = await s.head.post<ProposalView>(`/campaigns/${campaignId}/proposals`, {
        awardFormCode: BANG_KHEN,
        nominationIds: [B1(), B2()],
        proposedOn: '2021-05-20',
      });
      expect(answer.status).toBe(201);
      proposal = answer.body;
      expect(proposal).toMatchObject({
        campaignId,
        awardFormCode: BANG_KHEN,
        status: 'proposed',
        proposedOn: '2021-05-20',
      });
      expect(proposal.number).toMatch(/^\d{2,}\/TTr-SKHCN$/);
      expect(proposal.nominees.map((n) => n.nominationId).sort()).toEqual([B1(), B2()].sort());
      const read = await s.secretariat.get<ProposalView>(`/proposals/${proposal.id}`);
      expect(read.body).toMatchObject({ id: proposal.id, number: proposal.number });
      await s.statusesReached(campaignId, {
        [B1()]: 'proposed',
        [B2()]: 'proposed',
        [B3()]: 'not-approved',
      });
    });

    it("records the provincial chair's outcome: one awarded, the other not approved", async () => {
      await s.moveClock(outcomeAt);
      const answer = await s.secretariat.post<ProposalView>(`/proposals/${proposal.id}/outcome`, {
        approvedNominationIds: [B1()],
        decisionNumber: '1234/QĐ-UBND',
        decidedOn: '2021-06-10',
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        status: 'decided',
        outcome: {
          approvedNominationIds: [B1()],
          decisionNumber: '1234/QĐ-UBND',
          decidedOn: '2021-06-10',
        },
      });
      await s.statusesReached(campaignId, { [B1()]: 'awarded', [B2()]: 'not-approved' });
    });

    it('closes the campaign: the fourth approved Giấy khen becomes not-approved', async () => {
      await s.moveClock(campaignCloseAt);
      const closed = await s.secretariat.post<{ status: string }>(`/campaigns/${campaignId}/close`);
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed');
      await s.statusesReached(campaignId, { [G4()]: 'not-approved' });
    });

    it('ends with 3 Giấy khen awarded and 3 not approved, 1 Bằng khen awarded and 2 not approved', async () => {
      const all = await s.statuses(campaignId);
      const byForm = (ids: string[]) => ids.map((id) => all[id]).sort();
      expect(Object.keys(all).sort()).toEqual([...giay, ...bang].sort());
      expect(byForm(giay)).toEqual([
        'awarded',
        'awarded',
        'awarded',
        'not-approved',
        'not-approved',
        'not-approved',
      ]);
      expect(byForm(bang)).toEqual(['awarded', 'not-approved', 'not-approved']);
      expect(all[G4()]).toBe('not-approved');
      for (const form of [GIAY_KHEN, BANG_KHEN]) {
        const filtered = await s.secretariat.get<{ items: DossierBody[] }>(
          `/campaigns/${campaignId}/nominations`,
          {
            query: { awardFormCode: form, status: 'awarded' },
          },
        );
        expect(filtered.body.items.map((item) => item.id).sort()).toEqual(
          (form === GIAY_KHEN ? [G1(), G2(), G3()] : [B1()]).sort(),
        );
      }
    });

    it('holds the KH, QĐ and TTr numbers in order in the 2021 register', async () => {
      const register = expectStatus(
        await s.admin.get<RegisterBody>(`/agencies/${s.agency.agencyId}/register`, {
          query: { year: 2021 },
        }),
        200,
      );
      const ours = register.entries.filter((entry) =>
        [planNumber, decision.number, proposal.number].includes(entry.formatted),
      );
      expect(ours.map((entry) => [entry.formatted, entry.documentKind, entry.status])).toEqual([
        [planNumber, 'KH', 'assigned'],
        [decision.number, 'QĐ', 'assigned'],
        [proposal.number, 'TTr', 'assigned'],
      ]);
      expect(planNumber).toBe('27/KH-SKHCN');
      const numbers = ours.map((entry) => entry.number);
      expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
      expect(ours.map((entry) => entry.issuedOn)).toEqual([
        '2021-03-30',
        '2021-05-17',
        '2021-05-20',
      ]);
      // The second plan of the agency numbers in the same register of the year.
      expect(register.entries.map((entry) => entry.formatted)).toContain(otherPlanNumber);
    });

    it("shows every step of a dossier's history with its actor and instant", async () => {
      const lines = await s.history(G1());
      for (const line of lines) {
        expect(line.actor).toEqual({
          kind: expect.stringMatching(/^(user|api-key|system)$/) as unknown,
          id: expect.any(String) as unknown,
        });
        expect(Number.isNaN(ms(line.at))).toBe(false);
      }
      // In order of their instants.
      const instants = lines.map((line) => ms(line.at));
      expect([...instants].sort((a, b) => a - b)).toEqual(instants);
      const secretariat = { kind: 'user', id: s.userId('vanphong.bk') };
      const unitHead = { kind: 'user', id: s.userId('truongttud.bk') };

      const submitted = linesOf(lines, /Submitted$/);
      expect(submitted.map((line) => [line.actor, ms(line.at)])).toEqual([
        [unitHead, ms(submitAt)],
        [unitHead, ms(resubmitAt)],
      ]);
      const returned = linesOf(lines, /Returned$/);
      expect(returned.length).toBeGreaterThan(0);
      for (const line of returned) {
        expect(line.actor).toEqual(secretariat);
        expect(ms(line.at)).toBe(ms(returnAt));
      }
      expect(returned.some((line) => JSON.stringify(line.data).includes(returnReasons[0]!))).toBe(
        true,
      );
      const accepted = linesOf(lines, /Accepted$/);
      expect(accepted.length).toBeGreaterThan(0);
      for (const line of accepted) {
        expect(line.actor).toEqual(secretariat);
        expect(ms(line.at)).toBe(ms(acceptAt));
      }
      // Five members voted (the fifth twice: a changed vote), each line by its voter.
      const votes = linesOf(lines, /^VoteCast$/);
      expect(votes).toHaveLength(6);
      expect(new Set(votes.map((line) => line.actor?.id))).toEqual(new Set(s.memberIds));
      for (const line of votes) expect(ms(line.at)).toBe(ms(voteAt));
      const approved = linesOf(lines, /Approved$/).filter(
        (line) => !/NotApproved$/.test(line.type),
      );
      expect(approved.length).toBeGreaterThan(0);
      for (const line of approved) expect(ms(line.at)).toBe(ms(closeAt));
      const awarded = linesOf(lines, /Awarded$/);
      expect(awarded.length).toBeGreaterThan(0);
      for (const line of awarded) {
        expect(ms(line.at)).toBe(ms(decideAt));
        expect(JSON.stringify(line.data)).toContain(decision.number as string);
      }

      // The dossier left out of the decision: not approved when the campaign closed.
      const g4 = await s.history(G4());
      const notApproved = linesOf(g4, /NotApproved$/);
      expect(notApproved.length).toBeGreaterThan(0);
      for (const line of notApproved) expect(ms(line.at)).toBe(ms(campaignCloseAt));
      // The Bằng khen awarded by the higher authority: proposed, then awarded.
      const b1 = await s.history(B1());
      expect(linesOf(b1, /Proposed$/).map((line) => ms(line.at))).toContain(ms(proposeAt));
      expect(linesOf(b1, /Awarded$/).map((line) => ms(line.at))).toContain(ms(outcomeAt));
    });
  });

  describe('a tie, the refusals of a decision, a revocation and the quorum (second plan)', () => {
    const R1 = at(other, 0);
    const R2 = at(other, 1);
    const R3 = at(other, 2);
    const R4 = at(other, 3);
    const R5 = at(other, 4);
    const R6 = at(other, 5);
    const R7 = at(other, 6);
    let sessionId: string;
    let decision: DecisionView;

    const decide = (ids: string[]): Promise<ApiResponse> =>
      s.decide(otherCampaignId, GIAY_KHEN, ids, '2021-06-23');

    beforeAll(async () => {
      await s.moveClock('2021-06-21T09:00:00+07:00');
      for (const id of other.slice(0, 6)) expectStatus(await s.accept(id), 200);
      await s.moveClock('2021-06-22T09:00:00+07:00');
      const opened = await s.openSession(otherCampaignId, {
        heldOn: '2021-06-22',
        awardFormCodes: [GIAY_KHEN],
      });
      sessionId = expectStatus(opened, 201).id;
      await s.castBallots(sessionId, [
        { nominationId: R1(), choices: [T, T, T, T, T] },
        { nominationId: R2(), choices: [T, T, T, T, F] },
        { nominationId: R3(), choices: [T, T, T, F, F] },
        { nominationId: R4(), choices: [T, T, T, F, F] },
        { nominationId: R5(), choices: [T, F, F, F, F] },
        { nominationId: R6(), choices: [T, T, F, null, null] },
      ]);
      expectStatus(await s.closeSession(sessionId), 200);
      await s.statusesReached(otherCampaignId, {
        [R1()]: 'approved',
        [R2()]: 'approved',
        [R3()]: 'approved',
        [R4()]: 'approved',
        [R5()]: 'not-approved',
        [R6()]: 'approved',
      });
      await s.moveClock('2021-06-23T09:00:00+07:00');
    }, 120_000);

    it('reports the tie at the last place within the quota', async () => {
      const session = expectStatus(
        await s.member(2).get<CouncilSessionView>(`/council-sessions/${sessionId}`),
        200,
      );
      const form = session.result?.forms.find((item) => item.awardFormCode === GIAY_KHEN);
      expect(form?.tie).not.toBeNull();
      expect({ ...form?.tie, nominationIds: [...(form?.tie?.nominationIds ?? [])].sort() }).toEqual(
        {
          nominationIds: [R3(), R4()].sort(),
          places: 1,
          yes: 3,
        },
      );
      expect(form?.tieBreak).toBeNull();
      expect(tallyOf(session, GIAY_KHEN, R3()).rank).toBe(3);
      expect(tallyOf(session, GIAY_KHEN, R4()).rank).toBe(3);
      expect(tallyOf(session, GIAY_KHEN, R6()).rank).toBe(5);
    });

    it('refuses a dossier the council did not approve: 422 not-recommended', async () => {
      expectProblem(await decide([R5()]), 422, 'not-recommended');
    });

    it('refuses, before the tie-break, a set splitting the tie or holding it beyond the quota: 422 tie-unresolved', async () => {
      // Some but not all of the tied R3 and R4.
      expectProblem(await decide([R1(), R2(), R3()]), 422, 'tie-unresolved');
      // Both of them, but 4 dossiers for 3 places: the chair's choice, before the quota's refusal.
      // (Both within the quota, e.g. R1, R3, R4, would be allowed: no choice is needed.)
      expectProblem(await decide([R1(), R2(), R3(), R4()]), 422, 'tie-unresolved');
    });

    it("records the chair's tie-break (the women-preference rule); not another member's", async () => {
      const body = {
        awardFormCode: GIAY_KHEN,
        chosenNominationIds: [R4()],
        reason: WOMEN_PREFERENCE_REASON,
      };
      const byMember = await s.member(1).post(`/council-sessions/${sessionId}/tie-breaks`, body);
      expect(byMember.status).toBe(403);
      const tooMany = await s.member(0).post(`/council-sessions/${sessionId}/tie-breaks`, {
        ...body,
        chosenNominationIds: [R3(), R4()],
      });
      expectProblem(tooMany, 400, 'validation-failed');
      const recorded = await s.member(0).post(`/council-sessions/${sessionId}/tie-breaks`, body);
      expect([200, 201]).toContain(recorded.status);
      const session = expectStatus(
        await s.secretariat.get<CouncilSessionView>(`/council-sessions/${sessionId}`),
        200,
      );
      const form = session.result?.forms.find((item) => item.awardFormCode === GIAY_KHEN);
      expect(form?.tieBreak).toMatchObject({
        chosenNominationIds: [R4()],
        reason: WOMEN_PREFERENCE_REASON,
        byUserId: s.memberId(0),
      });
    });

    it('refuses a nominee with a hold opened after the approval: 422 nominee-on-hold', async () => {
      const hold = await s.admin.post(`/people/${people['r6']}/holds`, {
        kind: 'discipline',
        reason: 'Khiển trách',
        source: 'Quyết định số 41/QĐ-SKHCN',
      });
      expect([200, 201]).toContain(hold.status);
      // Five dossiers exceed the quota of 3: until review has the hold the answer is
      // quota-exceeded (never a decision), then nominee-on-hold.
      const refused = await eventually(async () => {
        const answer = await decide([R6(), R1(), R2(), R3(), R4()]);
        expect(answer.status).toBe(422);
        expect((answer.body as { type?: string }).type).toBe('nominee-on-hold');
        return answer;
      });
      expectProblem(refused, 422, 'nominee-on-hold');
      expectProblem(await decide([R6()]), 422, 'nominee-on-hold');
    });

    it('decides within the quota after the tie-break: 201, golden-book numbers continue at 4', async () => {
      const answer = await decide([R1(), R2(), R4()]);
      expect(answer.status).toBe(201);
      decision = answer.body as unknown as DecisionView;
      expect(decision.status).toBe('issued');
      expect(decision.awardees.map((a) => a.goldenBookNumber).sort()).toEqual([4, 5, 6]);
      await s.statusesReached(otherCampaignId, {
        [R1()]: 'awarded',
        [R2()]: 'awarded',
        [R4()]: 'awarded',
      });
    });

    it('refuses an awarded dossier: 409 already-decided', async () => {
      expectProblem(await decide([R1()]), 409, 'already-decided');
    });

    it('refuses more than the quota: 422 quota-exceeded', async () => {
      expectProblem(await decide([R3()]), 422, 'quota-exceeded', {
        quota: 3,
        used: 3,
        requested: 1,
      });
    });

    it('revokes the decision: dossiers back to approved, the number revoked in the register, the places back', async () => {
      const byMember = await s.member(0).post(`/decisions/${decision.id}/revoke`, { reason: 'x' });
      expect(byMember.status).toBe(403);
      const reason = 'Phát hiện sai sót trong hồ sơ khen thưởng';
      const revoked = await s.head.post<DecisionView>(`/decisions/${decision.id}/revoke`, {
        reason,
      });
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({
        id: decision.id,
        status: 'revoked',
        revocation: { reason },
      });
      expectProblem(
        await s.head.post(`/decisions/${decision.id}/revoke`, { reason }),
        409,
        'invalid-state',
      );

      await s.statusesReached(otherCampaignId, {
        [R1()]: 'approved',
        [R2()]: 'approved',
        [R4()]: 'approved',
      });
      const quota = expectStatus(
        await s.secretariat.get<QuotaLedgerView>(`/campaigns/${otherCampaignId}/quota`),
        200,
      );
      expect(quota.forms.find((form) => form.awardFormCode === GIAY_KHEN)).toMatchObject({
        max: 3,
        used: 0,
        entries: [],
      });
      const entry = await eventually(async () => {
        const register = expectStatus(
          await s.admin.get<RegisterBody>(`/agencies/${s.agency.agencyId}/register`, {
            query: { year: 2021 },
          }),
          200,
        );
        const line = register.entries.find((item) => item.formatted === decision.number);
        expect(line?.status).toBe('revoked');
        return line as RegisterEntryView;
      });
      expect(entry.revokedReason).toBe(`Thu hồi: ${reason}`);
      expect(entry.revokedAt).toEqual(expect.any(String));

      // The places are back: another decision fits, with new golden-book numbers.
      const again = await decide([R3()]);
      expect(again.status).toBe(201);
      const next = again.body as unknown as DecisionView;
      expect(next.number).not.toBe(decision.number);
      expect(next.awardees.map((a) => a.goldenBookNumber)).toEqual([7]);
    });

    it('refuses to close a session without the quorum: 422 quorum-not-met', async () => {
      expectStatus(await s.accept(R7()), 200);
      await s.moveClock('2021-06-25T09:00:00+07:00');
      const opened = await s.openSession(otherCampaignId, {
        heldOn: '2021-06-25',
        awardFormCodes: [GIAY_KHEN],
        presentUserIds: [s.memberId(0), s.memberId(1)],
      });
      expect(opened.status).toBe(201);
      expect(opened.body.agenda[0]?.dossiers.map((d) => d.nominationId)).toEqual([R7()]);
      const vote = await s.vote(opened.body.id, 0, R7(), true);
      expect([200, 201]).toContain(vote.status);
      const closed = await s.closeSession(opened.body.id);
      expectProblem(closed, 422, 'quorum-not-met');
      const read = expectStatus(
        await s.secretariat.get<CouncilSessionView>(`/council-sessions/${opened.body.id}`),
        200,
      );
      expect(read.status).toBe('open');
    });
  });
});
