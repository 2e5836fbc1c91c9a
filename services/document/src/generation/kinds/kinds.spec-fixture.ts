/*
 * Shared givens of the content builders' specs (imported by `*.spec.ts` only): the names in force
 * in Bắc Kạn in 2021, plan 27/KH-SKHCN as `campaign.issued.v1` publishes it, a decision of three
 * Giấy khen, a proposal of two Bằng khen, and a closed council session.
 */
import type { CampaignIssuedV1 } from '@ttkt/contracts';
import type { DecisionEventInput } from './decision';
import type { SessionEventInput } from './minutes';
import type { AgencyNames } from './names';
import type { ProposalEventInput } from './proposal';

/** The names in force on the plan's date (2021). */
export const BAC_KAN_2021: AgencyNames = {
  agencyName: 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
  parentName: 'Ủy ban nhân dân tỉnh Bắc Kạn',
  tenantName: 'Tỉnh Bắc Kạn',
};

/** The names in force from 1/7/2025 (Bắc Kạn merged into Thái Nguyên). */
export const THAI_NGUYEN_2026: AgencyNames = {
  agencyName: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên',
  parentName: 'Ủy ban nhân dân tỉnh Thái Nguyên',
  tenantName: 'Tỉnh Thái Nguyên',
};

type JsonObject = Record<string, unknown>;

/**
 * `campaign.issued.v1` of the fixture's plan as the campaign service publishes it: the plan
 * without what the issue event carries beside it (title, number, date), with `cutoff` beside each
 * deadline. `campaign` is the fixture's `campaign` part (the specs load it with `@ttkt/testing`,
 * which production-side files may not import).
 */
export function issuedPlan(campaign: JsonObject): CampaignIssuedV1 {
  const {
    title,
    planNumber,
    issuedOn,
    documentType: _type,
    ...plan
  } = campaign as JsonObject & { title: string; planNumber: string; issuedOn: string };
  const forms = (plan['awardForms'] as JsonObject[]).map((form) => {
    const unitStage = form['unitStage'] as JsonObject;
    const proposalStage = form['proposalStage'] as JsonObject | undefined;
    return {
      ...form,
      unitStage: { ...unitStage, cutoff: `${unitStage['before'] as string}T00:00:00+07:00` },
      ...(proposalStage
        ? {
            proposalStage: {
              ...proposalStage,
              cutoff: `${proposalStage['before'] as string}T00:00:00+07:00`,
            },
          }
        : {}),
    };
  });
  return {
    campaignId: '6f1d2a4e-7c55-4f61-9a43-0d5f0c6b9e11',
    agencyId: 'skhcn-bac-kan',
    title,
    planNumber,
    number: 27,
    year: 2021,
    issuedOn,
    plan: {
      ...plan,
      period: { ...(plan['period'] as JsonObject), cutoff: '2021-05-11T00:00:00+07:00' },
      awardForms: forms,
    },
  };
}

const PLAN_TITLE =
  'Tổ chức đợt thi đua thực hiện tốt cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp, nhiệm kỳ 2021-2026 và lập thành tích chào mừng kỷ niệm Ngày Khoa học và Công nghệ Việt Nam (18/5)';

/** People and a unit nominated in the specs. */
export const NOMINEES = {
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
  anh: {
    kind: 'individual',
    fullName: 'Đỗ Thị Ánh',
    dateOfBirth: '1990-07-30',
    gender: 'female',
    position: 'Phó Chánh Văn phòng',
    unitId: 'u-vp',
    unitName: 'Văn phòng Sở',
  },
  qlcn: {
    kind: 'collective',
    unitId: 'u-qlcncn',
    unitName: 'Phòng Quản lý công nghệ và chuyên ngành',
  },
} as const;

function awardee(
  nominationId: string,
  nominee: (typeof NOMINEES)[keyof typeof NOMINEES],
  goldenBookNumber: number | null,
): DecisionEventInput['awardees'][number] {
  return {
    nominationId,
    nominee: { ...nominee },
    personId: nominee.kind === 'individual' ? `p-${nominationId}` : null,
    unitId: nominee.kind === 'collective' ? nominee.unitId : null,
    nominatingUnitId: nominee.unitId,
    achievementSummary: `Đã có thành tích xuất sắc trong đợt thi đua năm 2021`,
    goldenBookNumber,
  };
}

