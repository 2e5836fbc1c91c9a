import { Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Actor } from '../envelope/integration-event';

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

/** The answer to a command that wrote events: the new version and the read-your-writes token. */
export interface CommandResult<TBody = unknown> {
  /** The resource's state after the command. */
  body: TBody;
  /** The stream version after the command. */
  version: number;
  /** The token of the last event written (`<service>:<xid>.<position>`). */
  position: string;
}
