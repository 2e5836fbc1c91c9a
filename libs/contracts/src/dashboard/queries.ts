import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** RPC pattern of {@link GetCampaignStatusQuery}, answered by `dashboard`. */
export const GET_CAMPAIGN_STATUS = 'dashboard.get-campaign-status';

/** Read a campaign's status as the dashboard has projected it. */
export class GetCampaignStatusQuery {
  /** The caller's tenant; another tenant's campaign is not found. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The campaign's id. */
  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  /**
   * Wait (bounded) until the dashboard has processed the writing service's log up to this token
   * (`<service>:<xid>.<position>`, from a command's `position`) before reading.
   */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]*:[0-9]+\.[0-9]+$/)
  minPosition?: string;

  /** How long to wait for `minPosition`, in milliseconds (0 to 30 000; default 5 000). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30_000)
  waitMs?: number;
}

/** A campaign's status as projected (the first fields of `GET /campaigns/{id}/status`). */
export interface CampaignStatusView {
  campaign: {
    id: string;
    agencyId: string;
    title: string;
    status: string;
    version: number;
    /** The official number once issued (`27/KH-SKHCN`), else null. */
    planNumber: string | null;
    /** The issue date (YYYY-MM-DD) once issued, else null. */
    issuedOn: string | null;
  };
  /** The positions the dashboard has processed, one token per source service. */
  position: string[];
  updatedAt: string;
}
