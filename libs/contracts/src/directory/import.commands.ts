import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';
import { CommandContext } from '../campaign/commands';

/** RPC pattern of {@link ImportPeopleCommand}, answered by `directory`. */
export const IMPORT_PEOPLE = 'directory.import-people';

/** The column keys of an import (the gateway maps the file's headers to them). */
export const IMPORT_COLUMNS = [
  'unitCode',
  'unitName',
  'parentUnitCode',
  'isSecretariat',
  'personCode',
  'fullName',
  'dateOfBirth',
  'gender',
  'position',
] as const;

/** One of {@link IMPORT_COLUMNS}. */
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** One row of the file. */
export class ImportRow {
  /** The row's number as the file counts it (reported with its errors). */
  @IsInt()
  @Min(1)
  row!: number;

  /** The cells by column key; missing keys are empty cells. */
  @IsObject()
  cells!: Partial<Record<ImportColumn, string>>;

  /**
   * The columns whose cell holds a spreadsheet error (`#N/A`, `#REF!`, also as a formula's
   * result): the row is refused at each of them (`cellError`).
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(IMPORT_COLUMNS.length)
  @IsIn(IMPORT_COLUMNS, { each: true })
  errorCells?: ImportColumn[];
}

/**
 * Import units and people into an agency. Each row commits on its own (unit if new, then the
 * person); a bad row is reported and skipped. → `ImportPeopleResult`
 */
export class ImportPeopleCommand {
  /** Sender; `tenantId` is the agency's tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The rows, in the file's order. */
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => ImportRow)
  rows!: ImportRow[];
}
