import { IsNotEmpty, IsString } from 'class-validator';
import { IsCalendarDate } from './calendar-date';

/** Routing key of {@link AgencyRenamedV1}. */
export const DIRECTORY_AGENCY_RENAMED_V1 = 'directory.agency-renamed.v1';

/** An agency has a new name from a day on; the previous one ends the day before. */
export class AgencyRenamedV1 {
  /** The agency's id. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The new name. */
  @IsString()
  @IsNotEmpty()
  name!: string;

  /** The first day of the new name (`YYYY-MM-DD`). */
  @IsCalendarDate()
  effectiveFrom!: string;
}
