import { randomUUID } from 'node:crypto';
import {
  REVIEW_RPC,
  type CommandContext,
  type CommandResult,
  type DossierReviewHistory,
  type IntegrationEvent,
} from '@ttkt/contracts';
import { RemoteDomainError } from '@ttkt/messaging';
import {
  ControllableClock,
  eventually,
  startServiceUnderTest,
  type ServiceUnderTest,
} from '@ttkt/testing';
import type { PoolClient } from 'pg';
import { CampaignCopy } from '../src/copies/campaign-copy';
import { HoldsCopy } from '../src/copies/holds-copy';
import type { DossierCommandBody } from '../src/dossiers/dossier-commands';
import { decideDossierOutcome } from '../src/dossiers/dossier-outcomes';
import { DossierReads } from '../src/dossiers/dossier-reads';
import { DossierStreams } from '../src/dossiers/dossier-streams';
import { REVIEW_SERVICE, startReviewService } from '../src/review.service';

const TENANT = 'bac-kan';
const FORM = 'GIAY_KHEN_GD_SO';
const UPWARD_FORM = 'BANG_KHEN_CT_UBND_TINH';

function contextOf(actorId: string): CommandContext {
  return {
    tenantId: TENANT,
    actor: { kind: 'user', id: actorId },
    correlationId: `review-int-spec-${randomUUID()}`,
  };
}

const secretariat = contextOf('van-phong');

/** The plan as `campaign.issued.v1` carries it (the fields review reads). */
function plan(quota: number): Record<string, unknown> {
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
        unitStage: {
          to: { kind: 'unit', unit: 'VP' },
          before: '2021-05-12',
          cutoff: '2021-05-12T00:00:00+07:00',
          requiredDocuments: [],
        },
      },
      {
        code: UPWARD_FORM,
        name: 'Bằng khen của Chủ tịch UBND tỉnh',
        decidedBy: { kind: 'higher-authority', agency: 'UBND', title: 'Chủ tịch UBND tỉnh' },
        quota: { max: 2 },
        eligibleSubjects: ['collective', 'individual'],
        unitStage: {
          to: { kind: 'unit', unit: 'VP' },
          before: '2021-05-12',
          cutoff: '2021-05-12T00:00:00+07:00',
          requiredDocuments: [],
        },
        proposalStage: {
          to: { kind: 'external', name: 'Trung tâm phục vụ Hành chính công tỉnh' },
          before: '2021-05-31',
          cutoff: '2021-05-31T00:00:00+07:00',
          requiredDocuments: [],
        },
      },
    ],
  };
}

/**
 * The review service's dossier area on a test schema with the in-process transport and RPC:
 * nomination's, the campaign's and the directory's contract events are published here as those
 * services would; what review publishes is observed on the same transport.
 */
