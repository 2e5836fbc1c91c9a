import { dateOf, parseImportRow } from './import-row';

const today = '2021-03-30';
const cells = {
  unitCode: 'VP',
  unitName: 'Văn phòng Sở',
  fullName: 'Nguyễn Thị Hồng Nhung',
  dateOfBirth: '12/5/1985',
  gender: 'Nữ',
  position: 'Chánh Văn phòng',
};

describe('an import row', () => {
  it('reads d/m/yyyy dates and Vietnamese genders, in NFC', () => {
    const nfd = {
      ...cells,
      fullName: cells.fullName.normalize('NFD'),
      gender: 'NỮ'.normalize('NFD'),
    };
    expect(parseImportRow(3, nfd, today)).toEqual({
      parsed: {
        row: 3,
        unitCode: 'VP',
        unitName: 'Văn phòng Sở',
        parentUnitCode: null,
        isSecretariat: false,
        personCode: null,
        fullName: 'Nguyễn Thị Hồng Nhung'.normalize('NFC'),
        dateOfBirth: '1985-05-12',
        gender: 'female',
        position: 'Chánh Văn phòng',
      },
    });
  });

  it('reports each failing column by its key and constraint', () => {
    expect(
      parseImportRow(
        7,
        { ...cells, fullName: ' ', dateOfBirth: '31/2/1980', gender: 'khác' },
        today,
      ),
    ).toEqual({
      errors: [
        { row: 7, column: 'fullName', message: 'isNotEmpty' },
        { row: 7, column: 'dateOfBirth', message: 'isDateString' },
        { row: 7, column: 'gender', message: 'isIn' },
      ],
    });
  });

  it('refuses a row at each cell that holds a spreadsheet error, and only once there', () => {
    const { position: _position, ...withoutPosition } = cells;
    expect(
      parseImportRow(4, { ...withoutPosition, gender: 'khác' }, today, ['position', 'unitName']),
    ).toEqual({
      errors: [
        { row: 4, column: 'position', message: 'cellError' },
        { row: 4, column: 'unitName', message: 'cellError' },
        { row: 4, column: 'gender', message: 'isIn' },
      ],
    });
  });

  it('refuses a date of birth after today', () => {
    expect(parseImportRow(2, { ...cells, dateOfBirth: '2021-03-31' }, today)).toEqual({
      errors: [{ row: 2, column: 'dateOfBirth', message: 'maxDate' }],
    });
  });

  it('takes YYYY-MM-DD and d/m/yyyy, nothing else', () => {
    expect(dateOf('1985-05-12')).toBe('1985-05-12');
    expect(dateOf('01/12/1990')).toBe('1990-12-01');
    expect(dateOf('1990/12/01')).toBeNull();
    expect(dateOf('29/2/2021')).toBeNull();
  });
});
