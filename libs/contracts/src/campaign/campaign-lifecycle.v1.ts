import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Routing key of {@link CampaignDraftUpdatedV1}. */
export const CAMPAIGN_DRAFT_UPDATED_V1 = 'campaign.draft-updated.v1';
/** Routing key of {@link CampaignIssueRequestedV1}. */
export const CAMPAIGN_ISSUE_REQUESTED_V1 = 'campaign.issue-requested.v1';
/** Routing key of {@link CampaignIssuedV1}. */
export const CAMPAIGN_ISSUED_V1 = 'campaign.issued.v1';
/** Routing key of {@link CampaignIssueRefusedV1}. */
export const CAMPAIGN_ISSUE_REFUSED_V1 = 'campaign.issue-refused.v1';
/** Routing key of {@link CampaignIssueCancelledV1}. */
export const CAMPAIGN_ISSUE_CANCELLED_V1 = 'campaign.issue-cancelled.v1';
/** Routing key of {@link CampaignIssueNumberReleasedV1}. */
export const CAMPAIGN_ISSUE_NUMBER_RELEASED_V1 = 'campaign.issue-number-released.v1';
/** Routing key of {@link CampaignAmendedV1}. */
export const CAMPAIGN_AMENDED_V1 = 'campaign.amended.v1';
/** Routing key of {@link CampaignClosedV1}. */
export const CAMPAIGN_CLOSED_V1 = 'campaign.closed.v1';

/** Top-level fields of a draft plan were replaced. */
export class CampaignDraftUpdatedV1 {
  /** The campaign's id. */
  @IsUUID()
  campaignId!: string;

  /** The drafting agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The title after the update. */
  @IsString()
  @IsNotEmpty()
  title!: string;

  /** The names of the top-level plan fields replaced. */
  @IsString({ each: true })
  changedFields!: string[];

  /** Always `draft`. */
  @IsIn(['draft'])
  status!: 'draft';

  /** When (ISO-8601). */
  @IsISO8601({ strict: true })
  updatedAt!: string;
}

/**
 * The head asked to issue the plan: the agency's register (document service) assigns the next
 * number of the issue year, or `requestedNumber`, and answers `register.number-assigned.v1` or
 * `register.number-refused.v1` with the same `requestId`.
 */
export class CampaignIssueRequestedV1 {
  /** The campaign's id. */
  @IsUUID()
  campaignId!: string;

  /** The issuing agency (whose register numbers the plan). */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The agency's code on the issue date, for the symbol (`KH-SKHCN`). */
  @IsString()
  @IsNotEmpty()
  agencyCode!: string;

  /** This request's id (fresh per attempt); the register's answer carries it back. */
  @IsUUID()
  requestId!: string;

  /** Always `KH` (kế hoạch). */
  @IsIn(['KH'])
  documentKind!: 'KH';

  /** The plan's date (`YYYY-MM-DD`); its year is the register's year. */
  @Matches(DATE)
  issuedOn!: string;

  /** A number chosen by hand, or null for the next one. */
  @IsOptional()
  @IsInt()
  @Min(1)
  requestedNumber!: number | null;
}

/** The plan was issued under its number. */
export class CampaignIssuedV1 {
  /** The campaign's id. */
  @IsUUID()
  campaignId!: string;

  /** The issuing agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The plan's title. */
  @IsString()
  @IsNotEmpty()
  title!: string;

  /** As printed after "Số:" (`27/KH-SKHCN`). */
  @IsString()
  @IsNotEmpty()
  planNumber!: string;

  /** The number alone. */
  @IsInt()
  @Min(1)
  number!: number;

  /** The register's year. */
  @IsInt()
  year!: number;

  /** The plan's date (`YYYY-MM-DD`). */
  @Matches(DATE)
  issuedOn!: string;

  /** The plan as issued (fixture shape, with `cutoff` beside each deadline). */
  @IsObject()
  plan!: Record<string, unknown>;
}

/** The register refused the request; the campaign is a draft again. */
export class CampaignIssueRefusedV1 {
  /** The campaign's id. */
  @IsUUID()
  campaignId!: string;

  /** The issuing agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The refused request. */
  @IsUUID()
  requestId!: string;

  /** The register's code (`register-number-taken`, `validation-failed`). */
  @IsString()
  @IsNotEmpty()
  code!: string;
}

/** A pending issue was cancelled; the campaign is a draft again. */
export class CampaignIssueCancelledV1 {
  /** The campaign's id. */
  @IsUUID()
  campaignId!: string;

  /** The issuing agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The cancelled request (a number assigned to it later is released). */
  @IsUUID()
  requestId!: string;

  /** Why. */
  @IsString()
  @IsNotEmpty()
  reason!: string;

  /**
   * The cancelled request's issue date (`YYYY-MM-DD`): its year names the register that may hold
   * the request's number, which the register voids (with {@link issueCancelledVoidReason}).
   * Absent from events stored before it was added; the register then leaves the void to the
   * campaign's release.
   */
  @IsOptional()
  @Matches(DATE)
  issuedOn?: string;
}

/**
 * The reason a register shows beside a number whose issue was cancelled, built from the
 * agency-head's own reason: `Huỷ ban hành: <reason>`. The campaign (releasing a late number) and
 * the register (voiding on `campaign.issue-cancelled.v1`) both word it so, so whichever voids
 * first writes the same line.
 */
export function issueCancelledVoidReason(reason: string): string {
  return `Huỷ ban hành: ${reason}`;
}

/**
 * A number was assigned to a request the campaign no longer waits for (cancelled, or superseded):
 * the register voids it, so the register shows no silent gap.
 */
export class CampaignIssueNumberReleasedV1 {
  /** The campaign's id. */
  @IsUUID()
  campaignId!: string;

  /** The agency whose register assigned the number. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The register's year. */
  @IsInt()
  year!: number;

  /** The number to void. */
  @IsInt()
  @Min(1)
  number!: number;

  /** The request the number was assigned to. */
  @IsUUID()
  requestId!: string;

  /** Why it is released, as the register shows it beside the voided number (the agency-head's reason for a cancelled issue). */
  @IsString()
  @IsNotEmpty()
  reason!: string;
}

/** Deadlines or quotas of an issued plan changed. */
export class CampaignAmendedV1 {
  /** The campaign's id. */
  @IsUUID()
  campaignId!: string;

  /** The issuing agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** Why. */
  @IsString()
  @IsNotEmpty()
  reason!: string;

  /** What changed (`{ awardForms: [{ code, quotaMax?, unitStageBefore?, proposalStageBefore?, … }] }`). */
  @IsObject()
  changes!: Record<string, unknown>;

  /** The plan after the amendment (with `cutoff` beside each deadline). */
  @IsObject()
  plan!: Record<string, unknown>;
}

/** The campaign was closed: no more nominations. */
export class CampaignClosedV1 {
  /** The campaign's id. */
  @IsUUID()
  campaignId!: string;

  /** The issuing agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** When (ISO-8601). */
  @IsISO8601({ strict: true })
  closedAt!: string;
}
