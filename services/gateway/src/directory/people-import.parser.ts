import { IMPORT_COLUMNS, type ImportColumn } from '@ttkt/contracts';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { ProblemException } from '../problem/problem.exception';

/**
 * A data row: its number in the sheet (the header is row 1), its cells by column key, and the
 * columns whose cell holds a spreadsheet error (`#N/A`), which refuse the row there.
 */
export interface ImportRow {
  row: number;
  cells: Partial<Record<ImportColumn, string>>;
  errorCells?: ImportColumn[];
}

/** Where a column key was found: the sheet's column letter and header text. */
export interface ImportColumnHeader {
  letter: string;
  header: string;
}

/** A parsed file: its rows and where each known column is. */
export interface ParsedImport {
  rows: ImportRow[];
  columns: Partial<Record<ImportColumn, ImportColumnHeader>>;
}

/** The largest file accepted (bytes). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The most data rows in one file. */
export const MAX_IMPORT_ROWS = 10_000;

/** Headers (folded: no accents, no case, letters and digits only) of each column key. */
const HEADERS: Record<ImportColumn, string[]> = {
  unitCode: ['madonvi', 'unitcode'],
  unitName: ['tendonvi', 'unitname'],
  parentUnitCode: ['donvicha', 'madonvicha', 'parentunitcode'],
  isSecretariat: ['lavanphong', 'vanphong', 'issecretariat'],
  personCode: ['macanbo', 'personcode'],
  fullName: ['hovaten', 'hoten', 'fullname'],
  dateOfBirth: ['ngaysinh', 'dateofbirth'],
  gender: ['gioitinh', 'gender'],
  position: ['chucvu', 'position'],
};

/** Headers of columns that carry nothing to import (row numbers, notes): ignored. */
const IGNORED_HEADERS = new Set(['stt', 'tt', 'sothutu', 'ghichu', 'note', 'notes']);

const BY_HEADER = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap((key) => HEADERS[key].map((header) => [header, key] as const)),
);

/** Lower case, accents dropped (`đ` → `d`), only letters and digits: `Mã đơn vị` → `madonvi`. */
export function foldHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** `A` for 1, `Z` for 26, `AA` for 27. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The kind of an upload: XLSX (a ZIP) or CSV (UTF-8 text), else undefined. */
export function importKind(
  buffer: Buffer,
  filename: string,
  mimetype: string,
): 'xlsx' | 'csv' | undefined {
  const isZip = buffer.length >= 4 && buffer.readUInt32BE(0) === 0x504b0304;
  if (isZip)
    return /\.xlsx$/i.test(filename) || /spreadsheetml|zip|octet-stream/.test(mimetype)
      ? 'xlsx'
      : undefined;
  const csvNamed =
    /\.csv$/i.test(filename) || /^(text\/(csv|plain)|application\/vnd\.ms-excel)/.test(mimetype);
  if (!csvNamed || buffer.includes(0)) return undefined;
  // Valid UTF-8 only: a legacy-encoded file would import garbled names.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return undefined;
  }
  return 'csv';
}

/**
 * Reads the first sheet of an XLSX or CSV file of units and people into rows keyed by
 * {@link IMPORT_COLUMNS}. Headers are matched without regard to case or accents, in Vietnamese
 * (`Mã đơn vị`, `Tên đơn vị`, `Đơn vị cha`, `Là văn phòng`, `Mã cán bộ`, `Họ và tên`,
 * `Ngày sinh`, `Giới tính`, `Chức vụ`) or as the keys themselves; `STT` and `Ghi chú` are
 * ignored. Dates become `YYYY-MM-DD` (Excel dates, serial numbers and `dd/mm/yyyy`), `Nam`/`Nữ`
 * become `male`/`female`, yes/no marks `true`/`false`; text is trimmed and NFC. Empty rows are
 * skipped; row numbers are the sheet's.
 * @throws ProblemException `unsupported-media-type` (not XLSX/CSV, or unreadable),
 *   `validation-failed` (an unknown or repeated header, no `fullName` column, no rows),
 *   `payload-too-large` (more than {@link MAX_IMPORT_ROWS} rows).
 */
