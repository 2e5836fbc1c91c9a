import ExcelJS from 'exceljs';
import { renderXlsx, SHEET_NAME } from './render-xlsx';
import { sampleSheet } from './render.spec-fixture';

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('renderXlsx', () => {
  let bytes: Buffer;
  let sheet: ExcelJS.Worksheet;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    bytes = await renderXlsx(sampleSheet());
    workbook = await open(bytes);
    sheet = workbook.getWorksheet(SHEET_NAME)!;
  });

  it('writes the title rows merged, bold and centred, then a blank row', () => {
    expect(sheet.getCell('A1').value).toBe('DANH SÁCH TRÍCH NGANG');
    expect(sheet.getCell('A2').value).toBe('Tập thể, cá nhân đề nghị tặng Giấy khen');
    expect(sheet.getCell('G1').isMerged).toBe(true);
    expect(sheet.getCell('A1').font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(sheet.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(sheet.getRow(3).values).toEqual([]);
  });

  it('writes the header row bold with borders, and the rows as given (NFC)', () => {
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      'STT',
      'Họ và tên',
      'Năm sinh',
      'Giới tính',
      'Chức vụ',
      'Đơn vị',
      'Thành tích',
    ]);
    expect(sheet.getCell('B4').font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(sheet.getCell('B4').border?.top?.style).toBe('thin');
    expect(sheet.getRow(5).values).toEqual([
      undefined,
      1,
      'Nguyễn Thị Lan',
      1985,
      'Nữ',
      'Chuyên viên',
      'Phòng Quản lý công nghệ và chuyên ngành',
      'Hoàn thành xuất sắc nhiệm vụ',
    ]);
    expect(sheet.getCell('B5').value).toBe('Nguyễn Thị Lan'.normalize('NFC'));
    expect(sheet.getCell('F6').value).toBe('Văn phòng Sở');
    expect(sheet.getCell('F6').font).toMatchObject({ name: 'Times New Roman' });
    expect(sheet.getCell('F6').border?.bottom?.style).toBe('thin');
    expect(sheet.rowCount).toBe(6);
  });

  it('sets the column widths from the model', () => {
    expect(sheet.columns.map((c) => c.width)).toEqual([6, 28, 10, 10, 20, 34, 40]);
  });

  it('dates the workbook from the model and renders the same bytes twice', async () => {
    expect(workbook.created.toISOString()).toBe('2021-05-19T17:00:00.000Z');
    expect(workbook.modified.toISOString()).toBe('2021-05-19T17:00:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 2100)); // zip times have 2 s steps
    expect((await renderXlsx(sampleSheet())).equals(bytes)).toBe(true);
  });
});
