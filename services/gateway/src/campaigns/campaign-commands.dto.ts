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
  ValidateNested,
} from 'class-validator';
import { IsUUID } from 'class-validator';
import { CampaignAmendmentChanges, CAMPAIGN_STATUSES, type CampaignStatus } from '@ttkt/contracts';
import { DATE_PATTERN } from './plan.dto';

/** `POST /campaigns/{id}/issue`. */
export class IssueCampaignDto {
  /** The plan's date (`YYYY-MM-DD`); its year is the register's year. */
  @IsString() @Matches(DATE_PATTERN) issuedOn!: string;
  /** A number chosen by hand (recording a paper plan); absent = the next one. */
  @IsOptional() @IsInt() @Min(1) registerNumber?: number;
}

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
