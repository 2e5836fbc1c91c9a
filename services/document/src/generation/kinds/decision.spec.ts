import type { Block } from '../model';
import { decisionModel } from './decision';
import { BAC_KAN_2021, decisionEvent, modelLines, THAI_NGUYEN_2026 } from './kinds.spec-fixture';

const texts = (blocks: Block[]) =>
  blocks.flatMap((block) =>
    block.kind === 'paragraph' || block.kind === 'heading' ? [block.text] : [],
  );

describe('the decision (QĐ) from review.decision-issued.v1', () => {
  const model = decisionModel({
    event: decisionEvent(),
    names: BAC_KAN_2021,
    sessionHeldOn: '2021-05-14',
  });

  it('has the decision’s number and date in the header, and its type and summary', () => {
    expect(model.header).toEqual({
      parentBody: 'UBND TỈNH BẮC KẠN',
      issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      numberLine: 'Số: 28/QĐ-SKHCN',
      placeAndDate: 'Bắc Kạn, ngày 17 tháng 5 năm 2021',
    });
    expect(model.typeName).toBe('QUYẾT ĐỊNH');
    expect(model.summary).toEqual([
      'Về việc tặng Giấy khen của Giám đốc Sở cho tập thể, cá nhân có thành tích xuất sắc trong thực hiện Kế hoạch số 27/KH-SKHCN ngày 30/3/2021 của Sở Khoa học và Công nghệ',
    ]);
    expect(model.meta).toEqual({ date: '2021-05-17', title: 'Quyết định số 28/QĐ-SKHCN' });
  });

  it('states the authority, the legal bases in force, the plan, the session and the proposer', () => {
    const lines = texts(model.body);
    expect(lines.slice(0, 7)).toEqual([
      'GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      expect.stringMatching(/^Căn cứ Luật Thi đua, khen thưởng năm 2003 .*;$/),
      expect.stringMatching(/^Căn cứ Nghị định số 91\/2017\/NĐ-CP .*;$/),
      'Căn cứ Kế hoạch số 27/KH-SKHCN ngày 30/3/2021 của Sở Khoa học và Công nghệ về việc tổ chức đợt thi đua thực hiện tốt cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp, nhiệm kỳ 2021-2026 và lập thành tích chào mừng kỷ niệm Ngày Khoa học và Công nghệ Việt Nam (18/5);',
      'Căn cứ kết quả họp xét của Hội đồng Thi đua - Khen thưởng Sở ngày 14/5/2021;',
      'Xét đề nghị của Chánh Văn phòng Sở.',
      'QUYẾT ĐỊNH:',
    ]);
  });

  it('cites the 2022 law and decree 152/2025 for a decision of 2026', () => {
    const later = decisionModel({
      event: decisionEvent({ decidedOn: '2026-01-05', number: '01/QĐ-SKHCN' }),
      names: THAI_NGUYEN_2026,
    });
    const lines = texts(later.body);
    expect(lines[1]).toBe('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;');
    expect(lines[2]).toMatch(/^Căn cứ Nghị định số 152\/2025\/NĐ-CP/);
    expect(later.header.placeAndDate).toBe('Thái Nguyên, ngày 05 tháng 01 năm 2026');
    expect(lines).not.toContainEqual(expect.stringMatching(/họp xét/));
  });

  it('awards in Điều 1, names the reward rule in Điều 2 without amounts, and who executes in Điều 3', () => {
    const articles = texts(model.body).filter((line) => line.startsWith('Điều '));
    expect(articles).toEqual([
      'Điều 1. Tặng Giấy khen của Giám đốc Sở cho 01 tập thể và 02 cá nhân có tên trong danh sách kèm theo Quyết định này, đã có thành tích xuất sắc trong thực hiện Kế hoạch số 27/KH-SKHCN ngày 30/3/2021 của Sở Khoa học và Công nghệ.',
      'Điều 2. Tập thể, cá nhân có tên tại Điều 1 được hưởng tiền thưởng theo quy định hiện hành. Quyết định này có hiệu lực kể từ ngày ký.',
      'Điều 3. Chánh Văn phòng Sở, Trưởng các phòng, đơn vị trực thuộc Sở và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    ]);
    expect(modelLines(model).join(' ')).not.toMatch(/\d[\d.]*\s*đồng|\d+\.\d{3}\b/);
  });

  it('sends it "Như Điều 3" first and to the archive last, signed by the signer', () => {
    expect(model.recipients).toEqual({
      heading: 'Nơi nhận:',
      entries: ['- Như Điều 3;', '- Ban TĐKT tỉnh (b/c);', '- Lưu: VT, VP.'],
    });
    expect(model.signature).toEqual({
      capacity: null,
      authority: null,
      title: 'GIÁM ĐỐC',
      name: 'Đỗ Thị Hiền',
    });
  });

  it('lists the awardees in an annex with the golden-book numbers, in the decision’s order', () => {
    expect(model.annexes).toHaveLength(1);
    const [annex] = model.annexes;
    expect(annex?.title).toEqual([
      'DANH SÁCH',
      'TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN',
      '(Kèm theo Quyết định số 28/QĐ-SKHCN ngày 17/5/2021 của Giám đốc Sở Khoa học và Công nghệ)',
    ]);
    const table = annex?.body[0];
    expect(table).toMatchObject({
      kind: 'table',
      columns: [
        { title: 'STT' },
        { title: 'Họ và tên / Tên tập thể' },
        { title: 'Chức vụ, đơn vị' },
        { title: 'Số sổ vàng' },
      ],
      rows: [
        ['1', 'Phòng Quản lý công nghệ và chuyên ngành', '', '1'],
        ['2', 'Nguyễn Thị Lan', 'Chuyên viên, Văn phòng Sở', '2'],
        ['3', 'Trần Văn Bình', 'Trưởng phòng, Phòng Kế hoạch - Tài chính', '3'],
      ],
    });
  });

  it('acts for the head when a deputy signs, and speaks of individuals only when there are no units', () => {
    const event = decisionEvent({
      signer: { capacity: 'KT.', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' },
    });
    const deputy = decisionModel({
      event: { ...event, awardees: event.awardees.slice(1) },
      names: BAC_KAN_2021,
    });
    expect(deputy.signature).toEqual({
      capacity: 'KT.',
      authority: 'GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
      name: 'Nguyễn Văn An',
    });
    expect(texts(deputy.body)[0]).toBe('GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(texts(deputy.body)).toContainEqual(
      expect.stringMatching(/^Điều 1\. Tặng Giấy khen của Giám đốc Sở cho 02 cá nhân có tên/),
    );
    expect(deputy.annexes[0]?.title[1]).toBe('CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN');
  });
});
