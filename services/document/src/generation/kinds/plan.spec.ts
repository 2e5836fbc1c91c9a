import type { Block } from '../model';
import { loadBacKanFixture, type JsonObject } from '@ttkt/testing';
import { BAC_KAN_2021, issuedPlan, modelLines } from './kinds.spec-fixture';
import { planModel } from './plan';

const texts = (blocks: Block[]) =>
  blocks.flatMap((block) =>
    block.kind === 'heading' || block.kind === 'paragraph' ? [block.text] : [],
  );

describe('the plan (KH) from campaign.issued.v1', () => {
  const fixture = (loadBacKanFixture() as { campaign: JsonObject }).campaign;
  const model = planModel({ event: issuedPlan(fixture), names: BAC_KAN_2021 });
  const campaign = fixture as unknown as {
    title: string;
    preamble: string;
    closing: string;
    purposes: string[];
    recipientsHeading: string;
  };

  it('has the 2021 header, the type name and the title as the summary', () => {
    expect(model.header).toEqual({
      parentBody: 'UBND TỈNH BẮC KẠN',
      issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      numberLine: 'Số: 27/KH-SKHCN',
      placeAndDate: 'Bắc Kạn, ngày 30 tháng 3 năm 2021',
    });
    expect(model).toMatchObject({
      kind: 'plan',
      orientation: 'portrait',
      typeName: 'KẾ HOẠCH',
      summary: [campaign.title],
      annexes: [],
      meta: { date: '2021-03-30', title: 'Kế hoạch số 27/KH-SKHCN' },
    });
  });

  it('prints the sections I–IV as the plan does, its texts verbatim', () => {
    const lines = texts(model.body);
    expect(lines[0]).toBe(campaign.preamble);
    expect(lines).toEqual(
      expect.arrayContaining([
        'I. MỤC ĐÍCH, YÊU CẦU',
        `1. ${campaign.purposes[0]}`,
        'II. NỘI DUNG THI ĐUA',
        'III. KHEN THƯỞNG TỔNG KẾT ĐỢT THI ĐUA',
        '1. Đối tượng, hình thức, số lượng khen thưởng',
        '- Tập thể: Các phòng, đơn vị trực thuộc Sở.',
        '- Cá nhân: Công chức, viên chức, người lao động của Sở.',
        '- Giấy khen của Giám đốc Sở không quá 03 tập thể, cá nhân.',
        '2. Tiêu chuẩn khen thưởng',
        '- Đối với tập thể:',
        '+ Không để xảy ra khiếu nại, tố cáo.',
        '3. Thủ tục, hồ sơ, thời gian nhận hồ sơ khen thưởng',
        'a) Giấy khen của Giám đốc Sở',
        'b) Bằng khen của Chủ tịch UBND tỉnh',
        'IV. TỔ CHỨC THỰC HIỆN',
        campaign.closing,
      ]),
    );
    const order = ['I. ', 'II. ', 'III. ', 'IV. '].map((prefix) =>
      lines.findIndex((line) => line.startsWith(prefix)),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('does not repeat a basis the preamble already quotes, and cites one it does not', () => {
    expect(texts(model.body).some((line) => line.startsWith('Căn cứ'))).toBe(false);
    const event = issuedPlan(fixture);
    const other = planModel({
      event: {
        ...event,
        plan: { ...event.plan, basis: ['Kế hoạch số 01/KH-UBND ngày 05/01/2021'] },
      },
      names: BAC_KAN_2021,
    });
    expect(other.body[0]).toEqual({
      kind: 'paragraph',
      text: 'Căn cứ Kế hoạch số 01/KH-UBND ngày 05/01/2021;',
      italic: true,
      indent: true,
    });
  });

  it('lists "Nơi nhận" under the plan’s heading, the last entry ending with a full stop', () => {
    expect(model.recipients).toEqual({
      heading: 'Nơi nhận:',
      entries: [
        campaign.recipientsHeading,
        '- Ban TĐKT tỉnh;',
        '- Ban Giám đốc;',
        '- Các phòng, đơn vị;',
        '- Phòng QLCNCN (đăng Website, mục KTXP);',
        '- Lưu: VT, VP.',
      ],
    });
    expect(model.signature).toEqual({
      capacity: null,
      authority: null,
      title: 'GIÁM ĐỐC',
      name: 'Đỗ Thị Hiền',
    });
  });

  it('is the same for the same event, in NFC even from NFD input', () => {
    const event = issuedPlan(fixture);
    const nfd = JSON.parse(JSON.stringify(event).normalize('NFD')) as typeof event;
    const fromNfd = planModel({ event: nfd, names: BAC_KAN_2021 });
    expect(fromNfd).toEqual(model);
    expect(planModel({ event: issuedPlan(fixture), names: BAC_KAN_2021 })).toEqual(model);
    for (const line of modelLines(model)) expect(line).toBe(line.normalize('NFC'));
  });
});
