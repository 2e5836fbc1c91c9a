import { randomUUID } from 'node:crypto';
import {
  AMEND_CAMPAIGN,
  CANCEL_ISSUE,
  CLOSE_CAMPAIGN,
  DRAFT_CAMPAIGN,
  GET_CAMPAIGN,
  ISSUE_CAMPAIGN,
  LIST_CAMPAIGNS,
  UPDATE_DRAFT,
  type CampaignList,
  type CampaignView,
  type CommandContext,
  type CommandResult,
  type IntegrationEvent,
  type IssueCampaignResult,
} from '@ttkt/contracts';
import { RemoteDomainError } from '@ttkt/messaging';
import { eventually, startServiceUnderTest, type ServiceUnderTest } from '@ttkt/testing';
import { CAMPAIGN_SERVICE, startCampaignService } from '../src/campaign.service';
import { bacKanPlan } from './support/plan-fixture';

const TENANT = 'bac-kan';
const context: CommandContext = {
  tenantId: TENANT,
  actor: { kind: 'user', id: 'van-phong' },
  correlationId: 'campaign-int-spec',
};

/**
 * The campaign service on a test schema with the in-process transport and RPC. The directory's
 * and the register's contract events are published here as those services would publish them;
 * what the campaign service publishes is observed on the same transport.
 */
