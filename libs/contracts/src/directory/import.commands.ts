import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsObject,
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
