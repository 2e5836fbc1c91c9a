import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Actor } from '../envelope/integration-event';
import { MAX_QUOTA } from './plan';
import { CAMPAIGN_STATUSES, type CampaignStatus, type CampaignView } from './views';

/** RPC pattern of {@link DraftCampaignCommand}, answered by `campaign`. */
export const DRAFT_CAMPAIGN = 'campaign.draft-campaign';

/** Every command sent over RPC carries who sends it, for which tenant, and the request's ids. */
export class CommandContext {
  /** The tenant the command acts in. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** Who sends it. */
  @ValidateNested()
  @Type(() => Actor)
  actor!: Actor;

  /** The request id the gateway assigned (becomes the events' correlation id). */
  @IsString()
  @IsNotEmpty()
  correlationId!: string;

  /** The client's `Idempotency-Key`, when it sent one. */
  @IsOptional()
  @IsString()
  idempotencyKey?: string;
}

/** Draft a plan. The body is the plan in the shape of the Bắc Kạn fixture. */
export class DraftCampaignCommand {
  /** Sender and tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The new campaign's id, chosen by the sender (a UUID), so a retried command is harmless. */
  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  /** The plan as posted (validated by the campaign service). */
  @IsObject()
  plan!: Record<string, unknown>;
}

/** A `YYYY-MM-DD` calendar date. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** RPC pattern of {@link UpdateDraftCommand}. */
export const UPDATE_DRAFT = 'campaign.update-draft';
/** RPC pattern of {@link IssueCampaignCommand}. */
export const ISSUE_CAMPAIGN = 'campaign.issue-campaign';
/** RPC pattern of {@link CancelIssueCommand}. */
export const CANCEL_ISSUE = 'campaign.cancel-issue';
/** RPC pattern of {@link AmendCampaignCommand}. */
export const AMEND_CAMPAIGN = 'campaign.amend-campaign';
/** RPC pattern of {@link CloseCampaignCommand}. */
export const CLOSE_CAMPAIGN = 'campaign.close-campaign';
/** RPC pattern of {@link GetCampaignQuery}. */
export const GET_CAMPAIGN = 'campaign.get-campaign';
/** RPC pattern of {@link ListCampaignsQuery}. */
export const LIST_CAMPAIGNS = 'campaign.list-campaigns';

/** Replace top-level fields of a draft plan (draft only). */
export class UpdateDraftCommand {
  /** Sender and tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The campaign. */
  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  /** The version the sender read (`If-Match`); another version → `precondition-failed`. */
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  /** Top-level plan fields to replace (`agencyId` may not change). */
  @IsObject()
  changes!: Record<string, unknown>;
}

/** Issue a draft: ask the agency's register for the plan's number, then wait for its answer. */
export class IssueCampaignCommand {
  /** Sender and tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The campaign. */
  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  /** The plan's date (`YYYY-MM-DD`); its year is the register's year. */
  @Matches(DATE)
  issuedOn!: string;

  /**
   * A number chosen by hand (recording a paper plan, 1 to `MAX_REGISTER_NUMBER`); absent =
   * the register's next number. The campaign service checks the bound (answering with its path).
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  registerNumber?: number;

  /** How long to wait for the register's answer before answering `pending` (0 to 30 000 ms). */
  @IsInt()
  @Min(0)
  @Max(30_000)
  waitMs!: number;
}

/** Give up a pending issue (issuing → draft); a number that arrives later is released. */
export class CancelIssueCommand {
  /** Sender and tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The campaign. */
  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  /** Why (kept in the campaign's history and in the released number's void reason). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** One award form's amended values. */
export class AwardFormAmendment {
  /** The award form's code in the plan. */
  @IsString()
  @IsNotEmpty()
  code!: string;

  /** The new quota (1 to {@link MAX_QUOTA}). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_QUOTA)
  quotaMax?: number;

  /** The new unit-stage deadline (`YYYY-MM-DD`, exclusive). */
  @IsOptional()
  @Matches(DATE)
  unitStageBefore?: string;

  /** The new unit-stage wording; default "trước ngày d/m/yyyy". */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  unitStageBeforeWording?: string;

  /** The new proposal-stage deadline (`YYYY-MM-DD`, exclusive). */
  @IsOptional()
  @Matches(DATE)
  proposalStageBefore?: string;

  /** The new proposal-stage wording; default "trước ngày d/m/yyyy". */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  proposalStageBeforeWording?: string;
}

/** What an amendment changes. */
export class CampaignAmendmentChanges {
  /** Per award form, its new deadlines or quota. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AwardFormAmendment)
  awardForms!: AwardFormAmendment[];
}

/** Change deadlines or quotas of an issued plan, with a reason. */
export class AmendCampaignCommand {
  /** Sender and tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The campaign. */
  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  /** Why the plan changes. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  /** The changes. */
  @ValidateNested()
  @Type(() => CampaignAmendmentChanges)
  changes!: CampaignAmendmentChanges;
}

/** Close an issued campaign: no more nominations. */
export class CloseCampaignCommand {
  /** Sender and tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The campaign. */
  @IsString()
  @IsNotEmpty()
  campaignId!: string;
}

/** Read one campaign. */
export class GetCampaignQuery {
  /** The caller's tenant; another tenant's campaign is not found. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The campaign. */
  @IsString()
  @IsNotEmpty()
  campaignId!: string;
}

/** List campaigns, newest first. */
export class ListCampaignsQuery {
  /** The caller's tenant. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** Only these agencies (the caller's visible ones); absent = every agency of the tenant. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  agencyIds?: string[];

  /** Only this agency. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  agencyId?: string;

  /** Only this status. */
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus;

  /** Page size (1 to 100; default 20). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** The previous page's `nextCursor`. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** What `campaign.issue-campaign` answers. */
export interface IssueCampaignResult {
  /** `issued` (numbered), `refused` (back to draft, see `refusal`) or `pending` (still issuing). */
  outcome: 'issued' | 'refused' | 'pending';
  /** The campaign after the outcome. */
  campaign: CampaignView;
  /** Why the register refused (`register-number-taken`, …). */
  refusal?: { code: string; params: Record<string, string | number | boolean | null> };
  /** The token of the last event of the outcome (the request's while pending). */
  position: string;
}

/** The answer to a command that wrote events: the new version and the read-your-writes token. */
export interface CommandResult<TBody = unknown> {
  /** The resource's state after the command. */
  body: TBody;
  /** The stream version after the command. */
  version: number;
  /** The token of the last event written (`<service>:<xid>.<position>`). */
  position: string;
}
