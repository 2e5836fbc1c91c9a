import { collapse, expectInOrder } from './text';

describe('collapse', () => {
  it('collapses whitespace and line breaks to single spaces, trims, and normalises to NFC', () => {
    expect(collapse('  Bắc\n Kạn,\t\tngày '.normalize('NFD'))).toBe('Bắc Kạn, ngày');
  });
});

describe('expectInOrder', () => {
  const text = 'KẾ HOẠCH\nI. MỤC ĐÍCH,\nYÊU CẦU\nII. NỘI DUNG';

  it('accepts needles found one after another, across line breaks', () => {
    expect(() => expectInOrder(text, ['KẾ HOẠCH', 'MỤC ĐÍCH, YÊU CẦU', 'II.'])).not.toThrow();
  });

  it('names a needle found only before the previous one', () => {
    expect(() => expectInOrder(text, ['II. NỘI DUNG', 'KẾ HOẠCH'])).toThrow(
      /Needle 2\/2 not found after position \d+ \(it occurs earlier, at 0/,
    );
  });

  it('names a needle found nowhere and shows the text where the search stood', () => {
    expect(() => expectInOrder(text, ['KẾ HOẠCH', 'III.'])).toThrow(
      /Needle 2\/2 not found after position 8 \(it does not occur at all\):\n {2}"III\."\nText from 0:\n {2}"KẾ HOẠCH I\. MỤC/,
    );
  });
});