describe('review service: dossiers', () => {
  let harness: ServiceUnderTest;
  const clock = new ControllableClock('2021-05-13T09:00:00+07:00');
  const agencyId = randomUUID();
  const campaignId = randomUUID();

  beforeAll(async () => {
    harness = await startServiceUnderTest({
      label: 'review',
      service: REVIEW_SERVICE,
      tenantId: TENANT,
      start: startReviewService,
      clock,
      observe: ['review.#'],
    });
  });

  afterAll(() => harness?.stop());

  function submitted(
    nominationId: string,
    options: { resubmission?: boolean; campaign?: string; form?: string } = {},
  ): Promise<IntegrationEvent> {
    return harness.publish('nomination', 'nomination.submitted.v1', nominationId, {
      nominationId,
      campaignId: options.campaign ?? campaignId,
      agencyId,
      awardFormCode: options.form ?? FORM,
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
      achievementSummary: options.resubmission
        ? 'Bổ sung biên bản'
        : 'Hoàn thành xuất sắc nhiệm vụ',
      criteria: [],
      documents: [],
      resubmission: options.resubmission ?? false,
      holds: [],
      submittedAt: clock.now().toISOString(),
    });
  }

  function accept(nominationId: string): Promise<CommandResult<DossierCommandBody>> {
    return harness.send(REVIEW_RPC.acceptDossier, { context: secretariat, nominationId });
  }

  function returnDossier(
    nominationId: string,
    resubmitBefore?: string | null,
  ): Promise<CommandResult<DossierCommandBody>> {
    return harness.send(REVIEW_RPC.returnDossier, {
      context: secretariat,
      nominationId,
      reasons: ['Thiếu biên bản họp xét'],
      ...(resubmitBefore === undefined ? {} : { resubmitBefore }),
    });
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

  function publishedOf(type: string, nominationId: string): IntegrationEvent[] {
    return harness.publishedOf(type, 'nominationId', nominationId);
  }

  /** Runs `fn` in a transaction of the service's store (committed, never left open). */
  function inTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    return harness.service.infrastructure.store.transaction(fn);
  }

  it('keeps a copy of the campaign: number, agency code, signer, recipients, forms', async () => {
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
    const campaigns = harness.service.app.get(CampaignCopy);
    const campaign = await campaigns.await(TENANT, campaignId);
    expect(campaign).toEqual({
      campaignId,
      agencyId,
      agencyCode: 'SKHCN',
      planNumber: '27/KH-SKHCN',
      planTitle: 'Kế hoạch tổ chức đợt thi đua',
      planIssuedOn: '2021-03-30',
      status: 'issued',
      signer: { title: 'GIÁM ĐỐC', name: 'Đỗ Thị Hiền' },
      recipients: [{ name: 'Ban TĐKT tỉnh' }, { name: 'Lưu', purpose: 'VT' }],
      awardForms: [
        {
          code: FORM,
          name: 'Giấy khen của Giám đốc Sở',
          quota: 3,
          decidedBy: { kind: 'agency-head', title: 'Giám đốc Sở' },
          proposalStage: null,
        },
        {
          code: UPWARD_FORM,
          name: 'Bằng khen của Chủ tịch UBND tỉnh',
          quota: 2,
          decidedBy: { kind: 'higher-authority', title: 'Chủ tịch UBND tỉnh' },
          proposalStage: {
            to: 'Trung tâm phục vụ Hành chính công tỉnh',
            before: '2021-05-31',
            cutoff: '2021-05-31T00:00:00+07:00',
          },
        },
      ],
    });

    // An amendment replaces the plan's fields (not the number).
    await harness.publish('campaign', 'campaign.amended.v1', campaignId, {
      campaignId,
      agencyId,
      reason: 'Tăng số lượng',
      changes: {},
      plan: plan(4),
    });
    await eventually(async () => {
      const amended = await campaigns.get(TENANT, campaignId);
      expect(amended?.awardForms[0]?.quota).toBe(4);
      expect(amended?.planNumber).toBe('27/KH-SKHCN');
    });
  });

  it('answers null for a campaign whose issue has not arrived, after the wait', async () => {
    const started = Date.now();
    expect(await harness.service.app.get(CampaignCopy).await(TENANT, randomUUID(), 200)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  let accepted = '';

  it('accepts a submitted dossier, waiting for its submission to arrive', async () => {
    accepted = randomUUID();
    // The command is sent before the submission is published: it waits for it.
    const answer = accept(accepted);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await submitted(accepted);
    const result = await answer;
    expect(result.body).toEqual({ nominationId: accepted, status: 'accepted', version: 2 });
    expect(result.version).toBe(2);
    expect(result.position).toMatch(/^review:/);

    const dossier = await harness.service.app.get(DossierReads).get(TENANT, accepted);
    expect(dossier).toEqual(
      expect.objectContaining({
        status: 'accepted',
        campaignId,
        agencyId,
        awardFormCode: FORM,
        nomineeRef: { kind: 'individual', personId: `p-${accepted}` },
        nominatingUnitId: 'u-qlcn',
        version: 2,
      }),
    );
    await eventually(() => {
      const [event] = publishedOf('review.dossier-accepted.v1', accepted);
      expect(event?.data).toEqual({
        nominationId: accepted,
        campaignId,
        at: '2021-05-13T02:00:00.000Z',
      });
      expect(event?.actor).toEqual({ kind: 'user', id: 'van-phong' });
      expect(event?.source.streamId).toBe(`review-${accepted}`);
    });

    // Accepting again is refused.
    const again = await refusal(accept(accepted));
    expect(again.code).toBe('invalid-state');
    expect(again.params).toEqual({ nominationId: accepted, status: 'accepted' });
  });

  it('refuses an unknown dossier after waiting for it (not-found)', async () => {
    const started = Date.now();
    const error = await refusal(accept(randomUUID()));
    expect(error.code).toBe('not-found');
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
  });

  it('returns a submitted dossier with a later deadline, and accepts its resubmission', async () => {
    const nominationId = randomUUID();
    await submitted(nominationId);
    const tooEarly = await refusal(returnDossier(nominationId, '2021-05-13'));
    expect(tooEarly.code).toBe('validation-failed');

    const result = await returnDossier(nominationId, '2021-05-20');
    expect(result.body).toEqual({ nominationId, status: 'returned', version: 2 });
    await eventually(() => {
      const [event] = publishedOf('review.dossier-returned.v1', nominationId);
      expect(event?.data).toEqual({
        nominationId,
        campaignId,
        at: '2021-05-13T02:00:00.000Z',
        reasons: ['Thiếu biên bản họp xét'],
        resubmitBefore: '2021-05-19T17:00:00.000Z',
      });
    });

    await submitted(nominationId, { resubmission: true });
    const accepted = await accept(nominationId);
    expect(accepted.body).toEqual({ nominationId, status: 'accepted', version: 4 });
    const dossier = await harness.service.app.get(DossierReads).get(TENANT, nominationId);
    expect(dossier?.achievementSummary).toBe('Bổ sung biên bản');
  });

  it('publishes nothing for a submission or a withdrawal, and keeps the withdrawal', async () => {
    const nominationId = randomUUID();
    await submitted(nominationId);
    await harness.publish('nomination', 'nomination.withdrawn.v1', nominationId, {
      nominationId,
      campaignId,
      agencyId,
      awardFormCode: FORM,
      nominatingUnitId: 'u-qlcn',
      reason: 'Rút hồ sơ',
      previousStatus: 'submitted',
      withdrawnAt: clock.now().toISOString(),
    });
    const reads = harness.service.app.get(DossierReads);
    await eventually(async () =>
      expect((await reads.get(TENANT, nominationId))?.status).toBe('withdrawn'),
    );
    const error = await refusal(accept(nominationId));
    expect(error.params).toEqual({ nominationId, status: 'withdrawn' });
    expect(
      harness.published.filter(
        (event) => (event.data as { nominationId?: string }).nominationId === nominationId,
      ),
    ).toEqual([]);
  });

  it('shows review outcomes in the dossier history', async () => {
    const history = await harness.send<DossierReviewHistory>(REVIEW_RPC.dossierHistory, {
      tenantId: TENANT,
      nominationId: accepted,
    });
    expect(history.items).toEqual([
      {
        type: 'DossierAccepted',
        at: '2021-05-13T02:00:00.000Z',
        actor: { kind: 'user', id: 'van-phong' },
        data: {},
      },
    ]);
    const unknown = await harness.send<DossierReviewHistory>(REVIEW_RPC.dossierHistory, {
      tenantId: TENANT,
      nominationId: randomUUID(),
    });
    expect(unknown.items).toEqual([]);
  });

  it('publishes the outcomes other areas record, and leaves approved dossiers not approved when the campaign closes', async () => {
    const streams = harness.service.app.get(DossierStreams);
    const reads = harness.service.app.get(DossierReads);
    const metadata = {
      actor: { kind: 'user' as const, id: 'chu-tich' },
      correlationId: randomUUID(),
    };
    const by = { kind: 'user', id: 'chu-tich' };
    const at = clock.now().toISOString();
    const [approvedLeft, awarded, acceptedOnly] = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of [approvedLeft, awarded, acceptedOnly]) {
      await submitted(id);
      await accept(id);
    }
    await inTransaction(async (client) => {
      for (const id of [approvedLeft, awarded]) {
        await streams.run(
          TENANT,
          id,
          (state) => decideDossierOutcome(state, { kind: 'approved', sessionId: 's-1', at, by }),
          {
            client,
            metadata,
          },
        );
      }
      const run = await streams.run(
        TENANT,
        awarded,
        (state) =>
          decideDossierOutcome(state, {
            kind: 'awarded',
            decisionId: 'd-1',
            decisionNumber: '05/QĐ-SKHCN',
            at,
            by,
          }),
        { client, metadata },
      );
      expect(run.state).toEqual(
        expect.objectContaining({ status: 'awarded', decisionId: 'd-1', version: 4 }),
      );
      // The read row is written in the same transaction.
      expect((await reads.get(TENANT, awarded, client))?.status).toBe('awarded');
    });
    expect(
      (await reads.listByCampaignForm(TENANT, campaignId, FORM, ['approved'])).map(
        (d) => d.nominationId,
      ),
    ).toEqual([approvedLeft]);
    expect(
      (await reads.getMany(TENANT, [awarded, randomUUID(), approvedLeft])).map(
        (d) => d.nominationId,
      ),
    ).toEqual([awarded, approvedLeft]);
    await eventually(() => {
      expect(publishedOf('review.dossier-approved.v1', approvedLeft)).toHaveLength(1);
      expect(publishedOf('review.dossier-awarded.v1', awarded)[0]?.data).toEqual({
        nominationId: awarded,
        campaignId,
        at,
        decisionId: 'd-1',
        decisionNumber: '05/QĐ-SKHCN',
      });
    });

    await harness.publish('campaign', 'campaign.closed.v1', campaignId, {
      campaignId,
      agencyId,
      closedAt: '2021-06-30T10:00:00.000Z',
    });
    await eventually(async () => {
      expect((await reads.get(TENANT, approvedLeft))?.status).toBe('not-approved');
      const [event] = publishedOf('review.dossier-not-approved.v1', approvedLeft);
      expect(event?.data).toEqual({
        nominationId: approvedLeft,
        campaignId,
        at: '2021-06-30T10:00:00.000Z',
      });
    });
    expect((await reads.get(TENANT, awarded))?.status).toBe('awarded');
    expect((await reads.get(TENANT, acceptedOnly))?.status).toBe('accepted');
    expect((await harness.service.app.get(CampaignCopy).get(TENANT, campaignId))?.status).toBe(
      'closed',
    );
  });

  it('keeps the open holds of people', async () => {
    const [person, other] = [randomUUID(), randomUUID()];
    const hold = (holdId: string, personId: string) =>
      harness.publish('directory', 'directory.hold-opened.v1', holdId, {
        personId,
        agencyId,
        holdId,
        kind: 'discipline',
        reason: 'Kỷ luật',
        source: 'QĐ 1/QĐ-SKHCN',
        openedOn: '2021-05-01',
      });
    const [first, second] = [randomUUID(), randomUUID()];
    await hold(first, person);
    await hold(second, person);
    await harness.publish('directory', 'directory.hold-closed.v1', second, {
      personId: person,
      agencyId,
      holdId: second,
      reason: 'Hết thời hạn',
      closedOn: '2021-05-10',
    });
    const holds = harness.service.app.get(HoldsCopy);
    await eventually(async () => {
      const open = await holds.openFor(TENANT, [person, other]);
      expect([...open.entries()]).toEqual([
        [person, [{ holdId: first, kind: 'discipline', openedOn: '2021-05-01' }]],
      ]);
    });
  });
});
