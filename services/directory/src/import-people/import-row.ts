import type { Gender, ImportColumn, ImportRowError } from '@ttkt/contracts';
import { isCalendarDate } from '../calendar';
import { normalizeText } from '../vietnamese-name';

/** A row of an import, checked and normalised. */
export interface ParsedImportRow {
  row: number;
  unitCode: string;
  unitName: string | null;
  parentUnitCode: string | null;
  isSecretariat: boolean;
  personCode: string | null;
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
  position: string;
}

const GENDERS: Record<string, Gender> = {
  male: 'male',
  female: 'female',
  nam: 'male',
  nữ: 'female',
};
const TRUE = new Set(['x', '1', 'true', 'yes', 'có', 'co']);
const FALSE = new Set(['', '0', 'false', 'no', 'không', 'khong']);

/**
 * Checks one row's cells (pure): no spreadsheet error in a cell (`cellError`), required cells,
 * the date of birth as `YYYY-MM-DD` or `d/m/yyyy` and not after `today`, the gender as
 * male/female/Nam/Nữ (any case), the secretariat flag. Either the parsed row or its errors, one
 * per failing column, named by constraint keys.
 */
export function parseImportRow(
  row: number,
  cells: Partial<Record<ImportColumn, string>>,
  today: string,
  errorCells: readonly ImportColumn[] = [],
): { parsed: ParsedImportRow } | { errors: ImportRowError[] } {
  const cell = (column: ImportColumn): string => normalizeText(String(cells[column] ?? ''));
  const errors: ImportRowError[] = [];
  const failed = new Set<ImportColumn>();
  const fail = (column: ImportColumn, message: string): void => {
    if (failed.has(column)) return;
    failed.add(column);
    errors.push({ row, column, message });
  };
  for (const column of errorCells) fail(column, 'cellError');
  const required = (column: ImportColumn): string => {
    const value = cell(column);
    if (value === '') fail(column, 'isNotEmpty');
    return value;
  };
  const unitCode = required('unitCode');
  const fullName = required('fullName');
  const position = required('position');
  const dateOfBirth = dateOf(cell('dateOfBirth'));
  if (dateOfBirth === null)
    fail('dateOfBirth', cell('dateOfBirth') === '' ? 'isNotEmpty' : 'isDateString');
  else if (dateOfBirth > today) fail('dateOfBirth', 'maxDate');
  const gender = GENDERS[cell('gender').toLowerCase()];
  if (gender === undefined) fail('gender', cell('gender') === '' ? 'isNotEmpty' : 'isIn');
  const flag = cell('isSecretariat').toLowerCase();
  if (!TRUE.has(flag) && !FALSE.has(flag)) fail('isSecretariat', 'isBoolean');
  if (errors.length > 0 || dateOfBirth === null || gender === undefined) return { errors };
  return {
    parsed: {
      row,
      unitCode,
      unitName: cell('unitName') || null,
      parentUnitCode: cell('parentUnitCode') || null,
      isSecretariat: TRUE.has(flag),
      personCode: cell('personCode') || null,
      fullName,
      dateOfBirth,
      gender,
      position,
    },
  };
}

/** `YYYY-MM-DD` or `d/m/yyyy` (also with `-` or `.`) as `YYYY-MM-DD`; null when not a real date. */
export function dateOf(value: string): string | null {
  if (isCalendarDate(value)) return value;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!match) return null;
  const date = `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}
