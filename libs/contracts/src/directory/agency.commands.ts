import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CommandContext } from '../campaign/commands';
import { IsCalendarDate } from './calendar-date';

/** RPC pattern of {@link RegisterAgencyCommand}, answered by `directory`. */
export const REGISTER_AGENCY = 'directory.register-agency';
/** RPC pattern of {@link RenameAgencyCommand}. */
export const RENAME_AGENCY = 'directory.rename-agency';
/** RPC pattern of {@link GetAgencyQuery}. */
export const GET_AGENCY = 'directory.get-agency';
/** RPC pattern of {@link ListAgenciesQuery}. */
export const LIST_AGENCIES = 'directory.list-agencies';

/** Register an agency in the context's tenant. → `AgencyView` */
export class RegisterAgencyCommand {
  /** Sender; `tenantId` is the agency's tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The new agency's id, chosen by the sender. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  agencyId!: string;

  /** Its code (SKHCN); need not be unique (a successor may keep it). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  code!: string;

  /** Its name, in force from `validFrom` (or since always). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  /** The agency above it, in the same tenant. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  parentAgencyId?: string;

  /** First day it exists (`YYYY-MM-DD`). */
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;

  /** Last day it exists (`YYYY-MM-DD`). */
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;

  /** The agency it succeeds (merged or renamed away), in the same tenant. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  predecessorAgencyId?: string;
}

/** Rename an agency from a day on. → `AgencyView` */
export class RenameAgencyCommand {
  /** Sender; `tenantId` is the agency's tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The new name. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  /** First day of the new name. */
  @IsCalendarDate()
  effectiveFrom!: string;
}

/** Read one agency. → `AgencyView` */
export class GetAgencyQuery {
  /** The caller's tenant; another tenant's agency is not found. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The day whose name `name` shows (default today). */
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

/** List a tenant's agencies. → `{ items: AgencyView[] }` */
export class ListAgenciesQuery {
  /** The tenant. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The day whose names are shown (default today). */
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  /** Only these agencies (the caller's visible ones). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  agencyIds?: string[];
}
