import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CommandContext } from '../campaign/commands';
import { IsCalendarDate } from './calendar-date';

/** RPC pattern of {@link RegisterTenantCommand}, answered by `directory`. */
export const REGISTER_TENANT = 'directory.register-tenant';
/** RPC pattern of {@link RenameTenantCommand}. */
export const RENAME_TENANT = 'directory.rename-tenant';
/** RPC pattern of {@link GetTenantQuery}. */
export const GET_TENANT = 'directory.get-tenant';
/** RPC pattern of {@link ListTenantsQuery}. */
export const LIST_TENANTS = 'directory.list-tenants';

/** Register a tenant (a province or a ministry). → `TenantView` */
export class RegisterTenantCommand {
  /** Sender (a system-admin). */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The new tenant's id, chosen by the sender. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  tenantId!: string;

  /** Short code, unique among tenants (case-insensitive), e.g. `BK`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  code!: string;

  /** The name ("Tỉnh Bắc Kạn"). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;
}

/** Rename a tenant from a day on; the previous name ends the day before. → `TenantView` */
export class RenameTenantCommand {
  /** Sender. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The tenant. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The new name. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  /** First day of the new name (`YYYY-MM-DD`). */
  @IsCalendarDate()
  effectiveFrom!: string;
}

/** Read one tenant. → `TenantView` */
export class GetTenantQuery {
  /** The tenant. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The day whose name `name` shows (default today). */
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

/** List every tenant. → `{ items: TenantView[] }` */
export class ListTenantsQuery {
  /** The day whose names are shown (default today). */
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
