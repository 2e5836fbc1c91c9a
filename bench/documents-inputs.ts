/**
 * Fixed inputs of the document generator (`generateFiles`) for the benchmark and the samples
 * (`scripts/render-samples.ts`): the fixture's plan 27/KH-SKHCN as `campaign.issued.v1` carries
 * it, a decision of Giấy khen with its awardees, one certificate input per awardee, a proposal of
 * Bằng khen with its summary list, and the minutes of the council session — all with the names
 * in force in Bắc Kạn in 2021. Nothing here reads the clock.
 */
import { loadBacKanFixture, type JsonObject } from '@ttkt/testing';
import type {
  AwardeeV1,
  CampaignIssuedV1,
  DecisionIssuedV1,
  NomineeSnapshot,
  ProposalIssuedV1,
  SessionClosedV1,
} from '@ttkt/contracts';
import type {
  AgencyNames,
  DocumentInput,
} from '../services/document/src/documents/document-inputs';
import type { DocumentKind } from '../services/document/src/generation/model';

/** The names in force on the plan's and the decisions' dates (2021). */
export const BAC_KAN_2021: AgencyNames = {
  agencyName: 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
  parentName: 'Ủy ban nhân dân tỉnh Bắc Kạn',
  tenantName: 'Tỉnh Bắc Kạn',
};

const CAMPAIGN_ID = '6f1d2a4e-7c55-4f61-9a43-0d5f0c6b9e11';
const AGENCY_ID = '0b6e4c1a-1111-4a1a-8a1a-000000000001';
const SESSION_ID = '3d9c4b2a-5e61-4f70-8a19-2b3c4d5e6f70';
const PLAN_TITLE =
  'Tổ chức đợt thi đua thực hiện tốt cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp, nhiệm kỳ 2021-2026 và lập thành tích chào mừng kỷ niệm Ngày Khoa học và Công nghệ Việt Nam (18/5)';
const SIGNER = { title: 'GIÁM ĐỐC', name: 'Đỗ Thị Hiền' };

const FAMILY = ['Nguyễn', 'Trần', 'Hoàng', 'Nông', 'Triệu', 'Đỗ', 'Lý', 'Ma', 'Hà', 'Bế'];
const MIDDLE = { female: 'Thị', male: 'Văn' } as const;
/** Given names, women's at even places and men's at odd ones. */
const GIVEN = [
  'Lan',
  'Bình',
  'Ánh',
  'Dũng',
  'Hằng',
  'Tùng',
  'Giang',
  'Hải',
  'Oanh',
  'Phúc',
  'Sen',
  'Quang',
  'Yến',
  'Đức',
  'Thu',
  'Minh',
  'Nga',
  'Khánh',
  'Vân',
  'Cường',
];
/** Second middle names of the people from the 200th on. */
const SECOND_MIDDLE = ['Minh', 'Thanh', 'Ngọc', 'Hồng', 'Quốc'];
const UNITS = [
  { unitId: 'u-vp', unitName: 'Văn phòng Sở' },
  { unitId: 'u-khtc', unitName: 'Phòng Kế hoạch - Tài chính' },
  { unitId: 'u-qlcn', unitName: 'Phòng Quản lý công nghệ và chuyên ngành' },
  { unitId: 'u-ttud', unitName: 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ' },
];
const POSITIONS = ['Chuyên viên', 'Trưởng phòng', 'Phó Chánh Văn phòng', 'Kỹ sư'];

/**
 * The `i`-th person of the generated awardees: given name `GIVEN[i mod 20]` (a woman's at even
 * `i`), family name shifted by `i div 20`, so the first 200 are distinct; from the 200th on a
 * second middle name. Deterministic.
 */
export function awardeeOf(i: number, goldenBookNumber: number | null, prefix = 'n'): AwardeeV1 {
  const gender = i % 2 === 0 ? 'female' : 'male';
  const round = Math.floor(i / GIVEN.length);
  const given = GIVEN[i % GIVEN.length] as string;
  const family = FAMILY[(i + round) % FAMILY.length] as string;
  const middle =
    i >= 200
      ? `${MIDDLE[gender]} ${SECOND_MIDDLE[round % SECOND_MIDDLE.length] as string}`
      : MIDDLE[gender];
  const unit = UNITS[i % UNITS.length] as (typeof UNITS)[number];
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    nominationId: `${prefix}-${i + 1}`,
    nominee: {
      kind: 'individual',
      fullName: `${family} ${middle} ${given}`,
      dateOfBirth: `${1970 + (i % 30)}-${month}-${day}`,
      gender,
      position: POSITIONS[i % POSITIONS.length],
      ...unit,
    },
    personId: `p-${prefix}-${i + 1}`,
    unitId: null,
    nominatingUnitId: unit.unitId,
    achievementSummary:
      'Đã có thành tích xuất sắc trong đợt thi đua thực hiện tốt cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp, nhiệm kỳ 2021-2026',
    goldenBookNumber,
  };
}

