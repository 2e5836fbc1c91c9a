import ExcelJS from 'exceljs';
import {
  type ApiResponse,
  buildBacKanDepartment,
  describeResponse,
  expectStatus,
  type ScenarioAgency,
} from '@ttkt/testing';
import { TestPlatform } from './support/test-platform';

interface PersonBody {
  id: string;
  agencyId: string;
  unitId: string;
  code: string | null;
  fullName: string;
  givenName: string;
  position: string;
  onHold: boolean;
  version: number;
  holds: {
    id: string;
    kind: string;
    reason: string;
    source: string;
    status: string;
    closeReason: string | null;
  }[];
}

interface PeoplePage {
  items: PersonBody[];
  nextCursor: string | null;
}

interface ImportBody {
  imported: number;
  unchanged: number;
  errors: { row: number; column: string; message: string }[];
}

const collator = new Intl.Collator('vi');

/**
 * Issue #4, the staff of a department (cán bộ) in the directory: Vietnamese names kept in NFC,
 * listed as Vietnamese lists are (by given name, with the Vietnamese collator), found without
 * typing accents, holds (kỷ luật, điều tra, khiếu nại) opened and closed, and the staff list
 * imported from the spreadsheet an agency keeps, idempotently.
 */
describe('slice #4: people of a department', () => {
  const platform = new TestPlatform({
    label: 'slice_people',
    jwtSecret: 'slice-people-secret-0123456789abcdefgh',
  });
  let agency: ScenarioAgency;

  async function registerPerson(
    fullName: string,
    unitCode: string,
    extra: Record<string, unknown> = {},
  ): Promise<PersonBody> {
    const response = await agency.agencyAdmin.post<PersonBody>(
      `/agencies/${agency.agencyId}/people`,
      {
        fullName,
        dateOfBirth: '1980-05-18',
        gender: 'female',
        unitId: agency.units[unitCode],
        position: 'Chuyên viên',
        ...extra,
      },
    );
    return expectStatus(response, 201);
  }

  async function listPeople(query: Record<string, string | number>): Promise<PersonBody[]> {
    const items: PersonBody[] = [];
    let cursor: string | null = null;
    do {
      const page: ApiResponse<PeoplePage> = await agency.agencyAdmin.get<PeoplePage>(
        `/agencies/${agency.agencyId}/people`,
        {
          query: { ...query, limit: 100, ...(cursor === null ? {} : { cursor }) },
        },
      );
      const body: PeoplePage = expectStatus(page, 200);
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor !== null);
    return items;
  }

  beforeAll(async () => {
    agency = await buildBacKanDepartment(await platform.start());
  });

  afterAll(() => platform.stop());

  it('stores and returns in NFC a name sent in NFD', async () => {
    const nfc = 'Nguyễn Thị Ánh';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const created = await registerPerson(nfd, 'VP', {
      position: 'Chánh Văn phòng'.normalize('NFD'),
    });
    expect(created.fullName).toBe(nfc);
    expect(created.givenName).toBe('Ánh');
    const listed = await listPeople({ unitId: agency.units['VP'] as string });
    expect(listed.map((person) => person.fullName)).toEqual([nfc]);
    const read = await agency.agencyAdmin.get<PersonBody>(`/people/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ fullName: nfc, position: 'Chánh Văn phòng' });
    // The person's position (chức vụ) must not be overwritten by the command's log position.
    expect(created.position).toBe('Chánh Văn phòng');
  });

  it('lists people by given name with the Vietnamese collator, not by code points', async () => {
    const names = [
      'Lê Văn Đức',
      'Trần Văn Dũng',
      'Hoàng Thị Yến',
      'Phạm Văn Ơn',
      'Nông Thị Oanh',
      'Đinh Văn Bình',
      'Lý Thị Ấn',
      'Triệu Văn An',
      'Ma Văn Duy',
      'Hà Thị Uyên',
      'Bế Văn Ước',
    ];
    for (const name of [...names].reverse()) await registerPerson(name, 'TTUD');
    const given = (name: string): string => name.split(' ').at(-1) ?? '';
    const expected = [...names].sort((a, b) => collator.compare(given(a), given(b)));
    const naive = [...names].sort((a, b) => (given(a) < given(b) ? -1 : 1));
    expect(expected).not.toEqual(naive);
    expect(expected.map(given)).toEqual([
      'An',
      'Ấn',
      'Bình',
      'Dũng',
      'Duy',
      'Đức',
      'Oanh',
      'Ơn',
      'Uyên',
      'Ước',
      'Yến',
    ]);
    const listed = await listPeople({ unitId: agency.units['TTUD'] as string });
    expect(listed.map((person) => person.fullName)).toEqual(expected);
  });

  it('finds “Nguyễn Thị …” for q=nguyen thi, and nobody else', async () => {
    for (const name of ['Nguyễn Thị Đào', 'NGUYỄN THỊ HOA', 'Nguyễn Văn An', 'Trần Thị Bích']) {
      await registerPerson(name, 'KHTC');
    }
    const found = await listPeople({ q: 'nguyen thi' });
    expect(found.map((person) => person.fullName).sort(collator.compare)).toEqual(
      ['NGUYỄN THỊ HOA', 'Nguyễn Thị Ánh', 'Nguyễn Thị Đào'].sort(collator.compare),
    );
    const byD = await listPeople({ q: 'dao' });
    expect(byD.map((person) => person.fullName)).toEqual(['Nguyễn Thị Đào']);
    const accented = await listPeople({ q: 'Nguyễn Thị Đào' });
    expect(accented.map((person) => person.fullName)).toEqual(['Nguyễn Thị Đào']);
  });

  it('opens a hold on a person and closes it', async () => {
    const person = await registerPerson('Vi Văn Khánh', 'TTr');
    const opened = await agency.agencyAdmin.post<PersonBody>(`/people/${person.id}/holds`, {
      kind: 'investigation',
      reason: 'Đang bị xem xét theo đơn thư',
      source: 'Công văn số 15/TTr-SKHCN',
    });
    expect([200, 201]).toContain(opened.status);
    expect(opened.body.onHold).toBe(true);
    expect(opened.body.holds).toEqual([
      expect.objectContaining({
        kind: 'investigation',
        reason: 'Đang bị xem xét theo đơn thư',
        source: 'Công văn số 15/TTr-SKHCN',
        status: 'open',
      }),
    ]);
    const holdId = (opened.body.holds[0] as { id: string }).id;

    const listedOpen = await listPeople({ unitId: agency.units['TTr'] as string });
    expect(listedOpen.find((p) => p.id === person.id)?.onHold).toBe(true);

    const closed = await agency.agencyAdmin.post<PersonBody>(
      `/people/${person.id}/holds/${holdId}/close`,
      {
        reason: 'Kết luận không vi phạm',
      },
    );
    expect(closed.status).toBe(200);
    expect(closed.body.onHold).toBe(false);
    expect(closed.body.holds).toEqual([
      expect.objectContaining({
        id: holdId,
        status: 'closed',
        closeReason: 'Kết luận không vi phạm',
      }),
    ]);
    const again = await agency.agencyAdmin.post(`/people/${person.id}/holds/${holdId}/close`, {
      reason: 'Đóng lần nữa',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: 'invalid-state' });
  });

  describe('importing the staff list from a spreadsheet', () => {
    const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Hà', 'Nông', 'Triệu', 'Lý', 'Ma'];
    const MIDDLE = ['Văn', 'Thị', 'Đức', 'Thu', 'Minh'];
    const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Đào', 'Giang', 'Hà', 'Khánh', 'Lan', 'Mai'];
    const UNITS: [code: string, name: string][] = [
      ['VP', 'Văn phòng Sở'],
      ['KHTC', 'Phòng Kế hoạch - Tài chính'],
      ['CCTDC', 'Chi cục Tiêu chuẩn Đo lường Chất lượng'],
      ['TTTT', 'Trung tâm Thông tin và Thống kê khoa học và công nghệ'],
    ];
    /**
     * Spreadsheet rows (header = row 1) that are wrong, the column each is wrong in, and how the
     * answer names that column: its letter and header as the sheet shows them.
     */
    const BAD: Record<number, [key: string, column: string]> = {
      12: ['dateOfBirth', 'D (Ngày sinh)'],
      252: ['fullName', 'C (Họ và tên)'],
      501: ['gender', 'E (Giới tính)'],
    };
    /** What the answer says of each bad row, in Vietnamese and in English. */
    const MESSAGES: Record<number, Record<'vi' | 'en', string>> = {
      12: { vi: 'phải là ngày YYYY-MM-DD', en: 'must be a YYYY-MM-DD date' },
      252: { vi: 'không được để trống', en: 'must not be empty' },
      501: { vi: 'không thuộc các giá trị cho phép', en: 'is not one of the allowed values' },
    };
    const expectedErrors = (language: 'vi' | 'en') =>
      Object.entries(BAD).map(([row, [, column]]) => ({
        row: Number(row),
        column,
        message: MESSAGES[Number(row)]?.[language],
      }));
    let file: Buffer;

    beforeAll(async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Danh sách cán bộ');
      sheet.addRow([
        'Mã đơn vị',
        'Tên đơn vị',
        'Họ và tên',
        'Ngày sinh',
        'Giới tính',
        'Chức vụ',
        'Mã cán bộ',
      ]);
      for (let i = 0; i < 500; i += 1) {
        const sheetRow = i + 2;
        const [unitCode, unitName] = UNITS[i % UNITS.length] as [string, string];
        const fullName = `${FAMILY[i % 10]} ${MIDDLE[Math.floor(i / 10) % 5]} ${GIVEN[Math.floor(i / 50) % 10]}`;
        const day = String((i % 28) + 1).padStart(2, '0');
        const month = String((i % 12) + 1).padStart(2, '0');
        const female = Math.floor(i / 10) % 5 === 1 || Math.floor(i / 10) % 5 === 3;
        const bad = BAD[sheetRow]?.[0];
        sheet.addRow([
          unitCode,
          unitName,
          bad === 'fullName' ? '' : fullName,
          bad === 'dateOfBirth' ? '31/02/1985' : `${day}/${month}/${1965 + (i % 35)}`,
          bad === 'gender' ? 'Khác' : female ? 'Nữ' : 'Nam',
          i % 25 === 0 ? 'Trưởng phòng' : 'Chuyên viên',
          `CB${String(i + 1).padStart(4, '0')}`,
        ]);
      }
      file = Buffer.from(await workbook.xlsx.writeBuffer());
    });

    const upload = (language = 'vi', content = file): Promise<ApiResponse<ImportBody>> =>
      agency.agencyAdmin.in(language).upload<ImportBody>(`/agencies/${agency.agencyId}/imports`, {
        content,
        fileName: 'danh-sach-can-bo.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });

    it('imports 497 people and reports the 3 bad rows with row and column', async () => {
      const response = await upload();
      expect([200, 201]).toContain(response.status);
      expect(response.body).toMatchObject({ imported: 497, unchanged: 0 });
      const errors = [...response.body.errors].sort((a, b) => a.row - b.row);
      expect(errors).toEqual(expectedErrors('vi'));

      const people = await listPeople({});
      const imported = people.filter((person) => /^CB\d{4}$/.test(String(person.code)));
      expect(imported).toHaveLength(497);
      const units = await agency.agencyAdmin.get<{ items: { code: string; name: string }[] }>(
        `/agencies/${agency.agencyId}/units`,
      );
      expect(units.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'CCTDC',
            name: 'Chi cục Tiêu chuẩn Đo lường Chất lượng',
          }),
          expect.objectContaining({ code: 'TTTT' }),
        ]),
      );
      expect(units.body.items.filter((unit) => unit.code === 'VP')).toHaveLength(1);
    });

    it('imports nothing new from the same file again, and reports in English on request', async () => {
      const response = await upload('en');
      expect([200, 201]).toContain(response.status);
      expect(response.body).toMatchObject({ imported: 0, unchanged: 497 });
      expect([...response.body.errors].sort((a, b) => a.row - b.row)).toEqual(expectedErrors('en'));
      const people = await listPeople({});
      expect(people.filter((person) => /^CB\d{4}$/.test(String(person.code)))).toHaveLength(497);
      expect(describeResponse(response)).toContain('unchanged');
    });

    it('refuses a row at a cell holding a spreadsheet error (#N/A) instead of reading it as empty', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Danh sách cán bộ');
      sheet.addRow(['Mã đơn vị', 'Tên đơn vị', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ']);
      sheet.addRow(['VP', 'Văn phòng Sở', 'Lò Văn Páo', '02/03/1979', 'Nam', 'Chuyên viên']);
      sheet.getCell('B2').value = {
        formula: 'VLOOKUP("VP",Z1:Z2,1,FALSE)',
        result: { error: '#N/A' },
      };
      sheet.addRow(['VP', 'Văn phòng Sở', 'Sầm Thị Mơ', '04/05/1988', 'Nữ', 'Chuyên viên']);
      sheet.getCell('F3').value = { error: '#N/A' };
      sheet.getCell('C3').value = { error: '#REF!' };
      const content = Buffer.from(await workbook.xlsx.writeBuffer());
      const cellError = {
        vi: 'chứa giá trị lỗi của bảng tính (như #N/A)',
        en: 'holds a spreadsheet error (such as #N/A)',
      };
      for (const language of ['vi', 'en'] as const) {
        const response = await upload(language, content);
        expect([200, 201]).toContain(response.status);
        expect(response.body).toMatchObject({ imported: 0, unchanged: 0 });
        expect(response.body.errors).toEqual([
          { row: 2, column: 'B (Tên đơn vị)', message: cellError[language] },
          { row: 3, column: 'C (Họ và tên)', message: cellError[language] },
          { row: 3, column: 'F (Chức vụ)', message: cellError[language] },
        ]);
      }
      const people = await listPeople({ q: 'lo van pao' });
      expect(people).toEqual([]);
    });
  });
});
