import { dateParts, localDateTime, printedCount, shortDate, vietnameseDate } from './dates';

describe('document dates', () => {
  it('spells the plan’s date as the plan prints it', () => {
    expect(vietnameseDate('2021-03-30')).toBe('ngày 30 tháng 3 năm 2021');
  });

  it('zero-pads a day below 10 and the months January and February only', () => {
    expect(vietnameseDate('2022-01-05')).toBe('ngày 05 tháng 01 năm 2022');
    expect(vietnameseDate('2021-02-28')).toBe('ngày 28 tháng 02 năm 2021');
    expect(vietnameseDate('2021-03-09')).toBe('ngày 09 tháng 3 năm 2021');
    expect(vietnameseDate('2021-12-10')).toBe('ngày 10 tháng 12 năm 2021');
  });

  it('writes dates in figures with the same rule, as the plan cites documents', () => {
    expect(shortDate('2021-03-02')).toBe('02/3/2021');
    expect(shortDate('2021-02-04')).toBe('04/02/2021');
    expect(shortDate('2021-05-17')).toBe('17/5/2021');
    expect(shortDate('2021-03-30')).toBe('30/3/2021');
  });

  it('refuses what is not a real calendar date', () => {
    for (const date of ['2021-02-30', '30/3/2021', '2021-3-30', '']) {
      expect(() => dateParts(date)).toThrow(RangeError);
    }
  });

  it('reads an instant as local time in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(localDateTime('2021-05-14T03:30:00.000Z')).toEqual({
      date: '2021-05-14',
      time: '10 giờ 30 phút',
    });
    expect(localDateTime('2021-05-14T17:05:00Z')).toEqual({
      date: '2021-05-15',
      time: '0 giờ 05 phút',
    });
    expect(() => localDateTime('soon')).toThrow(RangeError);
  });

  it('zero-pads counts below 10', () => {
    expect(printedCount(3)).toBe('03');
    expect(printedCount(12)).toBe('12');
  });
});
