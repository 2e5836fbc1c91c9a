import type { Block } from '../model';
import { comparePeopleNames } from './collation';
import { BAC_KAN_2021, proposalEvent } from './kinds.spec-fixture';
import { proposalModel, summaryListModels } from './proposal';

const texts = (blocks: Block[]) =>
  blocks.flatMap((block) =>
    block.kind === 'paragraph' || block.kind === 'heading' ? [block.text] : [],
  );

describe('the proposal letter (TTr) from review.proposal-issued.v1', () => {
  const model = proposalModel({
    event: proposalEvent(),
    names: BAC_KAN_2021,
    sessionHeldOn: '2021-05-14',
  });

  it('has the letter’s number and date, its type and what it proposes', () => {
    expect(model.header).toEqual({
      parentBody: 'UBND TỈNH BẮC KẠN',
      issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      numberLine: 'Số: 05/TTr-SKHCN',
      placeAndDate: 'Bắc Kạn, ngày 25 tháng 5 năm 2021',
    });
    expect(model.typeName).toBe('TỜ TRÌNH');
    expect(model.summary).toEqual([
      'Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho tập thể, cá nhân có thành tích xuất sắc trong thực hiện Kế hoạch số 27/KH-SKHCN ngày 30/3/2021 của Sở Khoa học và Công nghệ',
    ]);
    expect(model.meta).toEqual({ date: '2021-05-25', title: 'Tờ trình số 05/TTr-SKHCN' });
  });

  it('is addressed to who decides, cites the plan and the session, lists the nominees and asks', () => {
    expect(texts(model.body)).toEqual([
      'Kính gửi: Chủ tịch UBND tỉnh Bắc Kạn',
      'Căn cứ Kế hoạch số 27/KH-SKHCN ngày 30/3/2021 của Sở Khoa học và Công nghệ về việc tổ chức đợt thi đua thực hiện tốt cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp, nhiệm kỳ 2021-2026 và lập thành tích chào mừng kỷ niệm Ngày Khoa học và Công nghệ Việt Nam (18/5);',
      'Căn cứ kết quả họp xét của Hội đồng Thi đua - Khen thưởng Sở ngày 14/5/2021;',
      'Sở Khoa học và Công nghệ kính trình Chủ tịch UBND tỉnh Bắc Kạn xem xét, tặng Bằng khen cho 01 tập thể và 03 cá nhân đã có thành tích xuất sắc trong thực hiện Kế hoạch số 27/KH-SKHCN ngày 30/3/2021 của Sở Khoa học và Công nghệ, cụ thể như sau:',
      '1. Phòng Quản lý công nghệ và chuyên ngành;',
      '2. Bà Đỗ Thị Ánh, Phó Chánh Văn phòng, Văn phòng Sở;',
      '3. Ông Trần Văn Bình, Trưởng phòng, Phòng Kế hoạch - Tài chính;',
      '4. Bà Nguyễn Thị Lan, Chuyên viên, Văn phòng Sở.',
      '(Có danh sách trích ngang, biên bản họp xét và tóm tắt thành tích kèm theo)',
      'Hồ sơ đề nghị khen thưởng được nộp tại Trung tâm phục vụ Hành chính công tỉnh Bắc Kạn (lĩnh vực Sở Nội vụ).',
      'Sở Khoa học và Công nghệ kính trình Chủ tịch UBND tỉnh Bắc Kạn xem xét, quyết định./.',
    ]);
  });

  it('cites the session without a date when only its id is known, and none without a session', () => {
    const undated = texts(proposalModel({ event: proposalEvent(), names: BAC_KAN_2021 }).body);
    expect(undated[2]).toBe('Căn cứ kết quả họp xét của Hội đồng Thi đua - Khen thưởng Sở;');
    const none = texts(
      proposalModel({ event: proposalEvent({ sessionId: null }), names: BAC_KAN_2021 }).body,
    );
    expect(none.some((line) => line.includes('họp xét của Hội đồng'))).toBe(false);
  });

  it('sends it "Như trên" first and to the archive last', () => {
    expect(model.recipients).toEqual({
      heading: 'Nơi nhận:',
      entries: ['- Như trên;', '- Lưu: VT, VP.'],
    });
    expect(model.signature).toEqual({
      capacity: null,
      authority: null,
      title: 'GIÁM ĐỐC',
      name: 'Đỗ Thị Hiền',
    });
  });
});

describe('the summary list (danh sách trích ngang) of a proposal', () => {
  const { docx, sheet } = summaryListModels({ event: proposalEvent(), names: BAC_KAN_2021 });
  const columns = ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Chức vụ', 'Đơn vị', 'Thành tích'];

  it('is a landscape table under its title, attached to the letter', () => {
    expect(docx).toMatchObject({
      kind: 'summary-list',
      orientation: 'landscape',
      typeName: 'DANH SÁCH TRÍCH NGANG',
      summary: [
        'Tập thể, cá nhân đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh',
        '(Kèm theo Tờ trình số 05/TTr-SKHCN ngày 25/5/2021 của Sở Khoa học và Công nghệ)',
      ],
      recipients: null,
      meta: {
        date: '2021-05-25',
        title: 'Danh sách trích ngang kèm theo Tờ trình số 05/TTr-SKHCN',
      },
    });
    expect(docx.header.numberLine).toBe('');
    const [table] = docx.body;
    expect(table?.kind === 'table' && table.columns.map((column) => column.title)).toEqual(columns);
    expect(
      table?.kind === 'table' && table.columns.reduce((sum, column) => sum + column.width, 0),
    ).toBe(252);
  });

  it('lists the unit first, then people in Vietnamese order by given, middle and family name', () => {
    const [table] = docx.body;
    expect(table?.kind === 'table' && table.rows).toEqual([
      [
        '1',
        'Phòng Quản lý công nghệ và chuyên ngành',
        '',
        '',
        '',
        'Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
        'Đã có thành tích xuất sắc trong đợt thi đua năm 2021',
      ],
      [
        '2',
        'Đỗ Thị Ánh',
        '1990',
        'Nữ',
        'Phó Chánh Văn phòng',
        'Văn phòng Sở',
        'Đã có thành tích xuất sắc trong đợt thi đua năm 2021',
      ],
      [
        '3',
        'Trần Văn Bình',
        '1979',
        'Nam',
        'Trưởng phòng',
        'Phòng Kế hoạch - Tài chính',
        'Đã có thành tích xuất sắc trong đợt thi đua năm 2021',
      ],
      [
        '4',
        'Nguyễn Thị Lan',
        '1985',
        'Nữ',
        'Chuyên viên',
        'Văn phòng Sở',
        'Đã có thành tích xuất sắc trong đợt thi đua năm 2021',
      ],
    ]);
  });

  it('gives the same rows to the sheet, numbers as numbers', () => {
    expect(sheet.title).toEqual([
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'DANH SÁCH TRÍCH NGANG',
      ...docx.summary,
    ]);
    expect(sheet.columns.map((column) => column.title)).toEqual(columns);
    expect(sheet.rows.map((row) => row.slice(0, 4))).toEqual([
      [1, 'Phòng Quản lý công nghệ và chuyên ngành', '', ''],
      [2, 'Đỗ Thị Ánh', 1990, 'Nữ'],
      [3, 'Trần Văn Bình', 1979, 'Nam'],
      [4, 'Nguyễn Thị Lan', 1985, 'Nữ'],
    ]);
    const people = sheet.rows.slice(1).map((row) => row[1] as string);
    expect(people).toEqual([...people].sort(comparePeopleNames));
    expect(sheet.meta).toEqual(docx.meta);
  });
});
