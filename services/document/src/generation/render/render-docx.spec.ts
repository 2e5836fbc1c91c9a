import { docxText, expectInOrder, zipEntries } from '@ttkt/testing';
import { renderDocx } from './render-docx';
import { sampleDecision } from './render.spec-fixture';

describe('renderDocx', () => {
  let docx: Buffer;

  beforeAll(async () => {
    docx = await renderDocx(sampleDecision());
  });

  it('sets A4 portrait and the Decree 30 margins (20/20/30/15 mm)', async () => {
    const { pageSize, margins } = await docxText(docx);
    expect(Math.abs(pageSize.width - 210)).toBeLessThan(1);
    expect(Math.abs(pageSize.height - 297)).toBeLessThan(1);
    expect(Math.abs(margins.top - 20)).toBeLessThan(1);
    expect(Math.abs(margins.bottom - 20)).toBeLessThan(1);
    expect(Math.abs(margins.left - 30)).toBeLessThan(1);
    expect(Math.abs(margins.right - 15)).toBeLessThan(1);
  });

  it('sets Times New Roman 14 pt by default and names no other font', async () => {
    const { fonts } = await docxText(docx);
    expect(fonts.default).toBe('Times New Roman');
    expect(fonts.used.every((f) => f === 'Times New Roman')).toBe(true);
    const styles = (await zipEntries(docx, ['word/styles.xml'])).get('word/styles.xml') ?? '';
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:sz w:val="28"\/>/);
  });

  it('keeps header lines whole and the text in order', async () => {
    const { paragraphs } = await docxText(docx);
    expect(paragraphs.slice(0, 6)).toEqual([
      'UBND TỈNH BẮC KẠN',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'Số: 28/QĐ-SKHCN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Bắc Kạn, ngày 17 tháng 5 năm 2021',
    ]);
    expectInOrder(paragraphs.join('\n'), [
      'QUYẾT ĐỊNH',
      'Về việc tặng Giấy khen cho các tập thể, cá nhân',
      'Điều 1. Tặng Giấy khen cho 02 cá nhân và 01 tập thể',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'STT Họ và tên Chức vụ, đơn vị 1 Bà Nguyễn Thị Lan',
      'Điều 2.',
      'Nơi nhận: - Như Điều 2; - Ban TĐKT tỉnh; - Phòng QLCNCN (đăng Website, mục KTXP); - Lưu: VT, VP.',
      'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Đỗ Thị Hiền',
      'DANH SÁCH Tập thể, cá nhân được tặng Giấy khen',
      '60 Nguyễn Văn Thủy 60',
    ]);
  });

  it('justifies the body, repeats table headers and starts the annex on a new page', async () => {
    const { documentXml } = await docxText(docx);
    expect(documentXml).toContain('<w:jc w:val="both"/>');
    expect(documentXml).toContain('<w:tblHeader/>');
    expect(documentXml).toMatch(/<w:pageBreakBefore\/>[\s\S]*?DANH SÁCH/);
  });

  it('turns NFD input into NFC text', async () => {
    const { documentXml } = await docxText(docx);
    expect(documentXml).toBe(documentXml.normalize('NFC'));
    expect(documentXml).toContain('thành tích xuất sắc trong đợt thi đua');
  });

  it('renders the same bytes twice, dated from the model', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2100)); // zip times have 2 s steps
    expect((await renderDocx(sampleDecision())).equals(docx)).toBe(true);
    const core = (await zipEntries(docx, ['docProps/core.xml'])).get('docProps/core.xml') ?? '';
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2021-05-16T17:00:00Z</dcterms:created>',
    );
    expect(core).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2021-05-16T17:00:00Z</dcterms:modified>',
    );
    expect(core).toContain('<dc:title>Quyết định số 28/QĐ-SKHCN</dc:title>');
  });

  it('lays out a landscape section when asked', async () => {
    const { pageSize } = await docxText(
      await renderDocx({ ...sampleDecision(), orientation: 'landscape' }),
    );
    expect(pageSize.orientation).toBe('landscape');
    expect(Math.abs(pageSize.width - 297)).toBeLessThan(1);
    expect(Math.abs(pageSize.height - 210)).toBeLessThan(1);
  });
});
