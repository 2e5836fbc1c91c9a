import { IsNotEmpty, IsString } from 'class-validator';
import { IsCalendarDate } from './calendar-date';

/** Routing key of {@link TenantRenamedV1}. */
export const DIRECTORY_TENANT_RENAMED_V1 = 'directory.tenant-renamed.v1';

/** A tenant has a new name from a day on; the previous one ends the day before. */
export class TenantRenamedV1 {
  /** The tenant's id. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The new name ("Tỉnh Thái Nguyên"). */
  @IsString()
  @IsNotEmpty()
  name!: string;

  /** The first day of the new name (`YYYY-MM-DD`). */
  @IsCalendarDate()
  effectiveFrom!: string;
}
