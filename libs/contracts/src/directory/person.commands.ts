import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CommandContext } from '../campaign/commands';
import { IsCalendarDate } from './calendar-date';
import { HOLD_KINDS, type Gender, type HoldKind } from './views';

/** RPC pattern of {@link RegisterPersonCommand}, answered by `directory`. */
export const REGISTER_PERSON = 'directory.register-person';
/** RPC pattern of {@link UpdatePersonCommand}. */
export const UPDATE_PERSON = 'directory.update-person';
/** RPC pattern of {@link GetPersonQuery}. */
export const GET_PERSON = 'directory.get-person';
/** RPC pattern of {@link ListPeopleQuery}. */
export const LIST_PEOPLE = 'directory.list-people';
/** RPC pattern of {@link OpenHoldCommand}. */
export const OPEN_HOLD = 'directory.open-hold';
/** RPC pattern of {@link CloseHoldCommand}. */
export const CLOSE_HOLD = 'directory.close-hold';

/** The genders a person may be recorded with. */
export const GENDERS = ['male', 'female'] as const;

/** Register a person in an agency's unit. → `PersonView` */
export class RegisterPersonCommand {
  /** Sender; `tenantId` is the agency's tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The new person's id, chosen by the sender. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  personId!: string;

  /** Full name, family name first ("Nguyễn Thị Hồng Nhung"). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  /** Date of birth (`YYYY-MM-DD`, not in the future). */
  @IsCalendarDate()
  dateOfBirth!: string;

  /** `male` or `female`. */
  @IsIn(GENDERS)
  gender!: Gender;

  /** The unit, of the same agency. */
  @IsString()
  @IsNotEmpty()
  unitId!: string;

  /** Position (chức vụ), e.g. "Phó Chánh Văn phòng". */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  position!: string;

  /** The agency's own staff code, unique in the agency. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  code?: string;
}

/** The fields of a person a change may set. */
export class PersonChanges {
  /** New full name. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  /** Corrected date of birth. */
  @IsOptional()
  @IsCalendarDate()
  dateOfBirth?: string;

  /** Corrected gender. */
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  /** New unit (a transfer), of the same agency. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  unitId?: string;

  /** New position. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  position?: string;
}

/** Change a person, dated. A stale `expectedVersion` is `precondition-failed`. → `PersonView` */
export class UpdatePersonCommand {
  /** Sender. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The person. */
  @IsString()
  @IsNotEmpty()
  personId!: string;

  /** The version the sender read (`If-Match`). */
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  /** The day the change takes effect (default today). */
  @IsOptional()
  @IsCalendarDate()
  effectiveOn?: string;

  /** What changes. */
  @ValidateNested()
  @Type(() => PersonChanges)
  changes!: PersonChanges;
}

/** Read one person. → `PersonView` */
export class GetPersonQuery {
  /** The caller's tenant. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The person. */
  @IsString()
  @IsNotEmpty()
  personId!: string;
}

/**
 * List an agency's people, sorted by the Vietnamese collator on the given name, then the middle
 * and family names. → `ListPage<PersonView>`
 */
export class ListPeopleQuery {
  /** The caller's tenant. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** Only this unit's people. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  unitId?: string;

  /** Words to find in the full name, accents and case folded (`nguyen thi` finds Nguyễn Thị …). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** Page size (default 50, at most 500). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  /** The previous page's `nextCursor`. */
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{1,9}$/)
  cursor?: string;
}

/** Open a hold on a person. → `PersonView` */
export class OpenHoldCommand {
  /** Sender. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The person. */
  @IsString()
  @IsNotEmpty()
  personId!: string;

  /** The hold's id, chosen by the sender. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  holdId!: string;

  /** Kỷ luật, điều tra or khiếu nại. */
  @IsIn(HOLD_KINDS)
  kind!: HoldKind;

  /** Why. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  /** Where it comes from (a decision's number, a letter). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;

  /** The day it starts (default today). */
  @IsOptional()
  @IsCalendarDate()
  openedOn?: string;
}

/** Close an open hold. → `PersonView` */
export class CloseHoldCommand {
  /** Sender. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The person. */
  @IsString()
  @IsNotEmpty()
  personId!: string;

  /** The hold. */
  @IsString()
  @IsNotEmpty()
  holdId!: string;

  /** Why it ends. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  /** The day it ends (default today). */
  @IsOptional()
  @IsCalendarDate()
  closedOn?: string;
}
