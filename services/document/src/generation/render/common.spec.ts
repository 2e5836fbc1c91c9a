import { documentInstant, fixZipTimes, nfcDeep } from './common';

describe('documentInstant', () => {
  it('is midnight of the date in Vietnam', () => {
    expect(documentInstant('2021-03-30').toISOString()).toBe('2021-03-29T17:00:00.000Z');
  });
  it('refuses anything but YYYY-MM-DD', () => {
    expect(() => documentInstant('30/03/2021')).toThrow('Invalid document date');
  });
});

describe('nfcDeep', () => {
  it('normalises every string, deep, and keeps the rest', () => {
    const nfd = 'Nguyễn'.normalize('NFD');
    expect(nfcDeep({ a: [nfd, 1, null], b: { c: nfd, d: true } })).toEqual({
      a: ['Nguyễn', 1, null],
      b: { c: 'Nguyễn', d: true },
    });
  });
});

describe('fixZipTimes', () => {
  it('refuses what is not a zip', () => {
    expect(() => fixZipTimes(Buffer.from('not a zip'), '2021-03-30')).toThrow('Not a zip file');
  });
});
