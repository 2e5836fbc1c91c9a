import { randomUUID } from 'node:crypto';
import {
  ATTACH_NOMINATION_DOCUMENT,
  GET_NOMINATION,
  GET_NOMINATION_HISTORY,
  LIST_CAMPAIGN_NOMINATIONS,
  LIST_MY_NOMINATIONS,
  NOMINATE,
  REMOVE_NOMINATION_DOCUMENT,
  SUBMIT_NOMINATION,
  WITHDRAW_NOMINATION,
  type CommandContext,
  type CommandResult,
  type IntegrationEvent,
  type MyNominations,
  type NominationHistory,
  type NominationList,
  type NominationView,
} from '@ttkt/contracts';
import { RemoteDomainError } from '@ttkt/messaging';
import {
  ControllableClock,
  eventually,
  startServiceUnderTest,
  type ServiceUnderTest,
} from '@ttkt/testing';
import { NOMINATION_SERVICE, startNominationService } from '../src/nomination.service';

const TENANT = 'bac-kan';
const FORM = 'GIAY_KHEN_GD_SO';
const COLLECTIVE_FORM = 'TAP_THE_LAO_DONG_XUAT_SAC';
const REQUIRED = ['BAO_CAO_THANH_TICH', 'TOM_TAT_THANH_TICH'];
const CUTOFF = '2021-05-12T00:00:00+07:00';

function contextOf(actorId: string): CommandContext {
  return {
    tenantId: TENANT,
    actor: { kind: 'user', id: actorId },
    correlationId: `nomination-int-spec-${randomUUID()}`,
  };
}

const unitHead = contextOf('truong-phong');

/** The plan as `campaign.issued.v1` carries it (the fields the nomination service reads). */
function plan(cutoff: string, before: string): Record<string, unknown> {
  const unitStage = {
    to: { kind: 'unit', unit: 'VP' },
    before,
    beforeWording: 'trước 12/5/2021',
    cutoff,
    requiredDocuments: [
      { code: 'BAO_CAO_THANH_TICH', name: 'Báo cáo thành tích' },
      { code: 'TOM_TAT_THANH_TICH', name: 'Tóm tắt thành tích' },
    ],
  };
  return {
    title: 'Kế hoạch tổ chức phong trào thi đua',
    awardForms: [
      {
        code: FORM,
        name: 'Giấy khen của Giám đốc Sở',
        eligibleSubjects: ['collective', 'individual'],
        quota: { max: 10 },
        unitStage,
      },
      {
        code: COLLECTIVE_FORM,
        name: 'Tập thể lao động xuất sắc',
        eligibleSubjects: ['collective'],
        quota: { max: 2 },
        unitStage,
      },
    ],
  };
}

/**
 * The nomination service on a test schema with the in-process transport and RPC. The campaign's,
 * the directory's and review's contract events are published here as those services would
 * publish them; what the nomination service publishes is observed on the same transport.
 */
