import ExcelJS from 'exceljs';
import { columnLetter, foldHeader, parsePeopleImport } from '../src/directory/people-import.parser';
import { ProblemException } from '../src/problem/problem.exception';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsx(rows: ExcelJS.CellValue[][], dateColumns: number[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cán bộ');
  for (const row of rows) sheet.addRow(row);
  for (const column of dateColumns) sheet.getColumn(column).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function csv(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('people');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.csv.writeBuffer());
}

async function problemOf(promise: Promise<unknown>): Promise<ProblemException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemException) return error;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('people import parser', () => {
  it('loads exceljs under ts-jest', () => {
    const workbook = new ExcelJS.Workbook();
    expect(workbook.addWorksheet('x').name).toBe('x');
  });

  it('folds headers and names columns by letter', () => {
    expect(foldHeader('  Mã đơn vị ')).toBe('madonvi');
    expect(foldHeader('HỌ VÀ TÊN')).toBe('hovaten');
    expect(foldHeader('unitCode')).toBe('unitcode');
    expect([1, 26, 27, 52, 53].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA']);
  });

  it('reads an XLSX with Vietnamese headers: dates, genders, codes, empty rows skipped', async () => {
    const file = await xlsx(
      [
        [
          'STT',
          'Mã đơn vị',
          'TÊN ĐƠN VỊ',
          'Là văn phòng',
          'Mã cán bộ',
          'Họ và tên',
          'Ngày sinh',
          'Giới tính',
          'Chức vụ',
        ],
        [
          1,
          'VP',
          'Văn phòng Sở',
          'x',
          '001',
          'Nguyễn Thị Hoa',
          new Date(Date.UTC(1980, 2, 15)),
          'Nữ',
          'Chánh Văn phòng',
        ],
        [],
        [
          3,
          'QLKH',
          'Phòng Quản lý khoa học',
          '',
          'CB-2',
          'Trần Văn Đức',
          29587,
          'Nam',
          'Trưởng phòng',
        ],
        [4, 'QLKH', '', '', '', 'Lê Văn A', '05/09/1990', 'nam', 'Chuyên viên'],
      ],
      [7],
    );
    const parsed = await parsePeopleImport(file, 'can-bo.xlsx', XLSX);
    expect(parsed.columns.fullName).toEqual({ letter: 'F', header: 'Họ và tên' });
    expect(parsed.columns.dateOfBirth).toEqual({ letter: 'G', header: 'Ngày sinh' });
    expect(parsed.rows).toEqual([
      {
        row: 2,
        cells: {
          unitCode: 'VP',
          unitName: 'Văn phòng Sở',
          isSecretariat: 'true',
          personCode: '001',
          fullName: 'Nguyễn Thị Hoa',
          dateOfBirth: '1980-03-15',
          gender: 'female',
          position: 'Chánh Văn phòng',
        },
      },
      {
        row: 4,
        cells: {
          unitCode: 'QLKH',
          unitName: 'Phòng Quản lý khoa học',
          personCode: 'CB-2',
          fullName: 'Trần Văn Đức',
          dateOfBirth: '1981-01-01',
          gender: 'male',
          position: 'Trưởng phòng',
        },
      },
      {
        row: 5,
        cells: {
          unitCode: 'QLKH',
          fullName: 'Lê Văn A',
          dateOfBirth: '1990-09-05',
          gender: 'male',
          position: 'Chuyên viên',
        },
      },
    ]);
  });

  it('reads a CSV with the English keys as headers, keeping codes as written, in NFC', async () => {
    const decomposed = 'Nguyễn Thị Hoa'.normalize('NFD');
    const file = await csv([
      ['unitCode', 'unitName', 'personCode', 'fullName', 'dateOfBirth', 'gender', 'position'],
      ['VP', 'Văn phòng', '007', decomposed, '1980-03-15', 'female', 'Chuyên viên'],
    ]);
    const parsed = await parsePeopleImport(file, 'people.csv', 'text/csv');
    expect(parsed.rows).toEqual([
      {
        row: 2,
        cells: {
          unitCode: 'VP',
          unitName: 'Văn phòng',
          personCode: '007',
          fullName: 'Nguyễn Thị Hoa'.normalize('NFC'),
          dateOfBirth: '1980-03-15',
          gender: 'female',
          position: 'Chuyên viên',
        },
      },
    ]);
    expect(parsed.rows[0]?.cells.fullName).toBe('Nguyễn Thị Hoa'.normalize('NFC'));
  });

  it('reads a semicolon-separated CSV with a BOM', async () => {
    const text = '\uFEFFHọ và tên;Ngày sinh;Mã đơn vị\nNguyễn Văn B;01/02/1975;VP\n';
    const parsed = await parsePeopleImport(Buffer.from(text, 'utf8'), 'x.csv', 'text/csv');
    expect(parsed.rows).toEqual([
      { row: 2, cells: { fullName: 'Nguyễn Văn B', dateOfBirth: '1975-02-01', unitCode: 'VP' } },
    ]);
  });

  it('refuses what is neither XLSX nor CSV with unsupported-media-type', async () => {
    const pdf = Buffer.from('%PDF-1.7\n...', 'latin1');
    expect((await problemOf(parsePeopleImport(pdf, 'a.pdf', 'application/pdf'))).code).toBe(
      'unsupported-media-type',
    );
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect((await problemOf(parsePeopleImport(zip, 'a.xlsx', XLSX))).code).toBe(
      'unsupported-media-type',
    );
    const latin1 = Buffer.from('Họ và tên\nNguy\xe9n', 'latin1');
    expect((await problemOf(parsePeopleImport(latin1, 'a.csv', 'text/csv'))).code).toBe(
      'unsupported-media-type',
    );
  });

  it('refuses unknown headers by column, and a sheet without names or rows', async () => {
    const unknown = await problemOf(
      parsePeopleImport(
        await csv([
          ['Họ và tên', 'Quê quán'],
          ['A', 'B'],
        ]),
        'a.csv',
        'text/csv',
      ),
    );
    expect(unknown.code).toBe('validation-failed');
    expect(unknown.errors).toEqual([{ path: 'file.B1', message: 'unknownColumn' }]);
    const noName = await problemOf(
      parsePeopleImport(await csv([['Mã đơn vị'], ['VP']]), 'a.csv', 'text/csv'),
    );
    expect(noName.errors).toEqual([{ path: 'file', message: 'missingColumnFullName' }]);
    const empty = await problemOf(parsePeopleImport(await xlsx([['Họ và tên']]), 'a.xlsx', XLSX));
    expect(empty.errors).toEqual([{ path: 'file', message: 'noRows' }]);
  });
});
