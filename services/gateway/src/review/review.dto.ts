import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REVIEW_LIMITS, THRESHOLD_DENOMINATORS, type ThresholdDenominator } from '@ttkt/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';

/** An award form's code as plans write it (`GIAY_KHEN_GD_SO`). */
const AWARD_FORM_CODE = /^[A-Z0-9_]+$/;
/** A command's `position` (`review:123.4`). */
const POSITION = /^[a-z][a-z0-9-]*:[0-9]+\.[0-9]+$/;
/** A `YYYY-MM-DD` date. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The first and last dates a register holds (its years run from 1900 to 2999). */
const REGISTER_DATES = { first: '1900-01-01', last: '2999-12-31' } as const;
/**
 * Some character that is not white space (`\S`): a text blank once trimmed would print nothing.
 * The empty text passes here: `@IsNotEmpty` reports it (one problem per path).
 */
const NOT_BLANK = /^$|\S/;
/** The largest denominator of a fraction of the council's rules. */
export const MAX_FRACTION_DENOMINATOR = 1_000;
/** The signer's capacities a Vietnamese administrative document prints before the title. */
const SIGNER_CAPACITIES = ['TM.', 'KT.', 'Q.', 'TL.', 'TUQ.'] as const;

/** `YYYY-MM-DD`, a real calendar date (`isIso8601` for 2021-02-30, `matches` for another form). */
function IsCalendarDate(): PropertyDecorator {
  return (target, key) => {
    Matches(DATE)(target, key);
    IsISO8601({ strict: true })(target, key);
  };
}

/**
 * A calendar date the register can number a document on: from 1900-01-01 to 2999-12-31
 * (`minDate` / `maxDate`; other forms are left to {@link IsCalendarDate}).
 */
function IsRegisterDate(): PropertyDecorator {
  const dated = (value: unknown): value is string => typeof value === 'string' && DATE.test(value);
  return (target, key) => {
    IsCalendarDate()(target, key);
    ValidateBy({
      name: 'minDate',
      validator: { validate: (value: unknown) => !dated(value) || value >= REGISTER_DATES.first },
    })(target, key);
    ValidateBy({
      name: 'maxDate',
      validator: { validate: (value: unknown) => !dated(value) || value <= REGISTER_DATES.last },
    })(target, key);
  };
}

/**
 * True when `value` is a fraction `"p/q"` of the council's rules: integers written without
 * leading zeros, 1 ≤ p ≤ q ≤ {@link MAX_FRACTION_DENOMINATOR} (a threshold or quorum of nothing,
 * or of more than everyone, is no rule).
 */
export function isFraction(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = /^([1-9]\d{0,3})\/([1-9]\d{0,3})$/.exec(value);
  if (!match) return false;
  const p = Number(match[1]);
  const q = Number(match[2]);
  return q <= MAX_FRACTION_DENOMINATOR && p <= q;
}

/** The property is a fraction `"p/q"` (constraint `isFraction`), see {@link isFraction}. */
function IsFraction(): PropertyDecorator {
  return ValidateBy({ name: 'isFraction', validator: { validate: isFraction } });
}

/** `{id}` of a route (a dossier, an agency, a campaign, a session, a decision, a proposal). */
export class ReviewIdParams {
  @IsUUID()
  id!: string;
}

/**
 * `?minPosition=` of a review read: a command's `position`. Accepted for uniformity; the review
 * service answers from its read tables at once.
 */
export class ReviewReadQueryDto {
  @ApiPropertyOptional({ example: 'review:1234.1' })
  @IsOptional()
  @Matches(POSITION)
  minPosition?: string;
}

/** `GET /campaigns/{id}/decisions|proposals?limit=&cursor=`. */
export class ReviewListQueryDto extends ReviewReadQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  cursor?: string;
}

/** `POST /nominations/{id}/review/accept`: no fields (strict: any field is `400` at its path). */
export class AcceptDossierDto {}