describe('nomination service', () => {
  let harness: ServiceUnderTest;
  const clock = new ControllableClock('2021-04-01T09:00:00+07:00');
  const agencyId = randomUUID();
  const campaignId = randomUUID();
  const closedCampaignId = randomUUID();
  const units = {
    so: randomUUID(),
    qlcn: randomUUID(),
    qlcnTeam: randomUUID(),
    khtc: randomUUID(),
  };
  const people = {
    lan: randomUUID(), // of QLCN
    minh: randomUUID(), // of the team under QLCN
    hoa: randomUUID(), // of KHTC
    tuan: randomUUID(), // of QLCN, put on hold
    binh: randomUUID(), // of QLCN, nominated twice at once
  };
  const sha = (n: number): string => n.toString(16).padStart(64, '0');

  beforeAll(async () => {
    harness = await startServiceUnderTest({
      label: 'nomination',
      service: NOMINATION_SERVICE,
      tenantId: TENANT,
      start: startNominationService,
      clock,
      observe: ['nomination.#'],
    });
    await unit(units.so, 'SO', 'Sở Khoa học và Công nghệ', null);
    await unit(units.qlcn, 'QLCN', 'Phòng Quản lý công nghệ và chuyên ngành', units.so);
    await unit(units.qlcnTeam, 'QLCN-TD', 'Tổ thẩm định công nghệ', units.qlcn);
    await unit(units.khtc, 'KHTC', 'Phòng Kế hoạch – Tài chính', units.so);
    await person(people.lan, units.qlcn, 'Nguyễn Thị Lan', 'Chuyên viên');
    await person(people.minh, units.qlcnTeam, 'Trần Văn Minh', 'Tổ trưởng');
    await person(people.hoa, units.khtc, 'Lê Thị Hoa', 'Kế toán viên');
    await person(people.tuan, units.qlcn, 'Phạm Văn Tuấn', 'Phó Trưởng phòng');
    await person(people.binh, units.qlcn, 'Hoàng Văn Bình', 'Chuyên viên');
    await publish('campaign', 'campaign.issued.v1', campaignId, {
      campaignId,
      agencyId,
      title: 'Kế hoạch tổ chức phong trào thi đua',
      planNumber: '27/KH-SKHCN',
      number: 27,
      year: 2021,
      issuedOn: '2021-03-30',
      plan: plan(CUTOFF, '2021-05-12'),
    });
    await publish('campaign', 'campaign.issued.v1', closedCampaignId, {
      campaignId: closedCampaignId,
      agencyId,
      title: 'Kế hoạch đã kết thúc',
      planNumber: '3/KH-SKHCN',
      number: 3,
      year: 2021,
      issuedOn: '2021-01-10',
      plan: plan(CUTOFF, '2021-05-12'),
    });
    await publish('campaign', 'campaign.closed.v1', closedCampaignId, {
      campaignId: closedCampaignId,
      agencyId,
      closedAt: '2021-03-31T10:00:00.000Z',
    });
    await eventually(async () => {
      const { rows } = await harness.service.infrastructure.pool.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM campaign_copies WHERE closed_at IS NOT NULL AND plan_version > 0)
              + (SELECT count(*) FROM directory_people) AS n`,
      );
      expect(Number(rows[0]?.n)).toBe(6);
    });
  });

  afterAll(() => harness?.stop());

  /** Publishes a contract event as `source` would, with no actor unless given. */
  function publish(
    source: string,
    type: string,
    streamKey: string,
    data: object,
    actor?: { kind: 'user' | 'system'; id: string },
  ): Promise<IntegrationEvent> {
    return harness.publish(source, type, streamKey, data, { actor: actor ?? null });
  }

  function unit(unitId: string, code: string, name: string, parentUnitId: string | null) {
    return publish('directory', 'directory.unit-created.v1', unitId, {
      unitId,
      agencyId,
      code,
      name,
      isSecretariat: false,
      parentUnitId,
    });
  }

  function person(personId: string, unitId: string, fullName: string, position: string) {
    return publish('directory', 'directory.person-registered.v1', personId, {
      personId,
      agencyId,
      unitId,
      code: null,
      fullName,
      dateOfBirth: '1985-06-15',
      gender: 'female',
      position,
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

  function nominate(
    nominee: { kind: 'individual'; personId: string } | { kind: 'collective'; unitId: string },
    options: { awardFormCode?: string; campaign?: string; unitId?: string; id?: string } = {},
  ): Promise<CommandResult<NominationView>> {
    return harness.send(NOMINATE, {
      context: unitHead,
      nominationId: options.id ?? randomUUID(),
      campaignId: options.campaign ?? campaignId,
      awardFormCode: options.awardFormCode ?? FORM,
      nominatingUnitId: options.unitId ?? units.qlcn,
      nominee,
      achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2021',
      criteria: [{ criterion: 'Hoàn thành xuất sắc nhiệm vụ', met: true, evidence: 'Báo cáo' }],
    });
  }

  function attach(
    nominationId: string,
    documentTypeCode: string,
    n: number,
    context = unitHead,
  ): Promise<CommandResult<NominationView>> {
    return harness.send(ATTACH_NOMINATION_DOCUMENT, {
      context,
      nominationId,
      documentId: randomUUID(),
      documentTypeCode,
      file: {
        sha256: sha(n),
        size: 1000 + n,
        mediaType: 'application/pdf',
        fileName: `tệp-${n}.pdf`,
      },
    });
  }

  async function withRequiredDocuments(nominationId: string, first: number): Promise<void> {
    for (const [index, code] of REQUIRED.entries()) await attach(nominationId, code, first + index);
  }

  function submit(
    nominationId: string,
    context = unitHead,
  ): Promise<CommandResult<NominationView>> {
    return harness.send(SUBMIT_NOMINATION, { context, nominationId });
  }

  function get(nominationId: string): Promise<NominationView> {
    return harness.send(GET_NOMINATION, { tenantId: TENANT, nominationId });
  }

  function history(nominationId: string): Promise<NominationHistory> {
    return harness.send(GET_NOMINATION_HISTORY, { tenantId: TENANT, nominationId });
  }

  function publishedOf(type: string, nominationId: string): IntegrationEvent[] {
    return harness.publishedOf(type, 'nominationId', nominationId);
  }

  let lanDossier = '';

  it('drafts a dossier for a person of the nominating unit', async () => {
    const { body, version, position } = await nominate({
      kind: 'individual',
      personId: people.lan,
    });
    lanDossier = body.id;
    expect(body).toEqual(
      expect.objectContaining({
        campaignId,
        agencyId,
        awardFormCode: FORM,
        nominatingUnitId: units.qlcn,
        nominee: { kind: 'individual', personId: people.lan },
        status: 'draft',
        snapshot: null,
        documents: [],
        onHold: false,
        version: 1,
      }),
    );
    expect(version).toBe(1);
    expect(position).toMatch(/^nomination:\d+\.\d+$/);
    await eventually(() =>
      expect(publishedOf('nomination.drafted.v1', body.id)[0]?.data).toEqual(
        expect.objectContaining({ campaignId, agencyId, status: 'draft', nominee: body.nominee }),
      ),
    );
  });

  it('lets a unit nominate its sub-unit and a person of it, and nothing outside it', async () => {
    expect(
      (
        await nominate(
          { kind: 'collective', unitId: units.qlcnTeam },
          { awardFormCode: COLLECTIVE_FORM },
        )
      ).body.status,
    ).toBe('draft');
    expect((await nominate({ kind: 'individual', personId: people.minh })).body.status).toBe(
      'draft',
    );
    const outside = await refusal(nominate({ kind: 'individual', personId: people.hoa }));
    expect(outside.code).toBe('nominee-not-eligible');
    expect(outside.params).toEqual(expect.objectContaining({ reason: 'outside-unit' }));
    const parent = await refusal(
      nominate({ kind: 'collective', unitId: units.so }, { awardFormCode: COLLECTIVE_FORM }),
    );
    expect(parent.code).toBe('nominee-not-eligible');
    const kind = await refusal(
      nominate({ kind: 'individual', personId: people.lan }, { awardFormCode: COLLECTIVE_FORM }),
    );
    expect(kind.toPayload().params).toEqual(
      expect.objectContaining({ reason: 'kind-not-eligible' }),
    );
  });

  it('refuses an unknown award form and a closed campaign', async () => {
    expect(
      (
        await refusal(
          nominate({ kind: 'individual', personId: people.tuan }, { awardFormCode: 'NOPE' }),
        )
      ).code,
    ).toBe('unknown-award-form');
    expect(
      (
        await refusal(
          nominate({ kind: 'individual', personId: people.tuan }, { campaign: closedCampaignId }),
        )
      ).code,
    ).toBe('campaign-not-open');
  });

  it('refuses a submission without every unit-stage document, listing the missing codes', async () => {
    await attach(lanDossier, 'BAO_CAO_THANH_TICH', 1);
    const missing = await refusal(submit(lanDossier));
    expect(missing.toPayload()).toEqual(
      expect.objectContaining({
        code: 'missing-documents',
        params: { missing: 'TOM_TAT_THANH_TICH' },
      }),
    );
    const unknownType = await refusal(attach(lanDossier, 'GIAY_PHEP', 9));
    expect(unknownType.code).toBe('validation-failed');
  });

  it('accepts a submission at 23:59:59.999 on the day before the deadline, with the snapshot', async () => {
    await attach(lanDossier, 'TOM_TAT_THANH_TICH', 2);
    clock.set('2021-05-11T23:59:59.999+07:00');
    const { body } = await submit(lanDossier);
    expect(body.status).toBe('submitted');
    expect(body.submittedAt).toBe('2021-05-11T16:59:59.999Z');
    expect(body.snapshot).toEqual({
      kind: 'individual',
      fullName: 'Nguyễn Thị Lan',
      dateOfBirth: '1985-06-15',
      gender: 'female',
      position: 'Chuyên viên',
      unitId: units.qlcn,
      unitName: 'Phòng Quản lý công nghệ và chuyên ngành',
    });
    await eventually(() =>
      expect(publishedOf('nomination.submitted.v1', lanDossier)[0]?.data).toEqual(
        expect.objectContaining({
          resubmission: false,
          documents: [
            expect.objectContaining({ documentTypeCode: 'BAO_CAO_THANH_TICH', sha256: sha(1) }),
            expect.objectContaining({ documentTypeCode: 'TOM_TAT_THANH_TICH', sha256: sha(2) }),
          ],
        }),
      ),
    );
    expect((await refusal(submit(lanDossier))).code).toBe('invalid-state');
  });

  it('refuses a submission at 00:00 on the deadline day, and takes an amended cut-off', async () => {
    const { body } = await nominate({ kind: 'individual', personId: people.tuan });
    await withRequiredDocuments(body.id, 10);
    clock.set('2021-05-12T00:00:00+07:00');
    const late = await refusal(submit(body.id));
    expect(late.toPayload()).toEqual(
      expect.objectContaining({
        code: 'deadline-passed',
        params: { awardFormCode: FORM, cutoff: CUTOFF },
      }),
    );
    await publish('campaign', 'campaign.amended.v1', campaignId, {
      campaignId,
      agencyId,
      reason: 'Gia hạn nộp hồ sơ',
      changes: { awardForms: [{ code: FORM, unitStageBefore: '2021-05-15' }] },
      plan: plan('2021-05-15T00:00:00+07:00', '2021-05-15'),
    });
    clock.set('2021-05-14T23:59:59.999+07:00');
    const accepted = await eventually(() => submit(body.id));
    expect(accepted.body.status).toBe('submitted');
    clock.set('2021-05-15T00:00:00+07:00');
    const afterAmended = await nominate(
      { kind: 'individual', personId: people.binh },
      { awardFormCode: FORM, id: randomUUID() },
    );
    await withRequiredDocuments(afterAmended.body.id, 20);
    expect((await refusal(submit(afterAmended.body.id))).code).toBe('deadline-passed');
    await harness.send(WITHDRAW_NOMINATION, {
      context: unitHead,
      nominationId: afterAmended.body.id,
    });
    clock.set('2021-05-13T10:00:00+07:00');
  });

  it('records exactly one submission of two concurrent submits; the other is invalid-state', async () => {
    const { body } = await nominate(
      { kind: 'collective', unitId: units.qlcn },
      { awardFormCode: COLLECTIVE_FORM },
    );
    await withRequiredDocuments(body.id, 30);
    const outcomes = await Promise.allSettled([submit(body.id), submit(body.id)]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(rejected?.status === 'rejected' && (rejected.reason as RemoteDomainError).code).toBe(
      'invalid-state',
    );
    const { items } = await history(body.id);
    expect(items.filter((item) => item.type === 'NominationSubmitted')).toHaveLength(1);
  });

  it('keeps one dossier of two concurrent nominations of a nominee; the other is duplicate-nomination', async () => {
    const outcomes = await Promise.allSettled([
      nominate({ kind: 'individual', personId: people.binh }),
      nominate({ kind: 'individual', personId: people.binh }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(rejected?.status === 'rejected' && (rejected.reason as RemoteDomainError).code).toBe(
      'duplicate-nomination',
    );
    const { items } = await harness.send<NominationList>(LIST_CAMPAIGN_NOMINATIONS, {
      tenantId: TENANT,
      campaignId,
      awardFormCode: FORM,
    });
    const binhs = items.filter(
      (item) => item.nominee.kind === 'individual' && item.nominee.personId === people.binh,
    );
    expect(binhs.map((item) => item.status).sort()).toEqual(['draft', 'withdrawn']);
    expect((await refusal(nominate({ kind: 'individual', personId: people.binh }))).code).toBe(
      'duplicate-nomination',
    );
  });

  it('leaves the snapshot as submitted when the person changes later', async () => {
    await publish('directory', 'directory.person-changed.v1', people.lan, {
      personId: people.lan,
      agencyId,
      unitId: units.qlcnTeam,
      code: null,
      fullName: 'Nguyễn Thị Lan',
      dateOfBirth: '1985-06-15',
      gender: 'female',
      position: 'Tổ trưởng',
      effectiveOn: '2021-05-13',
    });
    await eventually(async () => {
      const { rows } = await harness.service.infrastructure.pool.query<{ position: string }>(
        `SELECT position FROM directory_people WHERE person_id = $1`,
        [people.lan],
      );
      expect(rows[0]?.position).toBe('Tổ trưởng');
    });
    const dossier = await get(lanDossier);
    expect(dossier.snapshot).toEqual(
      expect.objectContaining({ position: 'Chuyên viên', unitId: units.qlcn }),
    );
  });

  it('returns the dossier from review, then a replaced document and a resubmission show in the history', async () => {
    await publish(
      'review',
      'review.dossier-returned.v1',
      lanDossier,
      {
        nominationId: lanDossier,
        campaignId,
        reasons: ['Báo cáo thành tích thiếu xác nhận của Thủ trưởng đơn vị'],
        resubmitBefore: null,
        at: '2021-05-13T02:00:00.000Z',
      },
      { kind: 'user', id: 'thu-ky-hoi-dong' },
    );
    const returned = await eventually(async () => {
      const dossier = await get(lanDossier);
      expect(dossier.status).toBe('returned');
      return dossier;
    });
    expect(returned.returnReasons).toEqual([
      'Báo cáo thành tích thiếu xác nhận của Thủ trưởng đơn vị',
    ]);
    await eventually(() =>
      expect(publishedOf('nomination.returned.v1', lanDossier)).toHaveLength(1),
    );

    const clerk = contextOf('chuyen-vien-van-phong');
    const old = returned.documents.find((doc) => doc.documentTypeCode === 'BAO_CAO_THANH_TICH');
    clock.set('2021-05-13T15:00:00+07:00');
    await harness.send(REMOVE_NOMINATION_DOCUMENT, {
      context: clerk,
      nominationId: lanDossier,
      documentId: old?.documentId,
    });
    await attach(lanDossier, 'BAO_CAO_THANH_TICH', 3, clerk);
    clock.set('2021-05-14T08:30:00+07:00');
    const { body } = await submit(lanDossier, clerk);
    expect(body.status).toBe('submitted');
    expect(body.documents.map((doc) => doc.sha256)).toEqual([sha(2), sha(3)]);

    const { items } = await history(lanDossier);
    expect(items.map((item) => item.type)).toEqual([
      'NominationDrafted',
      'NominationDocumentAttached',
      'NominationDocumentAttached',
      'NominationSubmitted',
      'NominationReturned',
      'NominationDocumentRemoved',
      'NominationDocumentAttached',
      'NominationSubmitted',
    ]);
    const submissions = items.filter((item) => item.type === 'NominationSubmitted');
    expect(submissions.map((item) => [item.at, item.actor])).toEqual([
      ['2021-05-11T16:59:59.999Z', { kind: 'user', id: 'truong-phong' }],
      ['2021-05-14T01:30:00.000Z', { kind: 'user', id: 'chuyen-vien-van-phong' }],
    ]);
    expect(submissions[1]?.data).toEqual(expect.objectContaining({ resubmission: true }));
    const returnedItem = items.find((item) => item.type === 'NominationReturned');
    expect(returnedItem?.actor).toEqual({ kind: 'user', id: 'thu-ky-hoi-dong' });
    expect(returnedItem?.data).toEqual(expect.objectContaining({ at: '2021-05-13T02:00:00.000Z' }));
    await eventually(() =>
      expect(
        publishedOf('nomination.submitted.v1', lanDossier).map(
          (event) => (event.data as { resubmission: boolean }).resubmission,
        ),
      ).toEqual([false, true]),
    );
  });

  it('carries review outcomes after acceptance to the status, published as status changes', async () => {
    await publish('review', 'review.dossier-accepted.v1', lanDossier, {
      nominationId: lanDossier,
      campaignId,
      at: '2021-05-16T02:00:00.000Z',
    });
    await eventually(async () => expect((await get(lanDossier)).status).toBe('accepted'));
    await eventually(() =>
      expect(publishedOf('nomination.status-changed.v1', lanDossier)[0]?.data).toEqual(
        expect.objectContaining({ status: 'accepted', previousStatus: 'submitted', campaignId }),
      ),
    );
  });

  it('flags a hold opened later on the live dossiers of the person, and refuses to submit a held person', async () => {
    const holdId = randomUUID();
    await publish('directory', 'directory.hold-opened.v1', holdId, {
      personId: people.lan,
      agencyId,
      holdId,
      kind: 'investigation',
      reason: 'Đang xác minh đơn thư',
      source: 'Công văn 12/TTr',
      openedOn: '2021-05-16',
    });
    const flagged = await eventually(async () => {
      const dossier = await get(lanDossier);
      expect(dossier.onHold).toBe(true);
      return dossier;
    });
    expect(flagged.holds).toEqual([{ holdId, kind: 'investigation', openedOn: '2021-05-16' }]);
    await eventually(() =>
      expect(publishedOf('nomination.hold-flagged.v1', lanDossier)[0]?.data).toEqual(
        expect.objectContaining({ personId: people.lan, holdId, status: 'accepted' }),
      ),
    );

    const binh = (
      await harness.send<NominationList>(LIST_CAMPAIGN_NOMINATIONS, {
        tenantId: TENANT,
        campaignId,
        status: 'draft',
        awardFormCode: FORM,
      })
    ).items.find(
      (item) => item.nominee.kind === 'individual' && item.nominee.personId === people.binh,
    );
    expect(binh).toBeDefined();
    const binhHold = randomUUID();
    await publish('directory', 'directory.hold-opened.v1', binhHold, {
      personId: people.binh,
      agencyId,
      holdId: binhHold,
      kind: 'discipline',
      reason: 'Kỷ luật khiển trách',
      source: 'Quyết định 5/QĐ-SKHCN',
      openedOn: '2021-05-13',
    });
    await eventually(async () => expect((await get(binh?.id ?? '')).onHold).toBe(true));
    await withRequiredDocuments(binh?.id ?? '', 40);
    expect((await refusal(submit(binh?.id ?? ''))).code).toBe('nominee-on-hold');
  });

  it('withdraws a dossier before a decision, once, and the nominee may be nominated again', async () => {
    const { items } = await harness.send<NominationList>(LIST_CAMPAIGN_NOMINATIONS, {
      tenantId: TENANT,
      campaignId,
      status: 'draft',
      awardFormCode: FORM,
      unitId: units.qlcn,
    });
    const binh = items.find(
      (item) => item.nominee.kind === 'individual' && item.nominee.personId === people.binh,
    );
    const withdrawn = await harness.send<CommandResult<NominationView>>(WITHDRAW_NOMINATION, {
      context: unitHead,
      nominationId: binh?.id,
      reason: 'Đơn vị rút hồ sơ',
    });
    expect(withdrawn.body.status).toBe('withdrawn');
    await eventually(() =>
      expect(publishedOf('nomination.withdrawn.v1', binh?.id ?? '')[0]?.data).toEqual(
        expect.objectContaining({ reason: 'Đơn vị rút hồ sơ', previousStatus: 'draft' }),
      ),
    );
    expect(
      (
        await refusal(
          harness.send(WITHDRAW_NOMINATION, { context: unitHead, nominationId: binh?.id }),
        )
      ).code,
    ).toBe('invalid-state');
    const again = await nominate({ kind: 'individual', personId: people.binh });
    expect(again.body.status).toBe('draft');
    expect(again.body.onHold).toBe(true);
  });

  it('lists a campaign’s dossiers by page and filter, and a person’s own', async () => {
    const first = await harness.send<NominationList>(LIST_CAMPAIGN_NOMINATIONS, {
      tenantId: TENANT,
      campaignId,
      limit: 2,
    });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await harness.send<NominationList>(LIST_CAMPAIGN_NOMINATIONS, {
      tenantId: TENANT,
      campaignId,
      limit: 100,
      cursor: first.nextCursor,
    });
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(8);
    const team = await harness.send<NominationList>(LIST_CAMPAIGN_NOMINATIONS, {
      tenantId: TENANT,
      campaignId,
      unitIds: [units.qlcnTeam],
    });
    expect(team.items).toHaveLength(0);
    const mine = await harness.send<MyNominations>(LIST_MY_NOMINATIONS, {
      tenantId: TENANT,
      personId: people.lan,
    });
    expect(mine.items.map((item) => item.id)).toEqual([lanDossier]);
    expect((await refusal(get(randomUUID()))).code).toBe('not-found');
  });
});
