import { IsOptional, IsUUID, Matches } from 'class-validator';

/** The `{id}` of a campaign route. */
export class CampaignIdParams {
  @IsUUID()
  id!: string;
}

/** `GET /campaigns/{id}/status?minPosition=`. */
export class CampaignStatusQueryDto {
  /** A command's `position`: wait (bounded) until the dashboard has processed it. */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]*:[0-9]+\.[0-9]+$/)
  minPosition?: string;
}
