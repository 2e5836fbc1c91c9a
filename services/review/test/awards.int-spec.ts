import { randomUUID } from 'node:crypto';
import {
  REGISTER_NUMBER_ASSIGNED_V1,
  REGISTER_NUMBER_REFUSED_V1,
  REVIEW_RPC,
  type CommandContext,
  type CommandResult,
  type DecisionList,
  type DecisionView,
  type IntegrationEvent,
  type NumberedCommandResult,
  type ProposalView,
  type QuotaLedgerView,
  type RegisterNumberAssignedV1,
  type RegisterNumberRefusedV1,
  type ReviewNumberRequestedV1,
} from '@ttkt/contracts';
import { RemoteDomainError } from '@ttkt/messaging';
import {
  ControllableClock,
  eventually,
  startServiceUnderTest,
  type ServiceUnderTest,
} from '@ttkt/testing';
import { CampaignCopy } from '../src/copies/campaign-copy';
import { decideDossierOutcome } from '../src/dossiers/dossier-outcomes';
import { DossierReads } from '../src/dossiers/dossier-reads';
import { DossierStreams } from '../src/dossiers/dossier-streams';
import { REVIEW_SERVICE, startReviewService } from '../src/review.service';

const TENANT = 'bac-kan';
const FORM = 'GIAY_KHEN_GD_SO';
const UPWARD_FORM = 'BANG_KHEN_CT_UBND_TINH';
const CONCURRENT = 24;

function contextOf(actorId: string): CommandContext {
  return {
    tenantId: TENANT,
    actor: { kind: 'user', id: actorId },
    correlationId: `awards-int-spec-${randomUUID()}`,
  };
}

const head = contextOf('giam-doc');
const secretariat = contextOf('van-phong');

/** The plan as `campaign.issued.v1` carries it (the fields review reads). */
function plan(quota: number, upwardQuota = 2): Record<string, unknown> {
  const unitStage = {
    to: { kind: 'unit', unit: 'VP' },
    before: '2021-05-12',
    cutoff: '2021-05-12T00:00:00+07:00',
    requiredDocuments: [],
  };
  return {
    title: 'Kế hoạch tổ chức đợt thi đua',
    signer: { title: 'GIÁM ĐỐC', name: 'Đỗ Thị Hiền' },
    recipients: [{ name: 'Ban TĐKT tỉnh' }, { name: 'Lưu', purpose: 'VT' }],
    awardForms: [
      {
        code: FORM,
        name: 'Giấy khen của Giám đốc Sở',
        decidedBy: { kind: 'agency-head', agency: 'SKHCN', title: 'Giám đốc Sở' },
        quota: { max: quota },
        eligibleSubjects: ['collective', 'individual'],
        unitStage,
      },
      {
        code: UPWARD_FORM,
        name: 'Bằng khen của Chủ tịch UBND tỉnh',
        decidedBy: { kind: 'higher-authority', agency: 'UBND', title: 'Chủ tịch UBND tỉnh' },
        quota: { max: upwardQuota },
        eligibleSubjects: ['collective', 'individual'],
        unitStage,
        proposalStage: {
          to: { kind: 'external', name: 'Sở Nội vụ' },
          before: '2021-05-31',
          cutoff: '2021-05-31T00:00:00+07:00',
          requiredDocuments: [],
        },
      },
    ],
  };
}

/** What the fake register does with the next requests. */
type RegisterMode = 'assign' | 'refuse' | 'hold';

/**
 * The awards on a test schema with the in-process transport: two review instances started
 * separately on the same schema (each with its own RPC broker, so requests reach both), and the
 * register played by the spec (it answers `review.number-requested.v1` as `document` would).
 */