/**
 * The fixture's plan 27/KH-SKHCN as `campaign.issued.v1` publishes it: the plan without what the
 * event carries beside it (title, number, date), with `cutoff` beside each deadline.
 */
export function planIssued(): CampaignIssuedV1 {
  const campaign = loadBacKanFixture()['campaign'] as JsonObject;
  const { title, planNumber, issuedOn, documentType: _type, ...plan } = campaign;
  const cutoff = (stage: JsonObject): JsonObject => ({
    ...stage,
    cutoff: `${stage['before'] as string}T00:00:00+07:00`,
  });
  const forms = (plan['awardForms'] as JsonObject[]).map((form) => ({
    ...form,
    unitStage: cutoff(form['unitStage'] as JsonObject),
    ...(form['proposalStage']
      ? { proposalStage: cutoff(form['proposalStage'] as JsonObject) }
      : {}),
  }));
  return {
    campaignId: CAMPAIGN_ID,
    agencyId: AGENCY_ID,
    title: title as string,
    planNumber: planNumber as string,
    number: 27,
    year: 2021,
    issuedOn: issuedOn as string,
    plan: {
      ...plan,
      period: { ...(plan['period'] as JsonObject), cutoff: '2021-05-11T00:00:00+07:00' },
      awardForms: forms,
    },
  };
}

/** `review.decision-issued.v1`: Giấy khen for `count` people, golden-book numbers 1..count. */
export function decisionIssued(count: number): DecisionIssuedV1 {
  return {
    decisionId: '7a2e3b5f-8d66-4a72-8b54-1e6a1d7caf22',
    campaignId: CAMPAIGN_ID,
    agencyId: AGENCY_ID,
    awardFormCode: 'GIAY_KHEN_GD_SO',
    awardFormName: 'Giấy khen của Giám đốc Sở Khoa học và Công nghệ',
    number: '28/QĐ-SKHCN',
    registerNumber: 28,
    year: 2021,
    planNumber: '27/KH-SKHCN',
    planTitle: PLAN_TITLE,
    planIssuedOn: '2021-03-30',
    signer: SIGNER,
    recipients: [
      { name: 'Ban Thi đua - Khen thưởng tỉnh', purpose: 'b/c' },
      { name: 'Các phòng, đơn vị thuộc Sở' },
      { name: 'Các cá nhân có tên tại Điều 1' },
    ],
    sessionId: SESSION_ID,
    decidedOn: '2021-05-17',
    awardees: Array.from({ length: count }, (_, i) => awardeeOf(i, i + 1)),
    issuedAt: '2021-05-17T02:00:00.000Z',
  };
}

/** `review.proposal-issued.v1`: Bằng khen of the provincial chair for two people. */
export function proposalIssued(): ProposalIssuedV1 {
  return {
    proposalId: '8b3f4c6a-9e77-4b83-9c65-2f7b2e8db033',
    campaignId: CAMPAIGN_ID,
    agencyId: AGENCY_ID,
    awardFormCode: 'BANG_KHEN_CT_UBND_TINH',
    awardFormName: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    number: '29/TTr-SKHCN',
    registerNumber: 29,
    year: 2021,
    planNumber: '27/KH-SKHCN',
    planTitle: PLAN_TITLE,
    planIssuedOn: '2021-03-30',
    signer: SIGNER,
    recipients: [{ name: 'Ban Thi đua - Khen thưởng tỉnh', purpose: 'b/c' }],
    sessionId: SESSION_ID,
    proposedOn: '2021-05-20',
    to: 'Ủy ban nhân dân tỉnh Bắc Kạn (qua Ban Thi đua - Khen thưởng tỉnh)',
    decidedBy: 'Chủ tịch Ủy ban nhân dân tỉnh',
    // Hoàng Văn Bình before Nông Thị Ánh: the summary list sorts them by given name (Ánh first,
    // though "Á" comes after "B" in code points).
    nominees: [awardeeOf(21, null, 'b'), awardeeOf(22, null, 'b')],
    issuedAt: '2021-05-20T02:00:00.000Z',
  };
}

