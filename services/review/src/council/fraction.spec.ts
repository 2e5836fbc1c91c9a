import { parseFraction, reaches } from './fraction';

describe('fractions', () => {
  it('parses p/q with 0 < p ≤ q', () => {
    expect(parseFraction('2/3')).toEqual({ p: 2n, q: 3n });
    expect(parseFraction('1/1')).toEqual({ p: 1n, q: 1n });
    for (const text of ['0/3', '4/3', '1/0', '2/3 ', '-1/2', '1.5/2', '2']) {
      expect(parseFraction(text)).toBeNull();
    }
  });

  it('compares exactly: 2 of 3 reaches 2/3, 3 of 5 does not, 6666 of 9999 does', () => {
    expect(reaches(2, 3, { p: 2n, q: 3n })).toBe(true);
    expect(reaches(3, 5, { p: 2n, q: 3n })).toBe(false);
    expect(reaches(6666, 9999, { p: 2n, q: 3n })).toBe(true);
    expect(reaches(6665, 9999, { p: 2n, q: 3n })).toBe(false);
  });
});
