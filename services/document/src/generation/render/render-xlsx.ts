import ExcelJS from 'exceljs';
import type { SheetModel } from '../model';
import { documentInstant, fixZipTimes, nfcDeep, PRODUCER } from './common';
import { OFFICE_FONT } from './fonts';

/** The name of the worksheet of a rendered sheet. */
export const SHEET_NAME = 'Danh sách';

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Renders a list as XLSX: one worksheet ({@link SHEET_NAME}), Times New Roman 13 pt; the title
 * rows merged across the columns, bold and centred; a blank row; the header row bold, centred,
 * bordered; then the rows (bordered, wrapped), column widths in characters from the model.
 * Workbook dates are the document's date, and rendering twice gives the same bytes.
 */
export async function renderXlsx(model: SheetModel): Promise<Buffer> {
  const m = nfcDeep(model);
  const at = documentInstant(m.meta.date);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = PRODUCER;
  workbook.lastModifiedBy = PRODUCER;
  workbook.created = at;
  workbook.modified = at;
  workbook.title = m.meta.title;
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const count = Math.max(1, m.columns.length);
  sheet.columns = m.columns.map((c) => ({ width: c.width }));
  const font = { name: OFFICE_FONT, size: 13 };

  for (const title of m.title) {
    const row = sheet.addRow([title]);
    if (count > 1) sheet.mergeCells(row.number, 1, row.number, count);
    row.font = { ...font, bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  if (m.title.length > 0) sheet.addRow([]);

  const header = sheet.addRow(m.columns.map((c) => c.title));
  header.eachCell((cell) => {
    cell.font = { ...font, bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  for (const values of m.rows) {
    const row = sheet.addRow(values);
    for (let i = 1; i <= count; i++) {
      const cell = row.getCell(i);
      cell.font = font;
      cell.border = BORDER;
      cell.alignment = {
        vertical: 'middle',
        wrapText: true,
        horizontal: typeof cell.value === 'number' ? 'center' : 'left',
      };
    }
  }
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return fixZipTimes(bytes, m.meta.date);
}
