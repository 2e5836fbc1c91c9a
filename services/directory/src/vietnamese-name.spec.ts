import { comparePeopleNames, foldAccents, givenNameOf } from './vietnamese-name';

describe('Vietnamese names', () => {
  it('folds accents, đ and case', () => {
    expect(foldAccents('Đỗ Thị Ánh NGUYỆT'.normalize('NFD'))).toBe('do thi anh nguyet');
  });

  it('takes the last word as the given name', () => {
    expect(givenNameOf(' Nguyễn  Thị Hồng Nhung ')).toBe('Nhung');
  });

  it('sorts by given name with the Vietnamese collator, then middle and family names', () => {
    const names = [
      'Trần Văn Bình',
      'Nguyễn Thị Ánh',
      'Lê Văn Đức',
      'Phạm Văn Dũng',
      'Bùi Thị Ánh',
      'Hà An',
    ];
    expect([...names].sort(comparePeopleNames)).toEqual([
      'Hà An',
      'Bùi Thị Ánh',
      'Nguyễn Thị Ánh',
      'Trần Văn Bình',
      'Phạm Văn Dũng',
      'Lê Văn Đức',
    ]);
  });
});