/** `review.decision-issued.v1` of three Giấy khen (a unit and two people). */
export function decisionEvent(overrides: Partial<DecisionEventInput> = {}): DecisionEventInput {
  return {
    number: '28/QĐ-SKHCN',
    decidedOn: '2021-05-17',
    awardFormName: 'Giấy khen của Giám đốc Sở',
    planNumber: '27/KH-SKHCN',
    planTitle: PLAN_TITLE,
    planIssuedOn: '2021-03-30',
    signer: { title: 'GIÁM ĐỐC', name: 'Đỗ Thị Hiền' },
    recipients: [{ name: 'Ban TĐKT tỉnh', purpose: 'b/c' }, { name: 'Lưu: VT, VP' }],
    awardees: [
      awardee('n-1', NOMINEES.qlcn, 1),
      awardee('n-2', NOMINEES.lan, 2),
      awardee('n-3', NOMINEES.binh, 3),
    ],
    ...overrides,
  };
}

/** `review.proposal-issued.v1` of two Bằng khen (given names Bình, Ánh, Lan out of order). */
export function proposalEvent(overrides: Partial<ProposalEventInput> = {}): ProposalEventInput {
  return {
    number: '05/TTr-SKHCN',
    proposedOn: '2021-05-25',
    awardFormName: 'Bằng khen của Chủ tịch UBND tỉnh',
    planNumber: '27/KH-SKHCN',
    planTitle: PLAN_TITLE,
    planIssuedOn: '2021-03-30',
    signer: { title: 'GIÁM ĐỐC', name: 'Đỗ Thị Hiền' },
    recipients: [{ name: 'Lưu: VT, VP' }],
    nominees: [
      awardee('n-4', NOMINEES.lan, null),
      awardee('n-5', NOMINEES.binh, null),
      awardee('n-6', NOMINEES.qlcn, null),
      awardee('n-7', NOMINEES.anh, null),
    ],
    to: 'Trung tâm phục vụ Hành chính công tỉnh Bắc Kạn (lĩnh vực Sở Nội vụ)',
    decidedBy: 'Chủ tịch UBND tỉnh',
    sessionId: 'session-1',
    ...overrides,
  };
}

/** `review.session-closed.v1`: five members, four present, two forms, a tie in the second. */
export function sessionEvent(overrides: Partial<SessionEventInput> = {}): SessionEventInput {
  return {
    heldOn: '2021-05-14',
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
        tally: [
          {
            nominationId: 'n-1',
            yes: 4,
            no: 0,
            ballots: 4,
            denominator: 4,
            approved: true,
            rank: 1,
          },
          {
            nominationId: 'n-2',
            yes: 3,
            no: 1,
            ballots: 4,
            denominator: 4,
            approved: true,
            rank: 2,
          },
          {
            nominationId: 'n-9',
            yes: 1,
            no: 3,
            ballots: 4,
            denominator: 4,
            approved: false,
            rank: null,
          },
        ],
        tie: null,
      },
      {
        awardFormCode: 'BANG_KHEN_CT_UBND_TINH',
        quota: 2,
        fraction: '2/3',
        of: 'all-members',
        secretBallot: true,
        tally: [
          {
            nominationId: 'n-4',
            yes: 4,
            no: 0,
            ballots: 4,
            denominator: 5,
            approved: true,
            rank: 1,
          },
          {
            nominationId: 'n-5',
            yes: 4,
            no: 0,
            ballots: 4,
            denominator: 5,
            approved: true,
            rank: 1,
          },
          {
            nominationId: 'n-6',
            yes: 4,
            no: 0,
            ballots: 4,
            denominator: 5,
            approved: true,
            rank: 1,
          },
        ],
        tie: { nominationIds: ['n-4', 'n-5', 'n-6'], places: 2, yes: 4 },
      },
    ],
    closedAt: '2021-05-14T03:30:00.000Z',
    ...overrides,
  };
}

/** Every line of a document model in reading order (header, type, summary, body, annexes, …). */
export function modelLines(model: import('../model').OfficialDocumentModel): string[] {
  const blockLines = (blocks: import('../model').Block[]): string[] =>
    blocks.flatMap((block) => {
      switch (block.kind) {
        case 'heading':
        case 'paragraph':
          return [block.text];
        case 'table':
          return [...block.columns.map((column) => column.title), ...block.rows.flat()];
        case 'pageBreak':
          return [];
      }
    });
  return [
    ...[model.header.parentBody ?? '', model.header.issuingBody, model.header.numberLine],
    model.header.placeAndDate,
    model.typeName,
    ...model.summary,
    ...blockLines(model.body),
    ...(model.recipients ? [model.recipients.heading, ...model.recipients.entries] : []),
    ...(model.signature
      ? [
          model.signature.capacity ?? '',
          model.signature.authority ?? '',
          model.signature.title,
          model.signature.name,
        ]
      : []),
    ...model.annexes.flatMap((annex) => [...annex.title, ...blockLines(annex.body)]),
  ].filter((line) => line !== '');
}