/** `POST /nominations/{id}/review/return`. */
export class ReturnDossierDto {
  /** Why the dossier goes back to its unit (at least one reason). */
  @ApiProperty({ type: [String], example: ['Thiếu biên bản họp xét của đơn vị'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REVIEW_LIMITS.reasons)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @Matches(NOT_BLANK, { each: true })
  @MaxLength(REVIEW_LIMITS.reason, { each: true })
  reasons!: string[];

  /**
   * A later resubmission deadline: the unit may resubmit before this day (exclusive, 00:00
   * Asia/Ho_Chi_Minh); absent or null: the unit stage's deadline holds.
   */
  @ApiPropertyOptional({ example: '2021-11-20', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  resubmitBefore?: string | null;
}

/** A voting threshold of the council's rules. */
export class CouncilThresholdDto {
  /** The award form it applies to; absent: every form not named by another threshold. */
  @ApiPropertyOptional({ example: 'GIAY_KHEN_GD_SO' })
  @IsOptional()
  @IsString()
  @Matches(AWARD_FORM_CODE)
  @MaxLength(100)
  awardFormCode?: string;

  /** `"p/q"`: met when yes ÷ denominator ≥ p/q (exact arithmetic). */
  @ApiProperty({ example: '1/2' })
  @IsFraction()
  fraction!: string;

  @ApiProperty({ enum: THRESHOLD_DENOMINATORS })
  @IsIn(THRESHOLD_DENOMINATORS)
  of!: ThresholdDenominator;

  @ApiProperty({ example: false })
  @IsBoolean()
  secretBallot!: boolean;
}

/** The council's rules, dated, with their source. */
export class CouncilRulesDto {
  /** `"p/q"` of the members present for a session to sit; default `2/3`. */
  @ApiPropertyOptional({ example: '2/3' })
  @IsOptional()
  @IsFraction()
  quorum?: string;

  /** `"p/q"` of the members present an award session requires; absent or null: none. */
  @ApiPropertyOptional({ example: '4/5', nullable: true })
  @IsOptional()
  @IsFraction()
  minAttendance?: string | null;

  /** Whether members absent may vote in writing; default true. */
  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  allowWrittenVotes?: boolean;

  @ApiProperty({ type: [CouncilThresholdDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REVIEW_LIMITS.thresholds)
  @ValidateNested({ each: true })
  @Type(() => CouncilThresholdDto)
  thresholds!: CouncilThresholdDto[];

  /** The document and article the rules come from. */
  @ApiProperty({ example: 'Quyết định số 12/QĐ-SKHCN ngày 05/3/2021, Điều 5' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_LIMITS.source)
  source!: string;

  /** The first day the configuration is in force; default today (Asia/Ho_Chi_Minh). */
  @ApiPropertyOptional({ example: '2021-03-05' })
  @IsOptional()
  @IsCalendarDate()
  effectiveFrom?: string;
}

/** `PUT /agencies/{id}/council`: the members are exactly `memberUserIds`. */
export class ConfigureCouncilDto {
  /** The chair (a user id among the members). */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  chairUserId!: string;

  /** The secretary (a user id among the members). */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  secretaryUserId!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REVIEW_LIMITS.members)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  memberUserIds!: string[];

  @ApiProperty({ type: CouncilRulesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CouncilRulesDto)
  rules!: CouncilRulesDto;
}

/** `POST /campaigns/{id}/council-sessions`. */
export class OpenSessionDto {
  /** The day the council sits; its rules are those in force that day. */
  @ApiProperty({ example: '2021-12-10' })
  @IsCalendarDate()
  heldOn!: string;

  /** The members present (user ids); the absent may vote in writing where the rules allow. */
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(REVIEW_LIMITS.members)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  presentUserIds!: string[];

  /** The award forms on the agenda (each with its accepted dossiers). */
  @ApiProperty({ type: [String], example: ['GIAY_KHEN_GD_SO'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REVIEW_LIMITS.awardForms)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(AWARD_FORM_CODE, { each: true })
  @MaxLength(100, { each: true })
  awardFormCodes!: string[];
}

/** `POST /council-sessions/{id}/votes`: the voter is the caller. */
export class CastVoteDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  nominationId!: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  approve!: boolean;
}

/** `POST /council-sessions/{id}/close`: no fields. */
export class CloseSessionDto {}

/** `POST /council-sessions/{id}/tie-breaks` (the chair). */
export class TieBreakDto {
  @ApiProperty({ example: 'GIAY_KHEN_GD_SO' })
  @IsString()
  @Matches(AWARD_FORM_CODE)
  @MaxLength(100)
  awardFormCode!: string;

  /** Exactly as many of the tied dossiers as there are places left. */
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REVIEW_LIMITS.nominations)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  chosenNominationIds!: string[];

  @ApiProperty({ example: 'Ưu tiên nữ theo khoản 6 Điều 4 Nghị định 152/2025/NĐ-CP' })
  @IsString()
  @IsNotEmpty()
  @Matches(NOT_BLANK)
  @MaxLength(REVIEW_LIMITS.reason)
  reason!: string;
}

/** The signer of a decision or proposal (default: the plan's signer). */
export class SignerDto {
  @ApiPropertyOptional({ enum: SIGNER_CAPACITIES })
  @IsOptional()
  @IsIn(SIGNER_CAPACITIES)
  capacity?: string;

  @ApiProperty({ example: 'GIÁM ĐỐC' })
  @IsString()
  @IsNotEmpty()
  @Matches(NOT_BLANK)
  @MaxLength(REVIEW_LIMITS.text)
  title!: string;

  @ApiProperty({ example: 'Nguyễn Văn A' })
  @IsString()
  @IsNotEmpty()
  @Matches(NOT_BLANK)
  @MaxLength(REVIEW_LIMITS.text)
  name!: string;
}

/** One entry of "Nơi nhận" (default: the plan's recipients). */
export class RecipientDto {
  @ApiProperty({ example: 'Ban TĐKT tỉnh' })
  @IsString()
  @IsNotEmpty()
  @Matches(NOT_BLANK)
  @MaxLength(REVIEW_LIMITS.text)
  name!: string;

  @ApiPropertyOptional({ example: 'b/c' })
  @IsOptional()
  @IsString()
  @MaxLength(REVIEW_LIMITS.text)
  purpose?: string;
}

/** The fields a decision and a proposal share. */
export class NumberedAwardDto {
  @ApiProperty({ example: 'GIAY_KHEN_GD_SO' })
  @IsString()
  @Matches(AWARD_FORM_CODE)
  @MaxLength(100)
  awardFormCode!: string;

  /** The `approved` dossiers awarded (or proposed), within the form's quota. */
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REVIEW_LIMITS.nominations)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  nominationIds!: string[];

  @ApiPropertyOptional({ type: SignerDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SignerDto)
  signer?: SignerDto;

  @ApiPropertyOptional({ type: [RecipientDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(REVIEW_LIMITS.recipients)
  @ValidateNested({ each: true })
  @Type(() => RecipientDto)
  recipients?: RecipientDto[];
}

/** `POST /campaigns/{id}/decisions` (agency-head). */
export class DecideDto extends NumberedAwardDto {
  /** The decision's date; its year is the register's year. */
  @ApiProperty({ example: '2021-12-15' })
  @IsRegisterDate()
  decidedOn!: string;
}

/** `POST /campaigns/{id}/proposals` (agency-head). */
export class ProposeDto extends NumberedAwardDto {
  /** The letter's date (default today); before the proposal stage's cut-off. */
  @ApiPropertyOptional({ example: '2021-12-15' })
  @IsOptional()
  @IsRegisterDate()
  proposedOn?: string;
}

/** `POST /decisions/{id}/revoke` (agency-head). */
export class RevokeDecisionDto {
  @ApiProperty({ example: 'Phát hiện sai sót về đối tượng khen thưởng' })
  @IsString()
  @IsNotEmpty()
  @Matches(NOT_BLANK)
  @MaxLength(REVIEW_LIMITS.reason)
  reason!: string;
}

/** `POST /proposals/{id}/outcome` (secretariat): the higher authority's decision. */
export class ProposalOutcomeDto {
  /** The proposed dossiers the higher authority awarded (the others end `not-approved`). */
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(REVIEW_LIMITS.nominations)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  approvedNominationIds!: string[];

  /** The higher authority's decision number as printed (`1234/QĐ-UBND`). */
  @ApiProperty({ example: '2456/QĐ-UBND' })
  @IsString()
  @IsNotEmpty()
  @Matches(NOT_BLANK)
  @MaxLength(REVIEW_LIMITS.text)
  decisionNumber!: string;

  @ApiProperty({ example: '2021-12-28' })
  @IsCalendarDate()
  decidedOn!: string;
}
