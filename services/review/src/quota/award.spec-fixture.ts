/*
 * Shared givens of the awards' decider specs (pure; imported by `*.decide.spec.ts` only): the
 * Sở KH&CN Bắc Kạn plan with a Giấy khen form the director decides (quota 3) and a Bằng khen form
 * the provincial chairman decides on the agency's proposal (quota 2, proposals before 1/6/2021),
 * approved dossiers, and the quota ledger.
 */
import type { ReviewDossier } from '../dossiers/dossier.state';
import { NO_SESSION, type AwardCampaignFacts, type AwardSelectionFacts } from './award-selection';
import type { QuotaEvent } from './quota.events';
import { foldQuota, type QuotaLedgerState } from './quota.state';

export const CAMPAIGN_ID = '6f1d2a4e-7c55-4f61-9a43-0d5f0c6b9e11';
export const AGENCY_ID = 'skhcn-bac-kan';
export const GIAY_KHEN = 'GIAY_KHEN_GD_SO';
export const BANG_KHEN = 'BANG_KHEN_CT_UBND';
export const DECISION_ID = '0b8c3f7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f';
export const PROPOSAL_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
export const REQUEST_ID = 'req-1';
/** "trước ngày 1/6/2021": the first late instant of the proposal stage. */
export const PROPOSAL_CUTOFF = '2021-06-01T00:00:00+07:00';
export const HEAD = { kind: 'user', id: 'giam-doc' };
export const NOW = new Date('2021-05-20T09:00:00+07:00');

/** The issued campaign as review's copy holds it. */
export function campaign(overrides: Partial<AwardCampaignFacts> = {}): AwardCampaignFacts {
  return {
    campaignId: CAMPAIGN_ID,
    agencyId: AGENCY_ID,
    agencyCode: 'SKHCN',
    planNumber: '27/KH-SKHCN',
    planTitle: 'Kế hoạch tổ chức phong trào thi đua năm 2021',
    planIssuedOn: '2021-03-30',
    status: 'issued',
    signer: { capacity: 'KT.', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' },
    recipients: [{ name: 'Ban TĐKT tỉnh', purpose: 'b/c' }, { name: 'Lưu: VT' }],
    awardForms: [
      {
        code: GIAY_KHEN,
        name: 'Giấy khen của Giám đốc Sở',
        quota: 3,
        decidedBy: { kind: 'agency-head', title: 'Giám đốc Sở' },
        proposalStage: null,
      },
      {
        code: BANG_KHEN,
        name: 'Bằng khen của Chủ tịch UBND tỉnh',
        quota: 2,
        decidedBy: { kind: 'higher-authority', title: 'Chủ tịch UBND tỉnh' },
        proposalStage: { to: 'Sở Nội vụ', before: '2021-06-01', cutoff: PROPOSAL_CUTOFF },
      },
    ],
    ...overrides,
  };
}

/** An approved dossier of the Giấy khen form nominating person `p-<id>`. */
export function dossier(
  nominationId: string,
  overrides: Partial<ReviewDossier> = {},
): ReviewDossier {
  return {
    status: 'approved',
    nominationId,
    campaignId: CAMPAIGN_ID,
    agencyId: AGENCY_ID,
    awardFormCode: GIAY_KHEN,
    nomineeRef: { kind: 'individual', personId: `p-${nominationId}` },
    nominee: {
      kind: 'individual',
      fullName: `Nguyễn Thị ${nominationId.toUpperCase()}`,
      dateOfBirth: '1985-03-14',
      gender: 'female',
      position: 'Chuyên viên',
      unitId: 'u-vp',
      unitName: 'Văn phòng',
    },
    nominatingUnitId: 'u-vp',
    achievementSummary: `Thành tích của ${nominationId}`,
    sessionId: 'session-1',
    decisionId: null,
    proposalId: null,
    version: 4,
    ...overrides,
  };
}

/** A ledger after these events. */
export function ledger(...events: QuotaEvent[]): QuotaLedgerState {
  return foldQuota(events);
}

/** Places taken by a holder. */
export function taken(
  id: string,
  nominationIds: string[],
  kind: 'decision' | 'proposal' = 'decision',
  awardFormCode = GIAY_KHEN,
): QuotaEvent {
  return {
    type: 'PlacesTaken',
    data: {
      campaignId: CAMPAIGN_ID,
      awardFormCode,
      kind,
      id,
      nominationIds,
      quota: 3,
      at: '2021-05-10T02:00:00.000Z',
    },
  };
}

/** The facts of a selection: the campaign, these dossiers, no holds, no session, an empty ledger. */
export function facts(
  dossiers: ReviewDossier[],
  overrides: Partial<AwardSelectionFacts> = {},
): AwardSelectionFacts {
  return {
    campaign: campaign(),
    dossiers,
    openHolds: new Map(),
    sessions: NO_SESSION,
    ledger: ledger(),
    ...overrides,
  };
}
