import { comparePeopleNames, compareVietnamese, nameParts } from './collation';

describe('Vietnamese collation of names', () => {
  it('splits a full name into family, middle and given names', () => {
    expect(nameParts(' Nguyễn  Thị Quỳnh Hương ')).toEqual({
      family: 'Nguyễn',
      middle: 'Thị Quỳnh',
      given: 'Hương',
    });
    expect(nameParts('Lan')).toEqual({ family: '', middle: '', given: 'Lan' });
  });

  it('orders people by given name first, then middle, then family name', () => {
    const names = ['Nguyễn Thị Lan', 'Trần Văn Bình', 'Đỗ Thị Ánh', 'Lê Văn Bình', 'Lê Thị Bình'];
    expect([...names].sort(comparePeopleNames)).toEqual([
      'Đỗ Thị Ánh',
      'Lê Thị Bình',
      'Lê Văn Bình',
      'Trần Văn Bình',
      'Nguyễn Thị Lan',
    ]);
  });

  it('follows the Vietnamese alphabet, not byte order (a < ă < â, d < đ, o < ô < ơ, u < ư)', () => {
    const names = ['Ư', 'Ơ', 'Đ', 'Â', 'U', 'O', 'Ă', 'D', 'Ô', 'A'];
    expect([...names].sort(compareVietnamese)).toEqual([
      'A',
      'Ă',
      'Â',
      'D',
      'Đ',
      'O',
      'Ô',
      'Ơ',
      'U',
      'Ư',
    ]);
    expect(comparePeopleNames('Lê Văn Đông', 'Lê Văn Dũng')).toBeGreaterThan(0);
  });

  it('compares NFD input as its NFC form', () => {
    expect(comparePeopleNames('Nguyễn Thị Ánh'.normalize('NFD'), 'Nguyễn Thị Ánh')).toBe(0);
  });
});
