import { IsBoolean, IsNotEmpty, IsOptional, IsString } from 'class-validator';

/** Routing key of {@link UnitCreatedV1}. */
export const DIRECTORY_UNIT_CREATED_V1 = 'directory.unit-created.v1';

/** A unit (phòng, đơn vị) was created in an agency. */
export class UnitCreatedV1 {
  /** The unit's id. */
  @IsString()
  @IsNotEmpty()
  unitId!: string;

  /** Its agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** Its code, unique in the agency (plans refer to units by it: `VP`). */
  @IsString()
  @IsNotEmpty()
  code!: string;

  /** Its name ("Văn phòng Sở"). */
  @IsString()
  @IsNotEmpty()
  name!: string;

  /** It is the agency's secretariat. */
  @IsBoolean()
  isSecretariat!: boolean;

  /** The unit above it, or null. */
  @IsOptional()
  @IsString()
  parentUnitId!: string | null;
}
