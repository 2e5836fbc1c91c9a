/*
 * Payloads of the events the document service generates documents from, as their publishers
 * send them (the integration spec's givens): plan 27/KH-SKHCN as `campaign.issued.v1` carries it,
 * a decision of three Giấy khen, a proposal of Bằng khen, a closed council session.
 */
import type {
  AwardeeV1,
  CampaignIssuedV1,
  DecisionIssuedV1,
  ProposalIssuedV1,
  SessionClosedV1,
} from '@ttkt/contracts';
import { loadBacKanFixture, type JsonObject } from '@ttkt/testing';

/** People and a unit nominated in the spec. */
export const NOMINEES = {
  qlcn: {
    kind: 'collective',
    unitId: 'u-qlcncn',
    unitName: 'Phòng Quản lý công nghệ và chuyên ngành',
  },
  lan: {
    kind: 'individual',
    fullName: 'Nguyễn Thị Lan',
    dateOfBirth: '1985-03-14',
    gender: 'female',
    position: 'Chuyên viên',
    unitId: 'u-vp',
    unitName: 'Văn phòng Sở',
  },
  binh: {
    kind: 'individual',
    fullName: 'Trần Văn Bình',
    dateOfBirth: '1979-11-02',
    gender: 'male',
    position: 'Trưởng phòng',
    unitId: 'u-khtc',
    unitName: 'Phòng Kế hoạch - Tài chính',
  },
} as const;

/** A nominee of a decision or proposal (`p-<dossier>` for a person). */
export function awardee(
  nominationId: string,
  nominee: (typeof NOMINEES)[keyof typeof NOMINEES],
  goldenBookNumber: number | null,
): AwardeeV1 {
  return {
    nominationId,
    nominee: { ...nominee },
    personId: nominee.kind === 'individual' ? `p-${nominationId}` : null,
    unitId: nominee.kind === 'collective' ? nominee.unitId : null,
    nominatingUnitId: nominee.unitId,
    achievementSummary: 'Đã có thành tích xuất sắc trong đợt thi đua năm 2021',
    goldenBookNumber,
  };
}

/**
 * `campaign.issued.v1` of the fixture's plan: the plan without what the event carries beside it
 * (title, number, date), with `cutoff` beside each deadline.
 */
export function campaignIssued(campaignId: string, agencyId: string): CampaignIssuedV1 {
  const { campaign } = loadBacKanFixture() as { campaign: JsonObject };
  const {
    title,
    planNumber,
    issuedOn,
    documentType: _type,
    ...plan
  } = campaign as JsonObject & { title: string; planNumber: string; issuedOn: string };
  const withCutoff = (stage: JsonObject | undefined): JsonObject | undefined =>
    stage && { ...stage, cutoff: `${stage['before'] as string}T00:00:00+07:00` };
  const awardForms = (plan['awardForms'] as JsonObject[]).map((form) => ({
    ...form,
    unitStage: withCutoff(form['unitStage'] as JsonObject) ?? {},
    ...(form['proposalStage']
      ? { proposalStage: withCutoff(form['proposalStage'] as JsonObject) ?? {} }
      : {}),
  }));
  return {
    campaignId,
    agencyId,
    title,
    planNumber,
    number: 27,
    year: 2021,
    issuedOn,
    plan: {
      ...plan,
      period: { ...(plan['period'] as JsonObject), cutoff: '2021-05-11T00:00:00+07:00' },
      awardForms,
    },
  };
}

const PLAN = {
  planNumber: '27/KH-SKHCN',
  planTitle:
    'Tổ chức đợt thi đua thực hiện tốt cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp, nhiệm kỳ 2021-2026',
  planIssuedOn: '2021-03-30',
};

/** `review.decision-issued.v1` of three Giấy khen (a unit and two people), 28/QĐ-SKHCN. */
export function decisionIssued(
  ids: { decisionId: string; campaignId: string; agencyId: string },
  overrides: Partial<DecisionIssuedV1> = {},
): DecisionIssuedV1 {
  return {
    ...ids,
    awardFormCode: 'GIAY_KHEN_GD_SO',
    awardFormName: 'Giấy khen của Giám đốc Sở',
    number: '28/QĐ-SKHCN',
    registerNumber: 28,
    year: 2021,
    ...PLAN,
    signer: { title: 'GIÁM ĐỐC', name: 'Đỗ Thị Hiền' },
    recipients: [{ name: 'Ban TĐKT tỉnh', purpose: 'b/c' }, { name: 'Lưu: VT, VP' }],
    sessionId: null,
    decidedOn: '2021-05-17',
    awardees: [
      awardee('n-1', NOMINEES.qlcn, 1),
      awardee('n-2', NOMINEES.lan, 2),
      awardee('n-3', NOMINEES.binh, 3),
    ],
    issuedAt: '2021-05-17T02:00:00.000Z',
    ...overrides,
  };
}

/** `review.proposal-issued.v1` of Bằng khen for a unit and a person, 05/TTr-SKHCN. */
export function proposalIssued(ids: {
  proposalId: string;
  campaignId: string;
  agencyId: string;
  sessionId: string | null;
}): ProposalIssuedV1 {
  return {
    ...ids,
    awardFormCode: 'BANG_KHEN_CT_UBND_TINH',
    awardFormName: 'Bằng khen của Chủ tịch UBND tỉnh',
    number: '05/TTr-SKHCN',
    registerNumber: 5,
    year: 2021,
    ...PLAN,
    signer: { title: 'GIÁM ĐỐC', name: 'Đỗ Thị Hiền' },
    recipients: [{ name: 'Lưu: VT, VP' }],
    proposedOn: '2021-05-25',
    to: 'Trung tâm phục vụ Hành chính công tỉnh Bắc Kạn (lĩnh vực Sở Nội vụ)',
    decidedBy: 'Chủ tịch UBND tỉnh',
    nominees: [awardee('n-4', NOMINEES.lan, null), awardee('n-5', NOMINEES.qlcn, null)],
    issuedAt: '2021-05-25T02:00:00.000Z',
  };
}

/** `review.session-closed.v1`: four members of five present, one form, dossiers n-1 and n-2. */
export function sessionClosed(
  ids: { sessionId: string; campaignId: string; agencyId: string },
  heldOn = '2021-05-14',
): SessionClosedV1 {
  const line = (nominationId: string, yes: number, rank: number | null) => ({
    nominationId,
    yes,
    no: 4 - yes,
    ballots: 4,
    denominator: 4,
    approved: rank !== null,
    rank,
  });
  return {
    ...ids,
    heldOn,
    chairUserId: 'u-chair',
    secretaryUserId: 'u-secretary',
    memberUserIds: ['u-chair', 'u-secretary', 'u-m1', 'u-m2', 'u-m3'],
    presentUserIds: ['u-chair', 'u-secretary', 'u-m1', 'u-m2'],
    rulesSource: 'Quy chế hoạt động của Hội đồng TĐKT Sở, Điều 6',
    forms: [
      {
        awardFormCode: 'GIAY_KHEN_GD_SO',
        quota: 3,
        fraction: '2/3',
        of: 'present',
        secretBallot: false,
        tally: [line('n-1', 4, 1), line('n-2', 3, 2), line('n-9', 1, null)],
        tie: null,
      },
    ],
    closedAt: `${heldOn}T04:30:00.000Z`,
  };
}
