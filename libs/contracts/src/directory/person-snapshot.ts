import { IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { IsCalendarDate } from './calendar-date';
import { GENDERS } from './person.commands';
import type { Gender } from './views';

/** A person as it stands after an event (the payload of the person events). */
export class PersonSnapshotV1 {
  /** The person's id. */
  @IsString()
  @IsNotEmpty()
  personId!: string;

  /** The person's agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The person's unit in that agency. */
  @IsString()
  @IsNotEmpty()
  unitId!: string;

  /** The agency's staff code, or null. */
  @IsOptional()
  @IsString()
  code!: string | null;

  /** Full name, NFC, family name first. */
  @IsString()
  @IsNotEmpty()
  fullName!: string;

  /** Date of birth (`YYYY-MM-DD`). */
  @IsCalendarDate()
  dateOfBirth!: string;

  /** `male` or `female`. */
  @IsIn(GENDERS)
  gender!: Gender;

  /** Position (chức vụ). */
  @IsString()
  @IsNotEmpty()
  position!: string;
}
