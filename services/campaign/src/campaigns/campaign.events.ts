/**
 * The events stored in a campaign's stream (`campaign-<id>`). They never leave the service as they
 * are: `integration/published-events.ts` maps them to contract events.
 */
export type CampaignEvent =
  | CampaignDrafted
  | CampaignDraftUpdated
  | CampaignIssueRequested
  | CampaignIssued
  | CampaignIssueRefused
  | CampaignIssueCancelled
  | CampaignIssueNumberReleased
  | CampaignAmended
  | CampaignClosed;

/** Who did it, as the command's context says. */
export interface CampaignActor {
  kind: string;
  id: string;
}

/** A plan was drafted: its agency, title and the plan's fields as posted. */
export interface CampaignDrafted {
  type: 'CampaignDrafted';
  data: {
    campaignId: string;
    agencyId: string;
    title: string;
    /** The plan's remaining fields, in the shape of the Bắc Kạn fixture. */
    plan: Record<string, unknown>;
    draftedAt: string;
  };
}

/** Top-level fields of the draft were replaced (`title` among them, when it changed). */
export interface CampaignDraftUpdated {
  type: 'CampaignDraftUpdated';
  data: {
    campaignId: string;
    agencyId: string;
    /** The title after the update. */
    title: string;
    changes: Record<string, unknown>;
    updatedAt: string;
  };
}

/** The head asked the register for the plan's number; `requestId` identifies this attempt. */
export interface CampaignIssueRequested {
  type: 'CampaignIssueRequested';
  data: {
    campaignId: string;
    agencyId: string;
    /** The agency's code from the service's copy of the directory. */
    agencyCode: string;
    requestId: string;
    issuedOn: string;
    registerNumber: number | null;
    requestedAt: string;
  };
}

/** The register assigned the number of the current request: the plan is issued. */
export interface CampaignIssued {
  type: 'CampaignIssued';
  data: {
    campaignId: string;
    agencyId: string;
    requestId: string;
    title: string;
    /** The plan as issued (without agencyId and title). */
    plan: Record<string, unknown>;
    documentType: 'KH';
    planNumber: string;
    number: number;
    year: number;
    issuedOn: string;
    /** When the register assigned the number (ISO-8601). */
    assignedAt: string;
  };
}

/** The register refused the current request: back to draft. */
export interface CampaignIssueRefused {
  type: 'CampaignIssueRefused';
  data: {
    campaignId: string;
    agencyId: string;
    requestId: string;
    code: string;
    params: Record<string, string | number | boolean | null>;
    refusedAt: string;
  };
}

/** The pending issue was given up: back to draft. */
export interface CampaignIssueCancelled {
  type: 'CampaignIssueCancelled';
  data: {
    campaignId: string;
    agencyId: string;
    requestId: string;
    reason: string;
    /** The cancelled request's issue date (absent from events stored before it was recorded). */
    issuedOn?: string;
    cancelledAt: string;
  };
}

/** A number assigned to a request that is no longer current is handed back to be voided. */
export interface CampaignIssueNumberReleased {
  type: 'CampaignIssueNumberReleased';
  data: {
    campaignId: string;
    agencyId: string;
    requestId: string;
    year: number;
    number: number;
    formatted: string;
    reason: string;
    releasedAt: string;
  };
}

/** One award form's amendment, as recorded (wordings filled in for changed deadlines). */
export interface AwardFormAmendmentData {
  code: string;
  quotaMax?: number;
  unitStageBefore?: string;
  unitStageBeforeWording?: string;
  proposalStageBefore?: string;
  proposalStageBeforeWording?: string;
}

/** Deadlines or quotas of the issued plan changed. */
export interface CampaignAmended {
  type: 'CampaignAmended';
  data: {
    campaignId: string;
    agencyId: string;
    reason: string;
    changes: { awardForms: AwardFormAmendmentData[] };
    /** The plan after the amendment (without agencyId and title). */
    plan: Record<string, unknown>;
    amendedAt: string;
    amendedBy: CampaignActor | null;
  };
}

/** No more nominations. */
export interface CampaignClosed {
  type: 'CampaignClosed';
  data: { campaignId: string; agencyId: string; closedAt: string };
}

/** The stream id of a campaign. */
export function campaignStreamId(campaignId: string): string {
  return `campaign-${campaignId}`;
}
