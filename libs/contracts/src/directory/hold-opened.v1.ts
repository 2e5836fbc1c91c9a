import { IsIn, IsNotEmpty, IsString } from 'class-validator';
import { IsCalendarDate } from './calendar-date';
import { HOLD_KINDS, type HoldKind } from './views';

/** Routing key of {@link HoldOpenedV1}. */
export const DIRECTORY_HOLD_OPENED_V1 = 'directory.hold-opened.v1';

/** A hold was opened on a person: no award or proposal for them while it is open. */
export class HoldOpenedV1 {
  /** The person. */
  @IsString()
  @IsNotEmpty()
  personId!: string;

  /** The person's agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The hold's id (closing names it). */
  @IsString()
  @IsNotEmpty()
  holdId!: string;

  /** `discipline` (kỷ luật), `investigation` (điều tra) or `complaint` (khiếu nại). */
  @IsIn(HOLD_KINDS)
  kind!: HoldKind;

  /** Why. */
  @IsString()
  @IsNotEmpty()
  reason!: string;

  /** Where it comes from (a decision, a letter). */
  @IsString()
  @IsNotEmpty()
  source!: string;

  /** The day it starts (`YYYY-MM-DD`). */
  @IsCalendarDate()
  openedOn!: string;
}