/** `review.session-closed.v1`: five members, all present, both forms tallied. */
export function sessionClosed(): SessionClosedV1 {
  const members = ['u-chair', 'u-secretary', 'u-m1', 'u-m2', 'u-m3'];
  const line = (nominationId: string, yes: number, rank: number | null) => ({
    nominationId,
    yes,
    no: 5 - yes,
    ballots: 5,
    denominator: 5,
    approved: rank !== null,
    rank,
  });
  return {
    sessionId: SESSION_ID,
    campaignId: CAMPAIGN_ID,
    agencyId: AGENCY_ID,
    heldOn: '2021-05-14',
    chairUserId: 'u-chair',
    secretaryUserId: 'u-secretary',
    memberUserIds: members,
    presentUserIds: members,
    rulesSource:
      'Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng Sở (Quyết định số 05/QĐ-SKHCN ngày 05/01/2021)',
    forms: [
      {
        awardFormCode: 'GIAY_KHEN_GD_SO',
        quota: 3,
        fraction: '1/2',
        of: 'participants',
        secretBallot: false,
        tally: [line('n-1', 5, 1), line('n-2', 4, 2), line('n-3', 3, 3), line('n-4', 2, null)],
        tie: null,
      },
      {
        awardFormCode: 'BANG_KHEN_CT_UBND_TINH',
        quota: 2,
        fraction: '1/2',
        of: 'all-members',
        secretBallot: false,
        tally: [line('b-22', 5, 1), line('b-23', 4, 2), line('b-21', 2, null)],
        tie: null,
      },
    ],
    closedAt: '2021-05-14T04:00:00.000Z',
  };
}

/** The input of the certificate of each awardee of `decision` (as the document service stores it). */
export function certificateInputs(decision: DecisionIssuedV1): DocumentInput[] {
  return decision.awardees.map((awardee) => ({
    kind: 'certificate',
    names: BAC_KAN_2021,
    decision: { ...decision, awardees: [awardee] },
  }));
}

/** One input of each kind: the fixture's plan, a decision of three, its first certificate, … */
export function sampleInputs(): Record<DocumentKind, DocumentInput> {
  const decision = decisionIssued(3);
  const proposal = proposalIssued();
  const session = sessionClosed();
  const plan = planIssued();
  const nominees = Object.fromEntries(
    [
      ...decisionIssued(4).awardees.map((a) => ({ ...a, form: 'GIAY_KHEN_GD_SO' })),
      ...[awardeeOf(20, null, 'b'), awardeeOf(21, null, 'b'), awardeeOf(22, null, 'b')].map(
        (a) => ({
          ...a,
          form: 'BANG_KHEN_CT_UBND_TINH',
        }),
      ),
    ].map((a) => [
      a.nominationId,
      {
        nominationId: a.nominationId,
        awardFormCode: a.form,
        nominee: a.nominee as NomineeSnapshot,
      },
    ]),
  );
  return {
    plan: { kind: 'plan', names: BAC_KAN_2021, campaign: plan },
    decision: { kind: 'decision', names: BAC_KAN_2021, decision, sessionHeldOn: '2021-05-14' },
    certificate: certificateInputs(decision)[0] as DocumentInput,
    proposal: { kind: 'proposal', names: BAC_KAN_2021, proposal, sessionHeldOn: '2021-05-14' },
    'summary-list': {
      kind: 'summary-list',
      names: BAC_KAN_2021,
      proposal,
      sessionHeldOn: '2021-05-14',
    },
    minutes: {
      kind: 'minutes',
      names: BAC_KAN_2021,
      session,
      campaign: {
        title: plan.title,
        planNumber: plan.planNumber,
        issuedOn: plan.issuedOn,
        awardForms: [
          { code: 'GIAY_KHEN_GD_SO', name: 'Giấy khen của Giám đốc Sở Khoa học và Công nghệ' },
          { code: 'BANG_KHEN_CT_UBND_TINH', name: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh' },
        ],
      },
      nominees,
      members: {
        'u-chair': 'Đỗ Văn Hùng',
        'u-secretary': 'Hoàng Thị Thu',
        'u-m1': 'Nông Văn Dũng',
        'u-m2': 'Triệu Thị Hoa',
        'u-m3': 'Lý Văn Sáng',
      },
    },
  };
}
