/**
 * The plan (Kế hoạch) as data, in the shape of `shared/fixtures/bac-kan-27-KH-SKHCN.json`
 * (`campaign`). Every text field keeps the plan's own wording, so the document can be generated
 * again from it. Dates are local calendar dates (`YYYY-MM-DD`, Asia/Ho_Chi_Minh).
 */

/**
 * The largest quota an award form may have (`quota.max`, and an amendment's `quotaMax`): far
 * above any agency's awards in a campaign, low enough that counts against it stay exact.
 */
export const MAX_QUOTA = 100_000;

/** Who a stage's dossiers go to, or who a responsibility falls on. */
export interface PlanParty {
  /** `unit` (a unit of the agency, by its code), `external` (a body outside it), `all-unit-heads`, … */
  kind: string;
  /** For `unit`: the unit's code in the agency (`VP`). */
  unit?: string;
  /** The party's name as the plan writes it. */
  name?: string;
}

/** A document a stage requires. */
export interface PlanRequiredDocument {
  /** Unique within the stage, `[A-Z0-9_]+` (`CONG_VAN_DE_NGHI`). */
  code: string;
  /** As the plan names it. */
  name: string;
  /** Must carry the unit's seal. */
  sealed?: boolean;
}

/** A submission stage with its exclusive deadline. */
export interface PlanStage {
  /** Where the dossiers go. */
  to: PlanParty;
  /** On time only if received before 00:00 of this date (local), unless `beforeWording` says "hết ngày". */
  before: string;
  /** The plan's own words for the deadline ("trước 12/5/2021"). */
  beforeWording?: string;
  /** What must be submitted. */
  requiredDocuments: PlanRequiredDocument[];
}

/** The proposal stage of a form a higher authority decides: the agency's dossier upward. */
export interface PlanProposalStage extends PlanStage {
  /** Where to file it, when the plan names a place apart from `to`. */
  place?: string;
  /** How many sets (`{ originals: 1 }`). */
  copies?: Record<string, number>;
}

/** An award form (hình thức khen thưởng) of the plan. */
export interface PlanAwardForm {
  /** Unique in the plan (`GIAY_KHEN_GD_SO`). */
  code: string;
  name: string;
  /** `agency-head` (decided in the agency) or `higher-authority` (proposed upward). */
  decidedBy: { kind: 'agency-head' | 'higher-authority'; agency?: string; title?: string };
  proposedBy?: { agency?: string };
  /** At most `max` awards (collectives and individuals counted together as `counts` says). */
  quota: { max: number; counts?: string[] };
  /** Subject kinds (`collective`, `individual`) the form may go to. */
  eligibleSubjects: string[];
  /** The plan's own sentence on the quota. */
  quotaText?: string;
  unitStage: PlanStage;
  /** Required when `decidedBy.kind` is `higher-authority`. */
  proposalStage?: PlanProposalStage;
  /** The plan's own paragraph on the procedure. */
  procedureText?: string;
}

/** The plan's fields as posted (agency and title included). */
export interface CampaignPlan {
  agencyId: string;
  title: string;
  /** Place of issue as printed ("Bắc Kạn"). */
  issuedAt?: string;
  basis?: string[];
  preamble?: string;
  /** `to` is inclusive (through the end of that day) unless `toInclusive` is false. */
  period: { from: string; to: string; toInclusive?: boolean };
  purposes?: string[];
  contents?: string[];
  subjects: Record<string, string>;
  awardForms: PlanAwardForm[];
  criteria?: Record<string, string[]>;
  responsibilities?: { who: PlanParty; text: string }[];
  recipientsHeading?: string;
  recipients?: { name: string; fullName?: string; channel?: string; purpose?: string }[];
  signer: { title: string; name: string; capacity?: string };
  closing?: string;
}
