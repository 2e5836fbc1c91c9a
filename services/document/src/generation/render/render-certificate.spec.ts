import { docxText, expectInOrder, pdfText } from '@ttkt/testing';
import { renderCertificateDocx, renderCertificatesPdf } from './render-certificate';
import { sampleCertificate } from './render.spec-fixture';

const toMm = (pt: number): number => (pt * 25.4) / 72;

describe('renderCertificatesPdf', () => {
  const models = [
    sampleCertificate(1, 'Bà Nguyễn Thị Lan'),
    sampleCertificate(2, 'Ông Trần Văn Mỹ'),
    sampleCertificate(3, 'Phòng Quản lý công nghệ và chuyên ngành'),
  ];
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await renderCertificatesPdf(models);
  });

  it('puts each certificate on an A4 landscape page, text inside the margins', async () => {
    const { pages } = await pdfText(pdf);
    expect(pages).toHaveLength(3);
    for (const page of pages) {
      expect(Math.abs(toMm(page.width) - 297)).toBeLessThan(1);
      expect(Math.abs(toMm(page.height) - 210)).toBeLessThan(1);
      expect(toMm(page.minX)).toBeGreaterThan(29);
      expect(toMm(page.maxX)).toBeLessThanOrEqual(297 - 15 + 1);
      expect(Math.abs(toMm(page.minY) - 20)).toBeLessThan(1);
      expect(toMm(page.maxY)).toBeLessThanOrEqual(210 - 20 + 1);
      expect(page.fonts.map((f) => f.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
        'Tinos-Bold',
        'Tinos-Italic',
        'Tinos-Regular',
      ]);
    }
  });

  it('writes the header, award, recipient (NFC), decision and golden-book lines, signature', async () => {
    const { pages } = await pdfText(pdf);
    pages.forEach((page, i) => {
      expect(page.lines).toEqual(
        expect.arrayContaining([
          'UBND TỈNH BẮC KẠN',
          'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          'Độc lập - Tự do - Hạnh phúc',
          'GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BẮC KẠN',
          'GIẤY KHEN',
          'Tặng',
          models[i]!.recipientName.normalize('NFC'),
          'Quyết định số 28/QĐ-SKHCN ngày 17/5/2021',
          `Số sổ vàng: ${i + 1}`,
          'Bắc Kạn, ngày 17 tháng 5 năm 2021',
          'GIÁM ĐỐC',
          'Đỗ Thị Hiền',
        ]),
      );
      expectInOrder(page.lines.join('\n'), [
        'GIẤY KHEN',
        'Tặng',
        models[i]!.recipientName,
        'Chuyên viên Phòng Quản lý công nghệ và chuyên ngành',
        'Đã có thành tích xuất sắc trong đợt thi đua',
        'Ngày Khoa học và Công nghệ Việt Nam (18/5)',
        'Số sổ vàng',
        'Đỗ Thị Hiền',
      ]);
    });
  });

  it('keeps a long achievement on the page (smaller type)', async () => {
    const long = sampleCertificate(9);
    long.achievement = Array.from({ length: 8 }, () => long.achievement).join('; ');
    const { pages } = await pdfText(await renderCertificatesPdf([long]));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.lines).toContain('Đỗ Thị Hiền');
  });

  it('renders the same bytes twice', async () => {
    expect((await renderCertificatesPdf(models)).equals(pdf)).toBe(true);
  });

  it('refuses an empty list', async () => {
    await expect(renderCertificatesPdf([])).rejects.toThrow('No certificate');
  });
});

describe('renderCertificateDocx', () => {
  it('is A4 landscape with a double border, in Times New Roman, with the same text', async () => {
    const docx = await renderCertificateDocx(sampleCertificate(7));
    const { pageSize, margins, fonts, paragraphs, documentXml } = await docxText(docx);
    expect(pageSize.orientation).toBe('landscape');
    expect(Math.abs(pageSize.width - 297)).toBeLessThan(1);
    expect(Math.abs(pageSize.height - 210)).toBeLessThan(1);
    expect(Math.abs(margins.left - 30)).toBeLessThan(1);
    expect(fonts.default).toBe('Times New Roman');
    expect(documentXml).toMatch(/<w:pgBorders[^>]*>[\s\S]*w:val="double"/);
    expectInOrder(paragraphs.join('\n'), [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BẮC KẠN',
      'GIẤY KHEN',
      'Tặng',
      'Bà Nguyễn Thị Lan',
      'Đã có thành tích xuất sắc',
      'Quyết định số 28/QĐ-SKHCN ngày 17/5/2021',
      'Số sổ vàng: 7',
      'Bắc Kạn, ngày 17 tháng 5 năm 2021',
      'GIÁM ĐỐC',
      'Đỗ Thị Hiền',
    ]);
    expect(documentXml).toBe(documentXml.normalize('NFC'));
    expect((await renderCertificateDocx(sampleCertificate(7))).equals(docx)).toBe(true);
  });
});
