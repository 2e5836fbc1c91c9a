import type { PlanAwardForm, PlanProposalStage, PlanStage } from './plan';

/** The statuses of a campaign. */
export const CAMPAIGN_STATUSES = ['draft', 'issuing', 'issued', 'closed'] as const;

/** One of {@link CAMPAIGN_STATUSES}. */
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A stage as read: the plan's `before` and words, plus the computed cut-off instant. */
export type PlanStageView<S extends PlanStage = PlanStage> = S & {
  /** The first instant that is late (ISO-8601 with +07:00): `before` at 00:00, or the next day's 00:00 for "hết ngày". */
  cutoff: string;
};

/** An award form as read (amended values applied, cut-offs added). */
export type PlanAwardFormView = Omit<PlanAwardForm, 'unitStage' | 'proposalStage'> & {
  unitStage: PlanStageView;
  proposalStage?: PlanStageView<PlanProposalStage>;
};

/** One amendment of an issued plan. */
export interface CampaignAmendmentView {
  /** Why. */
  reason: string;
  /** What changed, per award form (`{ code, quotaMax?, unitStageBefore?, proposalStageBefore?, … }`). */
  changes: { awardForms: Record<string, unknown>[] };
  /** When (ISO-8601). */
  amendedAt: string;
  /** Who. */
  amendedBy: { kind: string; id: string } | null;
}

/**
 * A campaign as read: the plan's fields as posted (fixture shape, verbatim texts) with `cutoff`
 * beside each deadline, and its status, version, number once issued and amendments.
 */
export interface CampaignView {
  id: string;
  agencyId: string;
  title: string;
  status: CampaignStatus;
  /** The stream's version (the `ETag`). */
  version: number;
  /** `KH` once issued. */
  documentType?: 'KH';
  /** As printed after "Số:" (`27/KH-SKHCN`), once issued. */
  planNumber?: string;
  /** The plan's date (`YYYY-MM-DD`), once issued. */
  issuedOn?: string;
  /** While issuing: the pending request. */
  issueRequest?: { requestId: string; issuedOn: string; registerNumber: number | null };
  /** The register's last refusal, if the last issue was refused. */
  lastIssueRefusal?: {
    requestId: string;
    code: string;
    params: Record<string, string | number | boolean | null>;
  };
  awardForms: PlanAwardFormView[];
  period: { from: string; to: string; toInclusive?: boolean; cutoff: string };
  amendments: CampaignAmendmentView[];
  /** When drafted (ISO-8601). */
  draftedAt: string;
  [field: string]: unknown;
}

/** A page of campaigns. */
export interface CampaignList {
  items: CampaignView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}
