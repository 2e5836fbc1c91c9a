import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { IsCalendarDate } from './calendar-date';

/** Routing key of {@link AgencyRegisteredV1}. */
export const DIRECTORY_AGENCY_REGISTERED_V1 = 'directory.agency-registered.v1';

/** An agency (Sở, Ban, …) was registered in a tenant. */
export class AgencyRegisteredV1 {
  /** The agency's id. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** Its tenant. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** Its code (SKHCN), printed in document symbols; not unique across time. */
  @IsString()
  @IsNotEmpty()
  code!: string;

  /** Its first name, in force from `validFrom`. */
  @IsString()
  @IsNotEmpty()
  name!: string;

  /** The agency above it, or null. */
  @IsOptional()
  @IsString()
  parentAgencyId!: string | null;

  /** First day it exists (`YYYY-MM-DD`), or null for since always. */
  @IsOptional()
  @IsCalendarDate()
  validFrom!: string | null;

  /** Last day it exists, or null while it exists. */
  @IsOptional()
  @IsCalendarDate()
  validUntil!: string | null;

  /** The agency it succeeds, or null. */
  @IsOptional()
  @IsString()
  predecessorAgencyId!: string | null;
}
