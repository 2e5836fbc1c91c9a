import {
  addressedName,
  collated,
  countPhrase,
  nfcDeep,
  positionAndUnit,
  printedNominee,
  recipientEntries,
  signatureBlock,
} from './common';
import { NOMINEES } from './kinds.spec-fixture';

describe("'Nơi nhận' entries", () => {
  it('prints each entry with its purpose, `;` after each and `.` after the last', () => {
    expect(
      recipientEntries([
        { name: 'Ban TĐKT tỉnh' },
        { name: 'Phòng QLCNCN', purpose: 'đăng Website, mục KTXP' },
        { name: 'Lưu: VT, VP' },
      ]),
    ).toEqual(['- Ban TĐKT tỉnh;', '- Phòng QLCNCN (đăng Website, mục KTXP);', '- Lưu: VT, VP.']);
  });

  it('puts the leading entries first and the archive last, adding it when asked and missing', () => {
    expect(
      recipientEntries([{ name: 'Lưu: VT' }, { name: 'Ban TĐKT tỉnh', purpose: 'b/c' }], {
        first: ['Như Điều 3'],
        archive: 'Lưu: VT, VP',
      }),
    ).toEqual(['- Như Điều 3;', '- Ban TĐKT tỉnh (b/c);', '- Lưu: VT.']);
    expect(
      recipientEntries([{ name: 'Ban Giám đốc' }], { first: ['Như trên'], archive: 'Lưu: VT, VP' }),
    ).toEqual(['- Như trên;', '- Ban Giám đốc;', '- Lưu: VT, VP.']);
  });
});

describe('signature blocks', () => {
  it('signs in the head’s own name without a capacity', () => {
    expect(signatureBlock({ title: 'GIÁM ĐỐC', name: 'Đỗ Thị Hiền' })).toEqual({
      capacity: null,
      authority: null,
      title: 'GIÁM ĐỐC',
      name: 'Đỗ Thị Hiền',
    });
  });

  it('names the head a deputy signs for', () => {
    expect(
      signatureBlock({ capacity: 'KT.', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' }),
    ).toEqual({
      capacity: 'KT.',
      authority: 'GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
      name: 'Nguyễn Văn An',
    });
  });
});

describe('nominees as printed', () => {
  it('addresses a woman as Bà and a man as Ông, with position and unit', () => {
    const lan = printedNominee(NOMINEES.lan);
    expect(addressedName(lan)).toBe('Bà Nguyễn Thị Lan');
    expect(positionAndUnit(lan)).toBe('Chuyên viên, Văn phòng Sở');
    expect(lan).toMatchObject({ yearOfBirth: '1985', gender: 'Nữ' });
    expect(addressedName(printedNominee(NOMINEES.binh))).toBe('Ông Trần Văn Bình');
    expect(printedNominee(NOMINEES.binh).gender).toBe('Nam');
  });

  it('names a collective by its unit, without position', () => {
    const unit = printedNominee(NOMINEES.qlcn);
    expect(addressedName(unit)).toBe('Phòng Quản lý công nghệ và chuyên ngành');
    expect(positionAndUnit(unit)).toBe('');
  });

  it('orders collectives first, then people by given name', () => {
    const all = [NOMINEES.lan, NOMINEES.binh, NOMINEES.qlcn, NOMINEES.anh].map(printedNominee);
    expect(collated(all, (nominee) => nominee).map((nominee) => nominee.name)).toEqual([
      'Phòng Quản lý công nghệ và chuyên ngành',
      'Đỗ Thị Ánh',
      'Trần Văn Bình',
      'Nguyễn Thị Lan',
    ]);
  });

  it('counts collectives and individuals, zero-padded', () => {
    const all = [NOMINEES.qlcn, NOMINEES.lan, NOMINEES.binh].map(printedNominee);
    expect(countPhrase(all)).toBe('01 tập thể và 02 cá nhân');
    expect(countPhrase(all.slice(1))).toBe('02 cá nhân');
  });
});

describe('NFC', () => {
  it('normalises every string of an input', () => {
    const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
    expect(nfcDeep({ a: [nfd], b: { c: nfd }, d: 3 })).toEqual({
      a: ['Nguyễn Thị Ánh'],
      b: { c: 'Nguyễn Thị Ánh' },
      d: 3,
    });
  });
});
