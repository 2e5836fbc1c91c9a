import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID } from 'class-validator';

/** Routing key of {@link CampaignDraftedV1}. */
export const CAMPAIGN_DRAFTED_V1 = 'campaign.drafted.v1';

/**
 * A plan (Kế hoạch) was drafted in an agency. Published by `campaign`; the dashboard lists the
 * campaign from it, other services start their own copy of the plan.
 */
export class CampaignDraftedV1 {
  /** The campaign's id (UUID). */
  @IsUUID()
  campaignId!: string;

  /** The agency (e.g. Sở KH&CN Bắc Kạn) that drafts and will issue the plan. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The plan's title, as it will print under the document type ("Tổ chức phong trào thi đua …"). */
  @IsString()
  @IsNotEmpty()
  title!: string;

  /** Always `draft` for this event; kept so a consumer can set the status from the event alone. */
  @IsIn(['draft'])
  status!: 'draft';

  /** When the draft was recorded (ISO-8601). */
  @IsISO8601({ strict: true })
  draftedAt!: string;
}
