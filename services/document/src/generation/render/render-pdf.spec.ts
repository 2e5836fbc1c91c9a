import { collapse, expectInOrder, pdfText, type PdfPageText } from '@ttkt/testing';
import { renderPdf } from './render-pdf';
import { sampleDecision } from './render.spec-fixture';

const MM = 72 / 25.4;
const toMm = (pt: number): number => pt / MM;

describe('renderPdf', () => {
  let pdf: Buffer;
  let pages: PdfPageText[];
  let text: string;

  beforeAll(async () => {
    pdf = await renderPdf(sampleDecision());
    ({ pages, text } = await pdfText(pdf));
  });

  it('lays out A4 portrait pages within the Decree 30 margins (20/20/30/15 mm)', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      expect(Math.abs(toMm(page.width) - 210)).toBeLessThan(1);
      expect(Math.abs(toMm(page.height) - 297)).toBeLessThan(1);
      expect(toMm(page.minX)).toBeGreaterThan(29);
      expect(toMm(page.maxX)).toBeLessThanOrEqual(210 - 15 + 1);
      expect(toMm(page.maxY)).toBeLessThanOrEqual(297 - 20 + 1);
    }
    const first = pages[0]!;
    expect(Math.abs(toMm(first.minX) - 30)).toBeLessThan(1);
    expect(Math.abs(toMm(first.minY) - 20)).toBeLessThan(1);
    // Justified lines reach the right margin.
    expect(Math.abs(toMm(first.maxX) - (210 - 15))).toBeLessThan(1);
  });

  it('sets text in Tinos regular, bold, italic and bold italic', () => {
    const fonts = new Set(pages.flatMap((p) => p.fonts.map((f) => f.replace(/^[A-Z]{6}\+/, ''))));
    expect([...fonts].sort()).toEqual([
      'Tinos-Bold',
      'Tinos-BoldItalic',
      'Tinos-Italic',
      'Tinos-Regular',
    ]);
  });

  it('gives each header line a line of its own', () => {
    expect(pages[0]!.lines.slice(0, 6)).toEqual([
      'UBND TỈNH BẮC KẠN',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'Số: 28/QĐ-SKHCN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Bắc Kạn, ngày 17 tháng 5 năm 2021',
    ]);
    expect(pages[0]!.lines).toEqual(expect.arrayContaining(['QUYẾT ĐỊNH', 'I. MỤC ĐÍCH, YÊU CẦU']));
  });

  it('keeps the text in order: body, table, "Nơi nhận:" entries, signature, then the annex', () => {
    expectInOrder(text, [
      'QUYẾT ĐỊNH',
      'Về việc tặng Giấy khen cho các tập thể, cá nhân',
      'Điều 1. Tặng Giấy khen cho 02 cá nhân và 01 tập thể (có danh sách kèm theo)',
      '1 Bà Nguyễn Thị Lan Chuyên viên Phòng Quản lý công nghệ và chuyên ngành',
      'Điều 2.',
      'Nơi nhận:',
      '- Như Điều 2;',
      '- Phòng QLCNCN (đăng Website, mục KTXP);',
      '- Lưu: VT, VP.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Đỗ Thị Hiền',
      'DANH SÁCH',
      '60 Nguyễn Văn Thủy 60',
    ]);
  });

  it('starts each annex on a new page and repeats the table header on the next page', () => {
    const annex = pages.findIndex((p) => p.lines[0] === 'DANH SÁCH');
    expect(annex).toBeGreaterThan(0);
    expect(pages[annex]!.lines.slice(1, 4)).toEqual([
      'Tập thể, cá nhân được tặng Giấy khen',
      '(Kèm theo Quyết định số 28/QĐ-SKHCN ngày 17/5/2021)',
      'STT Họ và tên Chức vụ, đơn vị',
    ]);
    const next = pages[annex + 1];
    expect(next?.lines[0]).toBe('STT Họ và tên Chức vụ, đơn vị');
  });

  it('turns NFD input into NFC text', () => {
    expect(text).toBe(text.normalize('NFC'));
    expect(collapse(text)).toContain('thành tích xuất sắc trong đợt thi đua');
  });

  it('renders the same bytes again, whatever the process rendered in between', async () => {
    const other = sampleDecision();
    other.header.issuingBody = 'BAN THI ĐUA - KHEN THƯỞNG';
    other.body.push({ kind: 'heading', text: 'III. KHEN THƯỞNG Ỹ Ữ Ẫ Ồ ễ ẫ ỗ ự' });
    await renderPdf({ ...other, orientation: 'landscape' });
    expect((await renderPdf(sampleDecision())).equals(pdf)).toBe(true);
    // Every letter keeps its text (no glyph without Unicode after other documents).
    const again = await pdfText(await renderPdf(other));
    expectInOrder(again.text, ['BAN THI ĐUA - KHEN THƯỞNG', 'III. KHEN THƯỞNG Ỹ Ữ Ẫ Ồ ễ ẫ ỗ ự']);
  });

  it('dates the file from the model and names its producer and title', async () => {
    const { info } = await pdfText(pdf);
    expect(info).toMatchObject({
      CreationDate: 'D:20210516170000Z',
      Producer: 'Thi đua – Khen thưởng',
      Creator: 'Thi đua – Khen thưởng',
      Title: 'Quyết định số 28/QĐ-SKHCN',
    });
  });

  it('lays out landscape pages when asked', async () => {
    const { pages: wide } = await pdfText(
      await renderPdf({ ...sampleDecision(), orientation: 'landscape', annexes: [] }),
    );
    expect(Math.abs(toMm(wide[0]!.width) - 297)).toBeLessThan(1);
    expect(Math.abs(toMm(wide[0]!.height) - 210)).toBeLessThan(1);
    expect(toMm(wide[0]!.maxX)).toBeLessThanOrEqual(297 - 15 + 1);
  });

  it('shrinks a header line too long for its column instead of wrapping it', async () => {
    const model = sampleDecision();
    model.header.issuingBody = 'BAN THI ĐUA - KHEN THƯỞNG VÀ TUYÊN TRUYỀN TỈNH BẮC KẠN';
    const { pages: p } = await pdfText(await renderPdf(model));
    expect(p[0]!.lines).toContain('BAN THI ĐUA - KHEN THƯỞNG VÀ TUYÊN TRUYỀN TỈNH BẮC KẠN');
  });

  it('splits a paragraph given with line breaks into paragraphs', async () => {
    const model = sampleDecision();
    model.body = [{ kind: 'paragraph', indent: true, text: 'Dòng một.\nDòng hai.' }];
    model.annexes = [];
    const { pages: p } = await pdfText(await renderPdf(model));
    expect(p[0]!.lines).toEqual(expect.arrayContaining(['Dòng một.', 'Dòng hai.']));
  });
});
