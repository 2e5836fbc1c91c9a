import { formatRegisterNumber, registerSymbol } from './format-register-number';

describe('formatting a register number', () => {
  it('pads numbers below 10 with a zero', () => {
    expect(formatRegisterNumber(1, 'KH', 'SKHCN')).toBe('01/KH-SKHCN');
    expect(formatRegisterNumber(9, 'TTr', 'SKHCN')).toBe('09/TTr-SKHCN');
  });

  it('writes 10 and above as they are', () => {
    expect(formatRegisterNumber(27, 'KH', 'SKHCN')).toBe('27/KH-SKHCN');
    expect(formatRegisterNumber(100, 'QĐ', 'SKHCN')).toBe('100/QĐ-SKHCN');
  });

  it('writes the Vietnamese Đ as the one letter U+0110, in NFC', () => {
    const formatted = formatRegisterNumber(3, 'QĐ', 'SKHCN');
    expect(formatted).toBe('03/\u0051\u0110-SKHCN');
    expect(formatted).toBe(formatted.normalize('NFC'));
  });

  it('normalises an agency code sent in NFD', () => {
    const nfd = 'UBNDXÃ'.normalize('NFD');
    expect(registerSymbol('QĐ', nfd)).toBe('QĐ-UBNDXÃ'.normalize('NFC'));
  });

  it('refuses a number that is not a positive integer', () => {
    for (const number of [0, -1, 1.5, Number.NaN]) {
      expect(() => formatRegisterNumber(number, 'KH', 'SKHCN')).toThrow(RangeError);
    }
  });
});
