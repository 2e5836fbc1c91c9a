import { Allow, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * `POST /campaigns`: a draft plan in the shape of the Bắc Kạn fixture. The walking skeleton checks
 * the agency and title and accepts the plan's other documented fields as they are; the full
 * schema of the plan is the campaign slice's (#4).
 */
export class DraftCampaignDto {
  /** The agency that drafts and will issue the plan. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The plan's title (summary line under "KẾ HOẠCH"). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  title!: string;

  @IsOptional() @Allow() period?: unknown;
  @IsOptional() @Allow() subjects?: unknown;
  @IsOptional() @Allow() awardForms?: unknown;
  @IsOptional() @Allow() signer?: unknown;
  @IsOptional() @Allow() basis?: unknown;
  @IsOptional() @Allow() preamble?: unknown;
  @IsOptional() @Allow() purposes?: unknown;
  @IsOptional() @Allow() contents?: unknown;
  @IsOptional() @Allow() criteria?: unknown;
  @IsOptional() @Allow() responsibilities?: unknown;
  @IsOptional() @Allow() recipientsHeading?: unknown;
  @IsOptional() @Allow() recipients?: unknown;
  @IsOptional() @Allow() closing?: unknown;
}
