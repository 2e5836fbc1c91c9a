import { OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsUUID } from 'class-validator';
import { MAX_QUOTA } from '@ttkt/contracts';

/** A `YYYY-MM-DD` calendar date (the campaign service checks that it exists). */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const SHORT = 500;
const LONG = 20_000;

/** Who dossiers go to, or whom a responsibility falls on: `{ kind: "unit", unit: "VP" }`, … */
export class PartyDto {
  /** `unit`, `external`, `all-unit-heads`, … */
  @IsString() @IsNotEmpty() @MaxLength(100) kind!: string;
  /** For `unit`: the unit's code in the agency. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) unit?: string;
  /** The name as the plan writes it. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT) name?: string;
}

/** A document a stage requires. */
export class RequiredDocumentDto {
  /** `[A-Z0-9_]+`, unique within the stage. */
  @IsString() @Matches(/^[A-Z0-9_]+$/) @MaxLength(100) code!: string;
  @IsString() @IsNotEmpty() @MaxLength(SHORT) name!: string;
  /** Must carry the unit's seal. */
  @IsOptional() @IsBoolean() sealed?: boolean;
}

/** A submission stage and its exclusive deadline. */
export class StageDto {
  @ValidateNested() @Type(() => PartyDto) @IsDefined() to!: PartyDto;
  /** Received before 00:00 of this local date ("hết ngày" in the wording includes the day). */
  @IsString() @Matches(DATE_PATTERN) before!: string;
  /** The plan's own words ("trước 12/5/2021"). */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT) beforeWording?: string;
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RequiredDocumentDto)
  requiredDocuments!: RequiredDocumentDto[];
}

/** How many sets of the proposal dossier. */
export class CopiesDto {
  @IsOptional() @IsInt() @Min(1) originals?: number;
  @IsOptional() @IsInt() @Min(1) copies?: number;
}

/** The agency's proposal to the higher authority. */
export class ProposalStageDto extends StageDto {
  /** Where to file it, when apart from `to`. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT) place?: string;
  @IsOptional() @ValidateNested() @Type(() => CopiesDto) copies?: CopiesDto;
}

/** Who decides the award. */
export class DecidedByDto {
  @IsIn(['agency-head', 'higher-authority']) kind!: 'agency-head' | 'higher-authority';
  /** The deciding agency's code (`SKHCN`, `UBND`). */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) agency?: string;
  /** The decider's title (`Giám đốc Sở`). */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT) title?: string;
}

/** Who proposes it upward. */
export class ProposedByDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) agency?: string;
}

/** The award form's quota. */
export class QuotaDto {
  /** At most this many awards (1 to 100 000). */
  @IsInt() @Min(1) @Max(MAX_QUOTA) max!: number;
  /** Which subject kinds count toward it. */
  @IsOptional() @IsArray() @IsString({ each: true }) @ArrayMaxSize(10) counts?: string[];
}

/** An award form of the plan. */
export class AwardFormDto {
  @IsString() @Matches(/^[A-Z0-9_]+$/) @MaxLength(100) code!: string;
  @IsString() @IsNotEmpty() @MaxLength(SHORT) name!: string;
  @ValidateNested() @Type(() => DecidedByDto) @IsDefined() decidedBy!: DecidedByDto;
  @IsOptional() @ValidateNested() @Type(() => ProposedByDto) proposedBy?: ProposedByDto;
  @ValidateNested() @Type(() => QuotaDto) @IsDefined() quota!: QuotaDto;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  eligibleSubjects!: string[];
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG) quotaText?: string;
  @ValidateNested() @Type(() => StageDto) @IsDefined() unitStage!: StageDto;
  /** Required when a higher authority decides. */
  @ValidateIf(
    (form: AwardFormDto) =>
      form.decidedBy?.kind === 'higher-authority' || form.proposalStage !== undefined,
  )
  @IsDefined()
  @ValidateNested()
  @Type(() => ProposalStageDto)
  proposalStage?: ProposalStageDto;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG) procedureText?: string;
}

/** The campaign's period; `to` is inclusive unless `toInclusive` is false. */
export class PeriodDto {
  @IsString() @Matches(DATE_PATTERN) from!: string;
  @IsString() @Matches(DATE_PATTERN) to!: string;
  @IsOptional() @IsBoolean() toInclusive?: boolean;
}

/** The subjects: collectives and individuals, as the plan words them. */
export class SubjectsDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT) collective?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT) individual?: string;
}

/** The criteria: general, for collectives, for individuals. */
export class CriteriaDto {
  @IsOptional() @IsArray() @IsString({ each: true }) @ArrayMaxSize(100) general?: string[];
  @IsOptional() @IsArray() @IsString({ each: true }) @ArrayMaxSize(100) collective?: string[];
  @IsOptional() @IsArray() @IsString({ each: true }) @ArrayMaxSize(100) individual?: string[];
}

/** A responsibility (Tổ chức thực hiện). */
export class ResponsibilityDto {
  @ValidateNested() @Type(() => PartyDto) @IsDefined() who!: PartyDto;
  @IsString() @IsNotEmpty() @MaxLength(LONG) text!: string;
}

/** A recipient (Nơi nhận). */
export class RecipientDto {
  @IsString() @IsNotEmpty() @MaxLength(SHORT) name!: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT) fullName?: string;
  /** `electronic`, `paper`, `archive`. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) channel?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT) purpose?: string;
}

/** The signer. */
export class SignerDto {
  @IsString() @IsNotEmpty() @MaxLength(SHORT) title!: string;
  @IsString() @IsNotEmpty() @MaxLength(SHORT) name!: string;
  /** TM., KT., Q., TL., TUQ. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20) capacity?: string;
}

/**
 * `POST /campaigns`: a draft plan in the shape of the Bắc Kạn fixture (`campaign`), plus
 * `agencyId`. Strict: an unknown field is `400` at its path. `documentType`, `planNumber` and
 * `issuedOn` are set by issuing, not here.
 */
export class CreateCampaignDto {
  /** The agency that drafts and will issue the plan. */
  @IsUUID() agencyId!: string;
  /** The summary line under "KẾ HOẠCH". */
  @IsString() @IsNotEmpty() @MaxLength(2000) title!: string;
  /** Place of issue as printed ("Bắc Kạn"). */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT) issuedAt?: string;
  @IsOptional() @IsArray() @IsString({ each: true }) @ArrayMaxSize(100) basis?: string[];
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG) preamble?: string;
  @ValidateNested() @Type(() => PeriodDto) @IsDefined() period!: PeriodDto;
  @IsOptional() @IsArray() @IsString({ each: true }) @ArrayMaxSize(100) purposes?: string[];
  @IsOptional() @IsArray() @IsString({ each: true }) @ArrayMaxSize(100) contents?: string[];
  @ValidateNested() @Type(() => SubjectsDto) @IsDefined() subjects!: SubjectsDto;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AwardFormDto)
  awardForms!: AwardFormDto[];
  @IsOptional() @ValidateNested() @Type(() => CriteriaDto) criteria?: CriteriaDto;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ResponsibilityDto)
  responsibilities?: ResponsibilityDto[];
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT) recipientsHeading?: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RecipientDto)
  recipients?: RecipientDto[];
  @ValidateNested() @Type(() => SignerDto) @IsDefined() signer!: SignerDto;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG) closing?: string;
}

/** `PATCH /campaigns/{id}`: any subset of the plan's fields (not the agency), draft only. */
export class UpdateCampaignDto extends PartialType(OmitType(CreateCampaignDto, ['agencyId'])) {}