export async function parsePeopleImport(
  buffer: Buffer,
  filename: string,
  mimetype: string,
): Promise<ParsedImport> {
  const kind = importKind(buffer, filename, mimetype);
  if (!kind) throw new ProblemException('unsupported-media-type');
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (kind === 'xlsx') {
      await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
      sheet = workbook.worksheets[0];
    } else {
      const text = new TextDecoder('utf-8').decode(buffer).replace(/^\uFEFF/, '');
      const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
      const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
      sheet = await workbook.csv.read(Readable.from([text]), {
        // Keep every cell as written: `001` stays a code, not the number 1.
        map: (value: unknown) => value,
        parserOptions: { delimiter },
      });
    }
  } catch {
    throw new ProblemException('unsupported-media-type');
  }
  if (!sheet)
    throw new ProblemException('validation-failed', [{ path: 'file', message: 'noRows' }]);

  const columns: Partial<Record<ImportColumn, ImportColumnHeader>> = {};
  const byIndex = new Map<number, ImportColumn>();
  const issues: { path: string; message: string }[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, index) => {
    const header = cellText(cell.value).trim().normalize('NFC');
    if (header === '') return;
    const folded = foldHeader(header);
    const key = BY_HEADER.get(folded);
    const letter = columnLetter(index);
    if (!key) {
      if (!IGNORED_HEADERS.has(folded))
        issues.push({ path: `file.${letter}1`, message: 'unknownColumn' });
      return;
    }
    if (columns[key]) {
      issues.push({ path: `file.${letter}1`, message: 'duplicateColumn' });
      return;
    }
    columns[key] = { letter, header };
    byIndex.set(index, key);
  });
  if (!columns.fullName && issues.length === 0) {
    issues.push({ path: 'file', message: 'missingColumnFullName' });
  }
  if (issues.length > 0) throw new ProblemException('validation-failed', issues);

  const rows: ImportRow[] = [];
  const last = sheet.rowCount;
  for (let number = 2; number <= last; number++) {
    const row = sheet.getRow(number);
    const cells: Partial<Record<ImportColumn, string>> = {};
    const errorCells: ImportColumn[] = [];
    for (const [index, key] of byIndex) {
      const raw = row.getCell(index).value;
      if (isErrorCell(raw)) {
        errorCells.push(key);
        continue;
      }
      const value = normaliseCell(key, raw);
      if (value !== '') cells[key] = value;
    }
    if (Object.keys(cells).length === 0 && errorCells.length === 0) continue;
    rows.push({ row: number, cells, ...(errorCells.length > 0 ? { errorCells } : {}) });
    if (rows.length > MAX_IMPORT_ROWS) throw new ProblemException('payload-too-large');
  }
  if (rows.length === 0) {
    throw new ProblemException('validation-failed', [{ path: 'file', message: 'noRows' }]);
  }
  return { rows, columns };
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** A spreadsheet error (`#N/A`, `#REF!`), written as such or as a formula's result. */
function isErrorCell(value: ExcelJS.CellValue): boolean {
  if (typeof value !== 'object' || value === null || value instanceof Date) return false;
  if ('error' in value) return true;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return typeof result === 'object' && result !== null && 'error' in result;
  }
  return false;
}

/** A cell's value as text: rich text joined, a formula's result, a link's text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      return result === undefined || result === null ? '' : cellText(result as ExcelJS.CellValue);
    }
    if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
    if ('error' in value) return '';
  }
  return '';
}

/** Excel's day 0 (serial numbers count days from 1899-12-30, Lotus' leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function normaliseCell(key: ImportColumn, value: ExcelJS.CellValue): string {
  if (key === 'dateOfBirth') {
    if (typeof value === 'number' && value > 0 && value < 2_958_466) {
      return isoDate(new Date(EXCEL_EPOCH_MS + Math.round(value) * 86_400_000));
    }
    const text = cellText(value).trim();
    const [, day, month, year] = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text) ?? [];
    if (day && month && year) return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    return text;
  }
  const text = cellText(value).trim().replace(/\s+/g, ' ').normalize('NFC');
  if (key === 'gender') {
    const folded = foldHeader(text);
    if (['nam', 'male', 'm'].includes(folded)) return 'male';
    if (['nu', 'female', 'f'].includes(folded)) return 'female';
    return text;
  }
  if (key === 'isSecretariat') {
    const folded = foldHeader(text);
    if (['x', 'co', 'true', 'yes', '1', 'c'].includes(folded)) return 'true';
    if (['', 'khong', 'false', 'no', '0', 'k'].includes(folded))
      return folded === '' ? '' : 'false';
    return text;
  }
  return text;
}

/** A date's calendar day as Excel meant it (exceljs gives dates at UTC midnight). */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