describe('review service: quota, decisions, proposals', () => {
  let harness: ServiceUnderTest;
  const clock = new ControllableClock('2021-05-20T09:00:00+07:00');
  const agencyId = randomUUID();
  const campaignId = randomUUID();
  let registerMode: RegisterMode = 'assign';
  const held: ReviewNumberRequestedV1[] = [];
  const answered = new Set<string>();
  let lastNumber = 0;

  beforeAll(async () => {
    harness = await startServiceUnderTest({
      label: 'review',
      service: REVIEW_SERVICE,
      tenantId: TENANT,
      start: startReviewService,
      clock,
      observe: ['review.#'],
      retryDelaysMs: [50, 100, 200, 400, 800],
      instances: 2,
      timeoutMs: 60_000,
      beforeStart: async (transport) => [
        await transport.subscribe({
          service: 'fake-register',
          routingKeys: ['review.number-requested.v1'],
          handler: async (message) => {
            const event = JSON.parse(message.body) as IntegrationEvent;
            const request = event.data as ReviewNumberRequestedV1;
            if (answered.has(request.requestId)) return;
            answered.add(request.requestId);
            if (registerMode === 'hold') held.push(request);
            else await answer(request, registerMode);
          },
        }),
      ],
    });
    await harness.publish('campaign', 'campaign.issued.v1', campaignId, {
      campaignId,
      agencyId,
      title: 'Kế hoạch tổ chức đợt thi đua',
      planNumber: '27/KH-SKHCN',
      number: 27,
      year: 2021,
      issuedOn: '2021-03-30',
      plan: plan(3),
    });
  });

  afterAll(() => harness?.stop());

  /** The register's answer to a request: the next number of the agency's year, or a refusal. */
  async function answer(
    request: ReviewNumberRequestedV1,
    mode: 'assign' | 'refuse',
  ): Promise<void> {
    const year = Number(request.issuedOn.slice(0, 4));
    const requestedBy = { kind: request.requesterKind, id: request.requesterId };
    if (mode === 'refuse') {
      const refused: RegisterNumberRefusedV1 = {
        agencyId: request.agencyId,
        year,
        requestId: request.requestId,
        requestedBy,
        requestedNumber: null,
        code: 'validation-failed',
        params: {},
        errors: [{ path: 'agencyCode', message: 'isNotEmpty' }],
        refusedAt: clock.now().toISOString(),
      };
      await harness.publish(
        'document',
        REGISTER_NUMBER_REFUSED_V1,
        `register-${request.agencyId}`,
        refused,
      );
      return;
    }
    lastNumber += 1;
    const symbol = `${request.documentKind}-${request.agencyCode}`;
    const assigned: RegisterNumberAssignedV1 = {
      agencyId: request.agencyId,
      year,
      number: lastNumber,
      formatted: `${String(lastNumber).padStart(2, '0')}/${symbol}`,
      symbol,
      agencyCode: request.agencyCode,
      documentKind: request.documentKind,
      requestId: request.requestId,
      requestedBy,
      issuedOn: request.issuedOn,
      assignedAt: clock.now().toISOString(),
    };
    await harness.publish(
      'document',
      REGISTER_NUMBER_ASSIGNED_V1,
      `register-${request.agencyId}`,
      assigned,
    );
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

  /** Dossiers submitted, accepted and approved by a session of the form. */
  async function approvedDossiers(
    count: number,
    form = FORM,
    campaign = campaignId,
  ): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    for (const nominationId of ids) {
      await harness.publish('nomination', 'nomination.submitted.v1', nominationId, {
        nominationId,
        campaignId: campaign,
        agencyId,
        awardFormCode: form,
        nominatingUnitId: 'u-qlcn',
        nominee: { kind: 'individual', personId: `p-${nominationId}` },
        snapshot: {
          kind: 'individual',
          fullName: 'Nguyễn Thị Lan',
          dateOfBirth: '1985-06-15',
          gender: 'female',
          position: 'Chuyên viên',
          unitId: 'u-qlcn',
          unitName: 'Phòng Quản lý công nghệ',
        },
        achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ',
        criteria: [],
        documents: [],
        resubmission: false,
        holds: [],
        submittedAt: clock.now().toISOString(),
      });
    }
    for (const nominationId of ids) {
      await harness.send(REVIEW_RPC.acceptDossier, { context: secretariat, nominationId });
    }
    const service = harness.instances[0]!;
    const streams = service.app.get(DossierStreams);
    const at = clock.now().toISOString();
    await service.infrastructure.store.transaction(async (client) => {
      for (const nominationId of ids) {
        await streams.run(
          TENANT,
          nominationId,
          (state) =>
            decideDossierOutcome(state, { kind: 'approved', sessionId: 'session-1', at, by: null }),
          { client, metadata: { actor: { kind: 'user', id: 'van-phong' } } },
        );
      }
    });
    return ids;
  }

  function decide(
    nominationIds: string[],
    options: { waitMs?: number; instance?: number; decisionId?: string; campaign?: string } = {},
  ): Promise<NumberedCommandResult<DecisionView>> {
    return harness.send(
      REVIEW_RPC.decide,
      {
        context: head,
        decisionId: options.decisionId ?? randomUUID(),
        campaignId: options.campaign ?? campaignId,
        awardFormCode: FORM,
        nominationIds,
        decidedOn: '2021-05-20',
        waitMs: options.waitMs ?? 5_000,
      },
      options.instance ?? 0,
    );
  }

  function ledger(instance = 0, campaign = campaignId): Promise<QuotaLedgerView> {
    return harness.send(
      REVIEW_RPC.getQuotaLedger,
      { tenantId: TENANT, campaignId: campaign },
      instance,
    );
  }

  async function statuses(ids: string[]): Promise<string[]> {
    const dossiers = await harness.instances[0]!.app.get(DossierReads).getMany(TENANT, ids);
    return dossiers.map((dossier) => dossier.status);
  }

  function publishedFor(type: string, key: string, id: string): IntegrationEvent[] {
    return harness.publishedOf(type, key, id);
  }

  let quotaTaken: string[] = [];
  let firstDecision: DecisionView | undefined;

  it(`grants exactly 3 of ${CONCURRENT} concurrent decisions against a quota of 3, across two instances`, async () => {
    const ids = await approvedDossiers(CONCURRENT);
    const outcomes = await Promise.all(
      ids.map((nominationId, index) =>
        decide([nominationId], { instance: index % 2 }).then(
          (result) => ({ ok: true as const, result, nominationId }),
          (error: unknown) => ({ ok: false as const, error, nominationId }),
        ),
      ),
    );
    const granted = outcomes.filter((outcome) => outcome.ok);
    const refused = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]));
    expect(granted).toHaveLength(3);
    expect(refused).toHaveLength(CONCURRENT - 3);
    for (const error of refused) {
      expect(error).toBeInstanceOf(RemoteDomainError);
      expect((error as RemoteDomainError).code).toBe('quota-exceeded');
      expect((error as RemoteDomainError).params).toEqual(
        expect.objectContaining({ quota: 3, used: 3, requested: 1 }),
      );
    }
    quotaTaken = granted.flatMap((outcome) => (outcome.ok ? [outcome.nominationId] : []));
    const view = await ledger(1);
    expect(view.forms.find((form) => form.awardFormCode === FORM)).toEqual({
      awardFormCode: FORM,
      max: 3,
      used: 3,
      entries: expect.arrayContaining(
        quotaTaken.map((nominationId): unknown =>
          expect.objectContaining({ kind: 'decision', nominationIds: [nominationId] }),
        ),
      ) as unknown,
    });
    // Each granted decision is numbered, its awardee with a golden-book number; numbers 1..3 once each.
    await eventually(async () =>
      expect(await statuses(quotaTaken)).toEqual(['awarded', 'awarded', 'awarded']),
    );
    await eventually(() =>
      expect(
        harness.published.filter((event) => event.type === 'review.decision-issued.v1'),
      ).toHaveLength(3),
    );
    const golden = harness.published
      .filter((event) => event.type === 'review.decision-issued.v1')
      .flatMap((event) => (event.data as { awardees: { goldenBookNumber: number }[] }).awardees)
      .map((awardee) => awardee.goldenBookNumber)
      .sort();
    expect(golden).toEqual([1, 2, 3]);
    const first = granted[0];
    if (!first?.ok) throw new Error('no decision');
    firstDecision = await harness.send<DecisionView>(REVIEW_RPC.getDecision, {
      tenantId: TENANT,
      id: first.result.body.id,
    });
    expect(firstDecision.status).toBe('issued');
  });

  it('keeps the same ledger after the service restarts', async () => {
    const before = await ledger(0);
    await harness.restart();
    expect(await ledger(0)).toEqual(before);
    expect(await ledger(1)).toEqual(before);
  });

  it('issues a decision with its number and the awardees’ golden-book numbers, then revokes it', async () => {
    // Release the places of the concurrency test's decisions first: revoke them.
    const decisions = await harness.send<DecisionList>(REVIEW_RPC.listDecisions, {
      tenantId: TENANT,
      campaignId,
      limit: 2,
    });
    expect(decisions.items).toHaveLength(2);
    expect(decisions.nextCursor).not.toBeNull();
    const rest = await harness.send<DecisionList>(REVIEW_RPC.listDecisions, {
      tenantId: TENANT,
      campaignId,
      limit: 2,
      cursor: decisions.nextCursor,
    });
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    const all = [...decisions.items, ...rest.items];
    expect(new Set(all.map((decision) => decision.id)).size).toBe(3);

    for (const decision of all) {
      const revoked = await harness.send<CommandResult<DecisionView>>(REVIEW_RPC.revokeDecision, {
        context: head,
        decisionId: decision.id,
        reason: 'Phát hiện sai sót',
      });
      expect(revoked.body.status).toBe('revoked');
      expect(revoked.body.number).toBe(decision.number);
      expect(revoked.body.revocation).toEqual(
        expect.objectContaining({ reason: 'Phát hiện sai sót', byUserId: 'giam-doc' }),
      );
      expect(revoked.position).toMatch(/^review:/);
    }
    expect((await ledger()).forms.find((form) => form.awardFormCode === FORM)?.used).toBe(0);
    expect(await statuses(quotaTaken)).toEqual(['approved', 'approved', 'approved']);
    await eventually(() =>
      expect(
        harness.published.filter((event) => event.type === 'review.decision-revoked.v1'),
      ).toHaveLength(3),
    );
    const again = await refusal(
      harness.send(REVIEW_RPC.revokeDecision, {
        context: head,
        decisionId: all[0]!.id,
        reason: 'Lần nữa',
      }),
    );
    expect(again.code).toBe('invalid-state');

    // The places are back: a decision of 3 is issued, its golden-book numbers continue the book.
    const decisionId = randomUUID();
    const result = await decide(quotaTaken, { decisionId });
    expect(result.outcome).toBe('issued');
    expect(result.body).toEqual(
      expect.objectContaining({
        id: decisionId,
        status: 'issued',
        number: expect.stringMatching(/^\d{2}\/QĐ-SKHCN$/) as unknown,
        decidedOn: '2021-05-20',
        awardFormName: 'Giấy khen của Giám đốc Sở',
        signer: { title: 'GIÁM ĐỐC', name: 'Đỗ Thị Hiền' },
        recipients: [{ name: 'Ban TĐKT tỉnh' }, { name: 'Lưu', purpose: 'VT' }],
      }),
    );
    expect(result.body.awardees.map((awardee) => awardee.goldenBookNumber)).toEqual([4, 5, 6]);
    expect(result.position).toMatch(/^review:/);
    await eventually(async () =>
      expect(await statuses(quotaTaken)).toEqual(['awarded', 'awarded', 'awarded']),
    );
    await eventually(() =>
      expect(publishedFor('review.decision-issued.v1', 'decisionId', decisionId)).toHaveLength(1),
    );
    const [issued] = publishedFor('review.decision-issued.v1', 'decisionId', decisionId);
    expect(issued?.data).toEqual(
      expect.objectContaining({
        campaignId,
        agencyId,
        planNumber: '27/KH-SKHCN',
        sessionId: 'session-1',
        awardees: [
          expect.objectContaining({ nominationId: quotaTaken[0], goldenBookNumber: 4 }),
          expect.objectContaining({ nominationId: quotaTaken[1], goldenBookNumber: 5 }),
          expect.objectContaining({ nominationId: quotaTaken[2], goldenBookNumber: 6 }),
        ],
      }),
    );
    // An awarded dossier cannot be decided again; the quota is full.
    expect((await refusal(decide([quotaTaken[0]!]))).code).toBe('already-decided');
    const [spare] = await approvedDossiers(1);
    expect((await refusal(decide([spare!]))).code).toBe('quota-exceeded');
    // Revoked: the places come back.
    await harness.send(REVIEW_RPC.revokeDecision, { context: head, decisionId, reason: 'Thu hồi' });
  });

  it('fails a decision the register refuses and gives its places back', async () => {
    const ids = await approvedDossiers(2);
    registerMode = 'refuse';
    try {
      const result = await decide(ids);
      expect(result.outcome).toBe('refused');
      expect(result.body).toEqual(
        expect.objectContaining({ status: 'failed', refusal: 'validation-failed', number: null }),
      );
    } finally {
      registerMode = 'assign';
    }
    expect((await ledger()).forms.find((form) => form.awardFormCode === FORM)?.used).toBe(0);
    expect(await statuses(ids)).toEqual(['approved', 'approved']);
  });

  it('answers pending when the number does not come in time, and issues when it does', async () => {
    const ids = await approvedDossiers(1);
    registerMode = 'hold';
    let result: NumberedCommandResult<DecisionView>;
    try {
      result = await decide(ids, { waitMs: 100 });
    } finally {
      registerMode = 'assign';
    }
    expect(result.outcome).toBe('pending');
    expect(result.body.status).toBe('issuing');
    expect(result.version).toBe(1);
    // A place is held while pending: the dossier cannot be decided twice.
    expect((await refusal(decide(ids))).code).toBe('already-decided');
    await eventually(() => expect(held).toHaveLength(1));
    await answer(held[0]!, 'assign');
    await eventually(async () => {
      const view = await harness.send<DecisionView>(REVIEW_RPC.getDecision, {
        tenantId: TENANT,
        id: result.body.id,
      });
      expect(view.status).toBe('issued');
    });
    expect(await statuses(ids)).toEqual(['awarded']);
    await harness.send(REVIEW_RPC.revokeDecision, {
      context: head,
      decisionId: result.body.id,
      reason: 'Thu hồi',
    });
  });

  it('proposes to the higher authority, numbered TTr, then records its outcome', async () => {
    const ids = await approvedDossiers(3, UPWARD_FORM);
    // Not a form the agency head decides, and the dossiers are not of the Giấy khen form.
    expect((await refusal(decide([ids[0]!]))).code).toBe('not-found');
    const late = await refusal(
      harness.send(REVIEW_RPC.propose, {
        context: head,
        proposalId: randomUUID(),
        campaignId,
        awardFormCode: UPWARD_FORM,
        nominationIds: [ids[0]],
        proposedOn: '2021-05-31',
        waitMs: 0,
      }),
    );
    expect(late.code).toBe('deadline-passed');

    const proposalId = randomUUID();
    const proposed = await harness.send<NumberedCommandResult<ProposalView>>(REVIEW_RPC.propose, {
      context: head,
      proposalId,
      campaignId,
      awardFormCode: UPWARD_FORM,
      nominationIds: [ids[0], ids[1]],
      proposedOn: '2021-05-20',
      waitMs: 5_000,
    });
    expect(proposed.outcome).toBe('issued');
    expect(proposed.body).toEqual(
      expect.objectContaining({
        id: proposalId,
        status: 'proposed',
        number: expect.stringMatching(/^\d{2}\/TTr-SKHCN$/) as unknown,
        to: 'Sở Nội vụ',
        decidedBy: 'Chủ tịch UBND tỉnh',
        proposedOn: '2021-05-20',
      }),
    );
    await eventually(async () =>
      expect(await statuses([ids[0]!, ids[1]!])).toEqual(['proposed', 'proposed']),
    );
    const full = await refusal(
      harness.send(REVIEW_RPC.propose, {
        context: head,
        proposalId: randomUUID(),
        campaignId,
        awardFormCode: UPWARD_FORM,
        nominationIds: [ids[2]],
        proposedOn: '2021-05-20',
        waitMs: 0,
      }),
    );
    expect(full.code).toBe('quota-exceeded');

    const outcome = await harness.send<CommandResult<ProposalView>>(
      REVIEW_RPC.recordProposalOutcome,
      {
        context: secretariat,
        proposalId,
        approvedNominationIds: [ids[1]],
        decisionNumber: '1234/QĐ-UBND',
        decidedOn: '2021-05-20',
      },
    );
    expect(outcome.body.status).toBe('decided');
    expect(outcome.body.outcome).toEqual(
      expect.objectContaining({ approvedNominationIds: [ids[1]], decisionNumber: '1234/QĐ-UBND' }),
    );
    expect(await statuses([ids[0]!, ids[1]!])).toEqual(['not-approved', 'awarded']);
    // The places stay taken.
    const upward = (await ledger()).forms.find((form) => form.awardFormCode === UPWARD_FORM);
    expect(upward).toEqual(expect.objectContaining({ max: 2, used: 2 }));
    await eventually(() =>
      expect(publishedFor('review.proposal-outcome-recorded.v1', 'proposalId', proposalId)).toEqual(
        [
          expect.objectContaining({
            data: expect.objectContaining({
              notApprovedNominationIds: [ids[0]],
              approvedNominationIds: [ids[1]],
            }) as unknown,
          }),
        ],
      ),
    );
    expect(publishedFor('review.proposal-issued.v1', 'proposalId', proposalId)).toHaveLength(1);
    const again = await refusal(
      harness.send(REVIEW_RPC.recordProposalOutcome, {
        context: secretariat,
        proposalId,
        approvedNominationIds: [],
        decisionNumber: '1234/QĐ-UBND',
        decidedOn: '2021-05-20',
      }),
    );
    expect(again.code).toBe('invalid-state');
    const list = await harness.send<{ items: ProposalView[] }>(REVIEW_RPC.listProposals, {
      tenantId: TENANT,
      campaignId,
    });
    expect(list.items.map((item) => item.id)).toEqual([proposalId]);
  });

  it('refuses reads of unknown decisions and proposals: not-found', async () => {
    expect(
      (await refusal(harness.send(REVIEW_RPC.getDecision, { tenantId: TENANT, id: randomUUID() })))
        .code,
    ).toBe('not-found');
    expect(
      (await refusal(harness.send(REVIEW_RPC.getProposal, { tenantId: TENANT, id: randomUUID() })))
        .code,
    ).toBe('not-found');
  });

  /** The dossier withdrawn by its unit, as `nomination.withdrawn.v1` records it in review. */
  async function withdraw(nominationId: string, campaign = campaignId): Promise<void> {
    const service = harness.instances[0]!;
    const streams = service.app.get(DossierStreams);
    await service.infrastructure.store.transaction((client) =>
      streams.run(
        TENANT,
        nominationId,
        () => [
          {
            type: 'DossierWithdrawn',
            data: {
              nominationId,
              campaignId: campaign,
              at: clock.now().toISOString(),
              by: null,
              reason: 'Đơn vị rút hồ sơ',
            },
          },
        ],
        { client, metadata: { actor: { kind: 'user', id: 'truong-phong' } } },
      ),
    );
  }

  /**
   * A decision made while the register holds its request: pending, and the request held. The
   * register holds until the request has arrived (the relay publishes it a moment after the
   * answer), so it cannot be answered meanwhile.
   */
  async function pendingDecision(
    nominationIds: string[],
    campaign = campaignId,
  ): Promise<{ decision: DecisionView; request: ReviewNumberRequestedV1 }> {
    const before = held.length;
    registerMode = 'hold';
    try {
      const result = await decide(nominationIds, { waitMs: 50, campaign });
      expect(result.outcome).toBe('pending');
      const request = await eventually(() => {
        const found = held.slice(before).find((item) => item.requesterId === result.body.id);
        expect(found).toBeDefined();
        return found!;
      });
      return { decision: result.body, request };
    } finally {
      registerMode = 'assign';
    }
  }

  function getDecision(id: string): Promise<DecisionView> {
    return harness.send<DecisionView>(REVIEW_RPC.getDecision, { tenantId: TENANT, id });
  }

  it('leaves a dossier withdrawn while its decision waited out of the awardees and the golden book, and gives its place back', async () => {
    const ids = await approvedDossiers(2);
    const { decision, request } = await pendingDecision(ids);
    expect((await ledger()).forms.find((form) => form.awardFormCode === FORM)?.used).toBe(2);
    await withdraw(ids[0]!);
    await answer(request, 'assign');
    const issued = await eventually(async () => {
      const view = await getDecision(decision.id);
      expect(view.status).toBe('issued');
      return view;
    });
    expect(issued.awardees.map((awardee) => awardee.nominationId)).toEqual([ids[1]]);
    expect(issued.awardees[0]?.goldenBookNumber).toEqual(expect.any(Number));
    expect(await statuses(ids)).toEqual(['withdrawn', 'awarded']);
    expect((await ledger()).forms.find((form) => form.awardFormCode === FORM)).toEqual(
      expect.objectContaining({
        used: 1,
        entries: [{ kind: 'decision', id: decision.id, nominationIds: [ids[1]] }],
      }),
    );
    await eventually(() =>
      expect(publishedFor('review.decision-issued.v1', 'decisionId', decision.id)).toHaveLength(1),
    );
    const [event] = publishedFor('review.decision-issued.v1', 'decisionId', decision.id);
    expect(
      (event?.data as { awardees: { nominationId: string }[] }).awardees.map((a) => a.nominationId),
    ).toEqual([ids[1]]);
    // The golden book gave no number to the withdrawn dossier: the next decision continues after
    // this one's single number.
    const revoked = await harness.send<CommandResult<DecisionView>>(REVIEW_RPC.revokeDecision, {
      context: head,
      decisionId: decision.id,
      reason: 'Thu hồi',
    });
    expect(revoked.body.status).toBe('revoked');
    expect((await ledger()).forms.find((form) => form.awardFormCode === FORM)?.used).toBe(0);
  });

  it('still issues a decision whose every dossier was withdrawn while it waited: its number is taken, with no awardee', async () => {
    const ids = await approvedDossiers(1);
    const { decision, request } = await pendingDecision(ids);
    await withdraw(ids[0]!);
    await answer(request, 'assign');
    const issued = await eventually(async () => {
      const view = await getDecision(decision.id);
      expect(view.status).toBe('issued');
      return view;
    });
    expect(issued.number).toMatch(/^\d{2}\/QĐ-SKHCN$/);
    expect(issued.awardees).toEqual([]);
    expect(await statuses(ids)).toEqual(['withdrawn']);
    expect((await ledger()).forms.find((form) => form.awardFormCode === FORM)).toEqual(
      expect.objectContaining({ used: 0, entries: [] }),
    );
  });

  describe('after the campaign closed (a second campaign)', () => {
    const closedCampaignId = randomUUID();
    let awarded: string;
    let firstDecision: DecisionView;
    let pending: { decision: DecisionView; request: ReviewNumberRequestedV1 };
    let pendingDossiers: string[];
    let proposalRequest: ReviewNumberRequestedV1;
    let proposedDossier: string;
    let leftOut: string;

    function propose(
      nominationIds: string[],
      waitMs: number,
    ): Promise<NumberedCommandResult<ProposalView>> {
      return harness.send(REVIEW_RPC.propose, {
        context: head,
        proposalId: randomUUID(),
        campaignId: closedCampaignId,
        awardFormCode: UPWARD_FORM,
        nominationIds,
        proposedOn: '2021-05-20',
        waitMs,
      });
    }

    beforeAll(async () => {
      await harness.publish('campaign', 'campaign.issued.v1', closedCampaignId, {
        campaignId: closedCampaignId,
        agencyId,
        title: 'Kế hoạch tổ chức đợt thi đua chuyên đề',
        planNumber: '31/KH-SKHCN',
        number: 31,
        year: 2021,
        issuedOn: '2021-03-31',
        plan: plan(3, 3),
      });
      await eventually(async () =>
        expect(
          await harness.instances[0]!.app.get(CampaignCopy).get(TENANT, closedCampaignId),
        ).not.toBeNull(),
      );
    });

    it('refuses to award a proposed nominee withdrawn since the proposal: validation-failed', async () => {
      const ids = await approvedDossiers(2, UPWARD_FORM, closedCampaignId);
      const proposed = await propose(ids, 5_000);
      expect(proposed.outcome).toBe('issued');
      await eventually(async () => expect(await statuses(ids)).toEqual(['proposed', 'proposed']));
      await withdraw(ids[1]!, closedCampaignId);
      const refused = await refusal(
        harness.send(REVIEW_RPC.recordProposalOutcome, {
          context: secretariat,
          proposalId: proposed.body.id,
          approvedNominationIds: ids,
          decisionNumber: '1234/QĐ-UBND',
          decidedOn: '2021-05-20',
        }),
      );
      expect(refused.code).toBe('validation-failed');
      expect(refused.toPayload().errors).toEqual([
        { path: 'approvedNominationIds[1]', message: 'withdrawn' },
      ]);
      const recorded = await harness.send<CommandResult<ProposalView>>(
        REVIEW_RPC.recordProposalOutcome,
        {
          context: secretariat,
          proposalId: proposed.body.id,
          approvedNominationIds: [ids[0]],
          decisionNumber: '1234/QĐ-UBND',
          decidedOn: '2021-05-20',
        },
      );
      expect(recorded.body.status).toBe('decided');
      expect(await statuses(ids)).toEqual(['awarded', 'withdrawn']);
    });

    it('closes the campaign while a decision and a proposal wait for their numbers', async () => {
      awarded = (await approvedDossiers(1, FORM, closedCampaignId))[0]!;
      const first = await decide([awarded], { campaign: closedCampaignId });
      expect(first.outcome).toBe('issued');
      firstDecision = first.body;
      pendingDossiers = await approvedDossiers(2, FORM, closedCampaignId);
      pending = await pendingDecision(pendingDossiers, closedCampaignId);
      const upward = await approvedDossiers(2, UPWARD_FORM, closedCampaignId);
      proposedDossier = upward[0]!;
      leftOut = upward[1]!;
      const before = held.length;
      registerMode = 'hold';
      try {
        expect((await propose([proposedDossier], 50)).outcome).toBe('pending');
        proposalRequest = await eventually(() => {
          const found = held.slice(before).find((item) => item.requesterKind === 'proposal');
          expect(found).toBeDefined();
          return found!;
        });
      } finally {
        registerMode = 'assign';
      }
      await harness.publish('campaign', 'campaign.closed.v1', closedCampaignId, {
        campaignId: closedCampaignId,
        agencyId,
        closedAt: clock.now().toISOString(),
      });
      // The dossier left out of every decision and proposal ends not-approved; those holding
      // places wait for their decision's or proposal's number.
      await eventually(async () => expect(await statuses([leftOut])).toEqual(['not-approved']));
      expect(await statuses([awarded, ...pendingDossiers, proposedDossier])).toEqual([
        'awarded',
        'approved',
        'approved',
        'approved',
      ]);
    });

    it('ends the dossiers of a decision or proposal the register refuses after the close not-approved', async () => {
      await answer(pending.request, 'refuse');
      await answer(proposalRequest, 'refuse');
      await eventually(async () =>
        expect(await statuses([...pendingDossiers, proposedDossier])).toEqual([
          'not-approved',
          'not-approved',
          'not-approved',
        ]),
      );
      expect((await getDecision(pending.decision.id)).status).toBe('failed');
      const forms = (await ledger(0, closedCampaignId)).forms;
      expect(forms.find((form) => form.awardFormCode === FORM)?.used).toBe(1);
    });

    it('ends the dossiers of a decision revoked after the close not-approved', async () => {
      const revoked = await harness.send<CommandResult<DecisionView>>(REVIEW_RPC.revokeDecision, {
        context: head,
        decisionId: firstDecision.id,
        reason: 'Phát hiện sai sót',
      });
      expect(revoked.body.status).toBe('revoked');
      expect(await statuses([awarded])).toEqual(['not-approved']);
      const stored = await harness.instances[0]!.app.get(DossierStreams).stored(TENANT, awarded);
      expect(stored.slice(-2).map((event) => event.type)).toEqual([
        'DossierAwardRevoked',
        'DossierNotApproved',
      ]);
      expect(stored[stored.length - 1]?.data).toEqual(
        expect.objectContaining({ cause: 'campaign-closed' }),
      );
      const forms = (await ledger(0, closedCampaignId)).forms;
      expect(forms.find((form) => form.awardFormCode === FORM)?.used).toBe(0);
    });
  });
});
