import { IsNotEmpty, IsString } from 'class-validator';
import { IsCalendarDate } from './calendar-date';

/** Routing key of {@link HoldClosedV1}. */
export const DIRECTORY_HOLD_CLOSED_V1 = 'directory.hold-closed.v1';

/** A hold on a person was closed. */
export class HoldClosedV1 {
  /** The person. */
  @IsString()
  @IsNotEmpty()
  personId!: string;

  /** The person's agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The hold closed. */
  @IsString()
  @IsNotEmpty()
  holdId!: string;

  /** Why it ends. */
  @IsString()
  @IsNotEmpty()
  reason!: string;

  /** The day it ends (`YYYY-MM-DD`). */
  @IsCalendarDate()
  closedOn!: string;
}