describe('campaign service', () => {
  let harness: ServiceUnderTest;
  const agencyId = randomUUID();
  let sequence = 0;

  beforeAll(async () => {
    harness = await startServiceUnderTest({
      label: 'campaign',
      service: CAMPAIGN_SERVICE,
      tenantId: TENANT,
      start: startCampaignService,
      observe: ['campaign.#'],
    });
    await publish('directory', 'directory.agency-registered.v1', {
      agencyId,
      tenantId: TENANT,
      code: 'SKHCN',
      name: 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
      parentAgencyId: null,
      validFrom: '2008-01-01',
      validUntil: null,
      predecessorAgencyId: null,
    });
    await unit('VP', 'Văn phòng Sở', true);
  });

  afterAll(() => harness?.stop());

  /** Publishes a contract event as `source` would. */
  async function publish(source: string, type: string, data: object): Promise<void> {
    sequence += 1;
    const envelope: IntegrationEvent = {
      id: randomUUID(),
      type,
      tenantId: TENANT,
      occurredAt: new Date().toISOString(),
      source: {
        service: source,
        streamId: `${source}-${randomUUID()}`,
        streamVersion: 1,
        position: `${source}:${1000 + sequence}.${sequence}`,
      },
      data,
    };
    await harness.publishEnvelope(envelope);
  }

  function unit(code: string, name: string, isSecretariat = false): Promise<void> {
    return publish('directory', 'directory.unit-created.v1', {
      unitId: randomUUID(),
      agencyId,
      code,
      name,
      isSecretariat,
      parentUnitId: null,
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

  async function draft(): Promise<CommandResult<CampaignView>> {
    return harness.send<CommandResult<CampaignView>>(DRAFT_CAMPAIGN, {
      context,
      campaignId: randomUUID(),
      plan: { ...bacKanPlan(), agencyId },
    });
  }

  function publishedOf<T extends object>(type: string, campaignId: string): IntegrationEvent<T>[] {
    return harness.publishedOf<T>(type, 'campaignId', campaignId);
  }

  async function issueRequest(campaignId: string) {
    return eventually(() => {
      const [request] = publishedOf<{
        requestId: string;
        agencyCode: string;
        documentKind: string;
      }>('campaign.issue-requested.v1', campaignId).slice(-1);
      if (!request) throw new Error('no issue request yet');
      return request;
    });
  }

  function assign(campaignId: string, requestId: string, number: number): Promise<void> {
    const formatted = `${String(number).padStart(2, '0')}/KH-SKHCN`;
    return publish('document', 'register.number-assigned.v1', {
      agencyId,
      year: 2021,
      number,
      formatted,
      symbol: 'KH-SKHCN',
      agencyCode: 'SKHCN',
      documentKind: 'KH',
      requestId,
      requestedBy: { kind: 'campaign', id: campaignId },
      issuedOn: '2021-03-30',
      assignedAt: new Date().toISOString(),
    });
  }

  it('drafts plan 27/KH-SKHCN, waiting a moment for a unit the copy of the directory has not received yet', async () => {
    const pending = draft();
    await unit('QLCNCN', 'Phòng Quản lý công nghệ và chuyên ngành');
    const { body, version, position } = await pending;
    expect(body).toEqual(
      expect.objectContaining({ agencyId, status: 'draft', version: 1, amendments: [] }),
    );
    expect(version).toBe(1);
    expect(position).toMatch(/^campaign:\d+\.\d+$/);
    expect(body.preamble).toBe(bacKanPlan().preamble);
    expect(body.awardForms[0]?.unitStage).toEqual(
      expect.objectContaining({
        beforeWording: 'trước 12/5/2021',
        cutoff: '2021-05-12T00:00:00+07:00',
      }),
    );
    expect(body.awardForms[1]?.proposalStage?.cutoff).toBe('2021-05-31T00:00:00+07:00');
    expect(body.period.cutoff).toBe('2021-05-11T00:00:00+07:00');
    await eventually(() => expect(publishedOf('campaign.drafted.v1', body.id)).toHaveLength(1));
  });

  it('refuses a plan naming a unit the agency does not have, after the bounded wait', async () => {
    const plan = bacKanPlan() as { responsibilities: { who: { unit?: string } }[] };
    plan.responsibilities[0]!.who.unit = 'KHONG_CO';
    const error = await refusal(
      harness.send(DRAFT_CAMPAIGN, {
        context,
        campaignId: randomUUID(),
        plan: { ...plan, agencyId },
      }),
    );
    expect(error.code).toBe('validation-failed');
    expect(error.errors).toEqual([
      { path: 'responsibilities[0].who.unit', message: 'unknownUnit' },
    ]);
  });

  it('updates a draft at its version and refuses a stale one', async () => {
    const { body } = await draft();
    const updated = await harness.send<CommandResult<CampaignView>>(UPDATE_DRAFT, {
      context,
      campaignId: body.id,
      expectedVersion: 1,
      changes: { closing: 'Trên đây là Kế hoạch./.' },
    });
    expect(updated.body).toEqual(
      expect.objectContaining({ version: 2, closing: 'Trên đây là Kế hoạch./.' }),
    );
    const stale = await refusal(
      harness.send(UPDATE_DRAFT, {
        context,
        campaignId: body.id,
        expectedVersion: 1,
        changes: { closing: 'x' },
      }),
    );
    expect(stale.code).toBe('precondition-failed');
    await eventually(() =>
      expect(publishedOf('campaign.draft-updated.v1', body.id)).toHaveLength(1),
    );
  });

  it('issues: the register assigns the number and the plan carries it', async () => {
    const { body } = await draft();
    const issuing = harness.send<IssueCampaignResult>(ISSUE_CAMPAIGN, {
      context,
      campaignId: body.id,
      issuedOn: '2021-03-30',
      waitMs: 20_000,
    });
    const request = await issueRequest(body.id);
    expect(request.data).toEqual(
      expect.objectContaining({ agencyCode: 'SKHCN', documentKind: 'KH' }),
    );
    await assign(body.id, request.data.requestId, 27);
    const result = await issuing;
    expect(result.outcome).toBe('issued');
    expect(result.campaign).toEqual(
      expect.objectContaining({
        status: 'issued',
        planNumber: '27/KH-SKHCN',
        documentType: 'KH',
        issuedOn: '2021-03-30',
      }),
    );
    await eventually(() => expect(publishedOf('campaign.issued.v1', body.id)).toHaveLength(1));

    const amended = await harness.send<CommandResult<CampaignView>>(AMEND_CAMPAIGN, {
      context,
      campaignId: body.id,
      reason: 'Lùi hạn nộp hồ sơ',
      changes: {
        awardForms: [{ code: 'GIAY_KHEN_GD_SO', quotaMax: 4, unitStageBefore: '2021-05-15' }],
      },
    });
    expect(amended.body.awardForms[0]?.quota.max).toBe(4);
    expect(amended.body.awardForms[0]?.unitStage.cutoff).toBe('2021-05-15T00:00:00+07:00');
    expect(amended.body.amendments).toHaveLength(1);
    await eventually(() => expect(publishedOf('campaign.amended.v1', body.id)).toHaveLength(1));

    const closed = await harness.send<CommandResult<CampaignView>>(CLOSE_CAMPAIGN, {
      context,
      campaignId: body.id,
    });
    expect(closed.body.status).toBe('closed');
    await eventually(() => expect(publishedOf('campaign.closed.v1', body.id)).toHaveLength(1));
    expect(
      (await refusal(harness.send(CLOSE_CAMPAIGN, { context, campaignId: body.id }))).code,
    ).toBe('invalid-state');
  });

  it('goes back to draft when the register refuses the number asked for', async () => {
    const { body } = await draft();
    const issuing = harness.send<IssueCampaignResult>(ISSUE_CAMPAIGN, {
      context,
      campaignId: body.id,
      issuedOn: '2021-03-30',
      registerNumber: 27,
      waitMs: 20_000,
    });
    const request = await issueRequest(body.id);
    await publish('document', 'register.number-refused.v1', {
      agencyId,
      year: 2021,
      requestId: request.data.requestId,
      requestedBy: { kind: 'campaign', id: body.id },
      requestedNumber: 27,
      code: 'register-number-taken',
      params: { number: 27 },
      refusedAt: new Date().toISOString(),
    });
    const result = await issuing;
    expect(result.outcome).toBe('refused');
    expect(result.refusal).toEqual({ code: 'register-number-taken', params: { number: 27 } });
    expect(result.campaign.status).toBe('draft');
    await eventually(() =>
      expect(publishedOf('campaign.issue-refused.v1', body.id)).toHaveLength(1),
    );
  });

  it('answers pending past the wait; after a cancel a late number is released, never kept', async () => {
    const { body } = await draft();
    const result = await harness.send<IssueCampaignResult>(ISSUE_CAMPAIGN, {
      context,
      campaignId: body.id,
      issuedOn: '2021-03-30',
      waitMs: 0,
    });
    expect(result.outcome).toBe('pending');
    expect(result.campaign.status).toBe('issuing');
    const cancelled = await harness.send<CommandResult<CampaignView>>(CANCEL_ISSUE, {
      context,
      campaignId: body.id,
      reason: 'Sai ngày ban hành',
    });
    expect(cancelled.body.status).toBe('draft');
    const request = await issueRequest(body.id);
    await assign(body.id, request.data.requestId, 28);
    const [released] = await eventually(() => {
      const events = publishedOf<{ number: number; reason: string; requestId: string }>(
        'campaign.issue-number-released.v1',
        body.id,
      );
      expect(events).toHaveLength(1);
      return events;
    });
    expect(released?.data).toEqual(
      expect.objectContaining({
        number: 28,
        year: 2021,
        reason: 'Huỷ ban hành: Sai ngày ban hành',
        agencyId,
      }),
    );
    const read = await harness.send<CampaignView>(GET_CAMPAIGN, {
      tenantId: TENANT,
      campaignId: body.id,
    });
    expect(read.status).toBe('draft');
    expect(read.planNumber).toBeUndefined();
  });

  it('gets and lists campaigns of the visible agencies, newest first, page by page', async () => {
    const first = await draft();
    const second = await draft();
    const got = await harness.send<CampaignView>(GET_CAMPAIGN, {
      tenantId: TENANT,
      campaignId: first.body.id,
    });
    expect(got).toEqual(first.body);
    expect(
      (await refusal(harness.send(GET_CAMPAIGN, { tenantId: 'other', campaignId: first.body.id })))
        .code,
    ).toBe('not-found');
    const page = await harness.send<CampaignList>(LIST_CAMPAIGNS, {
      tenantId: TENANT,
      agencyIds: [agencyId],
      status: 'draft',
      limit: 1,
    });
    expect(page.items.map((item) => item.id)).toEqual([second.body.id]);
    expect(page.nextCursor).not.toBeNull();
    const next = await harness.send<CampaignList>(LIST_CAMPAIGNS, {
      tenantId: TENANT,
      agencyIds: [agencyId],
      status: 'draft',
      limit: 1,
      cursor: page.nextCursor,
    });
    expect(next.items.map((item) => item.id)).toEqual([first.body.id]);
    const none = await harness.send<CampaignList>(LIST_CAMPAIGNS, {
      tenantId: TENANT,
      agencyIds: [],
    });
    expect(none.items).toEqual([]);
  });
});
