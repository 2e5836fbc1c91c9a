import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@ttkt/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

/** `YYYY-MM-DD`, a real calendar date. */
function IsCalendarDate(): PropertyDecorator {
  return (target, key) => {
    Matches(/^\d{4}-\d{2}-\d{2}$/)(target, key);
    IsISO8601({ strict: true })(target, key);
  };
}

/** A short code of an agency, unit or person (`SKHCN`, `VP`, `CB-001`). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;
/** A command's `position` (`directory:123.4`). */
const POSITION = /^[a-z][a-z0-9-]*:[0-9]+\.[0-9]+$/;

/** `{id}` of a route. */
export class IdParams {
  @IsUUID()
  id!: string;
}

/** `{id}` and `{holdId}`. */
export class HoldParams {
  @IsUUID()
  id!: string;

  @IsUUID()
  holdId!: string;
}

/** `{id}` and `{unitId}`. */
export class UnitParams {
  @IsUUID()
  id!: string;

  @IsUUID()
  unitId!: string;
}

/**
 * `?minPosition=`: a command's `position`. The directory's reads are consistent with its own
 * writes (read tables are written in the command's transaction), so a directory position is
 * reached as soon as its command answered; the gateway checks the token's form and reads at once.
 */
export class ReadQueryDto {
  @ApiPropertyOptional({ example: 'directory:1234.1' })
  @IsOptional()
  @Matches(POSITION)
  minPosition?: string;
}

/** `?asOf=&minPosition=`. */
export class AsOfQueryDto extends ReadQueryDto {
  /** The day whose names and validity apply (default today). */
  @ApiPropertyOptional({ example: '2021-03-01' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

/** `GET /agencies/{id}/people?unitId=&q=&limit=&cursor=`. */
export class ListPeopleQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  /** Part of a name; accents and case are ignored (`nguyen thi` finds `Nguyễn Thị …`). */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** `POST /tenants`. */
export class RegisterTenantDto {
  @ApiProperty({ example: 'bac-kan' })
  @IsString()
  @Matches(CODE)
  code!: string;

  @ApiProperty({ example: 'Tỉnh Bắc Kạn' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;
}

/** `POST /tenants/{id}/names`, `POST /agencies/{id}/names`: a new name from a day on. */
export class RenameDto {
  @ApiProperty({ example: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @ApiProperty({ example: '2025-07-01' })
  @IsCalendarDate()
  effectiveFrom!: string;
}

/** `POST /agencies`. */
export class RegisterAgencyDto {
  /** The agency's tenant: required of a platform system-admin, else the caller's own. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  tenantId?: string;

  @ApiProperty({ example: 'SKHCN' })
  @IsString()
  @Matches(CODE)
  code!: string;

  @ApiProperty({ example: 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentAgencyId?: string;

  @ApiPropertyOptional({ example: '2008-04-01' })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;

  @ApiPropertyOptional({ example: '2025-06-30' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;

  /** The agency this one succeeds (merger: Bắc Kạn → Thái Nguyên). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  predecessorAgencyId?: string;
}

/** `POST /agencies/{id}/units`. */
export class CreateUnitDto {
  @ApiProperty({ example: 'VP' })
  @IsString()
  @Matches(CODE)
  code!: string;

  @ApiProperty({ example: 'Văn phòng Sở' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  /** The office that runs campaigns. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isSecretariat?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentUnitId?: string;
}

/** The genders the directory records. */
export const GENDERS = ['male', 'female'] as const;

/** `POST /agencies/{id}/people`. */
export class RegisterPersonDto {
  @ApiProperty({ example: 'Nguyễn Thị Hoa' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ example: '1980-03-15' })
  @IsCalendarDate()
  dateOfBirth!: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender!: (typeof GENDERS)[number];

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ example: 'Chuyên viên' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  position!: string;

  /** The agency's own staff code (used to recognise the person in imports). */
  @ApiPropertyOptional({ example: 'CB-001' })
  @IsOptional()
  @IsString()
  @Matches(CODE)
  code?: string;
}

/** `PATCH /people/{id}` (with `If-Match`): the fields that change, dated by `effectiveOn`. */
export class UpdatePersonDto {
  /** The day the change takes effect (default today). */
  @ApiPropertyOptional({ example: '2024-01-01' })
  @IsOptional()
  @IsCalendarDate()
  effectiveOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: (typeof GENDERS)[number];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  position?: string;
}

/** The kinds of hold that keep a person from being commended. */
export const HOLD_KINDS = ['discipline', 'investigation', 'complaint'] as const;

/** `POST /people/{id}/holds`. */
export class OpenHoldDto {
  @ApiProperty({ enum: HOLD_KINDS })
  @IsIn(HOLD_KINDS)
  kind!: (typeof HOLD_KINDS)[number];

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  /** Where it comes from (a decision's number, an inspection). */
  @ApiProperty({ example: 'Quyết định 12/QĐ-SKHCN' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;

  @ApiPropertyOptional({ example: '2024-05-02' })
  @IsOptional()
  @IsCalendarDate()
  openedOn?: string;
}

/** `POST /people/{id}/holds/{holdId}/close`. */
export class CloseHoldDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ example: '2024-09-30' })
  @IsOptional()
  @IsCalendarDate()
  closedOn?: string;
}

/** `POST /users`. */
export class CreateUserDto {
  @ApiProperty({ example: 'hoa.nt' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._@-]{2,63}$/)
  username!: string;

  @ApiProperty({ format: 'password', minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;

  @ApiProperty({ example: 'Nguyễn Thị Hoa' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  /** The user's agency; null only for a platform system-admin. */
  @ApiProperty({ format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  agencyId!: string | null;

  /** The agency's tenant, for a platform system-admin creating an agency's first admin. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  tenantId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}
