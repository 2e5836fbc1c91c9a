import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CommandContext } from '../campaign/commands';

/** RPC pattern of {@link CreateUnitCommand}, answered by `directory`. */
export const CREATE_UNIT = 'directory.create-unit';
/** RPC pattern of {@link ListUnitsQuery}. */
export const LIST_UNITS = 'directory.list-units';

/** Create a unit in an agency. → `UnitView` */
export class CreateUnitCommand {
  /** Sender; `tenantId` is the agency's tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The new unit's id, chosen by the sender. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  unitId!: string;

  /** Its code, unique in the agency (VP, KHTC). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  code!: string;

  /** Its name ("Văn phòng Sở"). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  /** It is the agency's secretariat (default false). */
  @IsOptional()
  @IsBoolean()
  isSecretariat?: boolean;

  /** The unit above it, in the same agency. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  parentUnitId?: string;
}

/** List an agency's units. → `{ items: UnitView[] }` */
export class ListUnitsQuery {
  /** The caller's tenant. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;
}
