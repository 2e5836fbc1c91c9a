import { demoPdf, withoutDiacritics } from './demo-pdf';

describe('demoPdf', () => {
  const pdf = demoPdf('Báo cáo thành tích - Đinh Thị Ngọc Ánh', [
    'Sở Khoa học và Công nghệ tỉnh Thái Nguyên',
    'Thực hiện (Kế hoạch) số 01/KH-SKHCN \\ năm 2026',
  ]);
  const text = pdf.toString('latin1');

  it('is a PDF 1.4 whose cross-reference table points at each object', () => {
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
    const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) =>
      Number(match[1]),
    );
    expect(entries).toHaveLength(6);
    entries.forEach((offset, index) => {
      const header = `${index + 1} 0 obj\n`;
      expect(text.slice(offset, offset + header.length)).toBe(header);
    });
    expect(text).toContain('/Size 7 /Root 1 0 R /Info 6 0 R');
  });

  it("gives its content stream's exact length and escapes the page's strings", () => {
    const length = Number(/<< \/Length (\d+) >>\nstream\n/.exec(text)?.[1]);
    const start = text.indexOf('stream\n') + 'stream\n'.length;
    expect(text.slice(start + length, start + length + 'endstream'.length)).toBe('endstream');
    expect(text).toContain('(Thuc hien \\(Ke hoach\\) so 01/KH-SKHCN \\\\ nam 2026) Tj');
    expect(text).toContain('(Bao cao thanh tich - Dinh Thi Ngoc Anh) Tj');
  });

  it('carries the title in full as UTF-16BE in the document information', () => {
    const hex = /\/Title <FEFF([0-9A-F]+)>/.exec(text)?.[1] ?? '';
    const bytes = Buffer.from(hex, 'hex');
    expect(bytes.swap16().toString('utf16le')).toBe('Báo cáo thành tích - Đinh Thị Ngọc Ánh');
  });

  it('folds Vietnamese to ASCII', () => {
    expect(withoutDiacritics('Đặng Quốc Khánh, biên bản họp xét')).toBe(
      'Dang Quoc Khanh, bien ban hop xet',
    );
  });
});
