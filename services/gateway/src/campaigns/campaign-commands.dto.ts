import { Type } from 'class-transformer';
import {
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
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { IsUUID } from 'class-validator';
import {
  CampaignAmendmentChanges,
  CAMPAIGN_STATUSES,
  MAX_REGISTER_NUMBER,
  type CampaignStatus,
} from '@ttkt/contracts';
import { DATE_PATTERN } from './plan.dto';

/** The first and last dates a register can hold (the register events' years, 1900 to 2999). */
const REGISTER_DATES = { first: '1900-01-01', last: '2999-12-31' } as const;

/**
 * A `YYYY-MM-DD` date not before `first` (`minDate`) and not after `last` (`maxDate`); other
 * forms are left to `@Matches`.
 */
function DateBetween(first: string, last: string): PropertyDecorator {
  const dated = (value: unknown): value is string =>
    typeof value === 'string' && DATE_PATTERN.test(value);
  return (target, property) => {
    ValidateBy({
      name: 'minDate',
      validator: { validate: (value: unknown) => !dated(value) || value >= first },
    })(target, property);
    ValidateBy({
      name: 'maxDate',
      validator: { validate: (value: unknown) => !dated(value) || value <= last },
    })(target, property);
  };
}

/** `POST /campaigns/{id}/issue`. */
export class IssueCampaignDto {
  /**
   * The plan's date (`YYYY-MM-DD`, from 1900-01-01, never after today in Asia/Ho_Chi_Minh, within
   * the issuing agency's validity); its year is the register's year. The years no register holds
   * are refused here; the campaign service checks today and the agency's validity.
   */
  @IsString()
  @Matches(DATE_PATTERN)
  @DateBetween(REGISTER_DATES.first, REGISTER_DATES.last)
  issuedOn!: string;
  /** A number chosen by hand (recording a paper plan, 1 to 999 999); absent = the next one. */
  @IsOptional() @IsInt() @Min(1) @Max(MAX_REGISTER_NUMBER) registerNumber?: number;
}

/** `POST /campaigns/{id}/close`: no fields (strict: any field is `400` at its path). */
export class CloseCampaignDto {}

/** `POST /campaigns/{id}/issue/cancel`. */
export class CancelIssueDto {
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

/** `POST /campaigns/{id}/amendments`: `{ reason, changes: { awardForms: [{ code, quotaMax?, unitStageBefore?, proposalStageBefore?, … }] } }`. */
export class AmendCampaignDto {
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  @IsDefined()
  @ValidateNested()
  @Type(() => CampaignAmendmentChanges)
  changes!: CampaignAmendmentChanges;
}

/** `GET /campaigns?agencyId=&status=&limit=&cursor=`. */
export class ListCampaignsQueryDto {
  @IsOptional() @IsUUID() agencyId?: string;
  @IsOptional() @IsIn(CAMPAIGN_STATUSES) status?: CampaignStatus;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  /** Accepted for uniformity: campaign reads are written with each command, always caught up. */
  @IsOptional() @Matches(/^[a-z][a-z0-9-]*:[0-9]+\.[0-9]+$/) minPosition?: string;
}

/** `GET /campaigns/{id}?minPosition=`. */
export class GetCampaignQueryDto {
  /** Accepted for uniformity: campaign reads are written with each command, always caught up. */
  @IsOptional() @Matches(/^[a-z][a-z0-9-]*:[0-9]+\.[0-9]+$/) minPosition?: string;
}
