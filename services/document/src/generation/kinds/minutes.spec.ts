import type { Block } from '../model';
import { BAC_KAN_2021, sessionEvent } from './kinds.spec-fixture';
import { minutesModel, type MinutesInput } from './minutes';

const texts = (blocks: Block[]) =>
  blocks.flatMap((block) =>
    block.kind === 'paragraph' || block.kind === 'heading' ? [block.text] : [],
  );
const tables = (blocks: Block[]) => blocks.filter((block) => block.kind === 'table');

const FULL: MinutesInput = {
  event: sessionEvent(),
  names: BAC_KAN_2021,
  people: {
    'u-chair': 'Đỗ Thị Hiền',
    'u-secretary': 'Hoàng Văn Minh',
    'u-m1': 'Lý Thị Hoa',
    'u-m2': 'Nông Văn Tú',
    'u-m3': 'Ma Thị Yến',
  },
  nominees: {
    'n-1': 'Phòng Quản lý công nghệ và chuyên ngành',
    'n-2': 'Bà Nguyễn Thị Lan',
    'n-9': 'Ông Hà Văn Sơn',
    'n-4': 'Bà Đỗ Thị Ánh',
    'n-5': 'Ông Trần Văn Bình',
    'n-6': 'Thanh tra Sở',
  },
  awardForms: {
    GIAY_KHEN_GD_SO: 'Giấy khen của Giám đốc Sở',
    BANG_KHEN_CT_UBND_TINH: 'Bằng khen của Chủ tịch UBND tỉnh',
  },
  plan: {
    planNumber: '27/KH-SKHCN',
    planIssuedOn: '2021-03-30',
    planTitle: 'Tổ chức đợt thi đua năm 2021',
  },
  quorum: { required: '2/3', met: true },
};

describe('the minutes (BB) of a council session from review.session-closed.v1', () => {
  const model = minutesModel(FULL);

  it('is headed by the agency and its council, dated the session’s day, without a number', () => {
    expect(model.header).toEqual({
      parentBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      issuingBody: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
      numberLine: '',
      placeAndDate: 'Bắc Kạn, ngày 14 tháng 5 năm 2021',
    });
    expect(model.typeName).toBe('BIÊN BẢN');
    expect(model.summary).toEqual([
      'Họp Hội đồng Thi đua - Khen thưởng Sở Khoa học và Công nghệ',
      'Xét khen thưởng theo Kế hoạch số 27/KH-SKHCN ngày 30/3/2021',
    ]);
    expect(model.meta).toEqual({
      date: '2021-05-14',
      title: 'Biên bản họp Hội đồng Thi đua - Khen thưởng ngày 14/5/2021',
    });
  });

  it('records time, place, attendance, quorum and rules', () => {
    expect(texts(model.body).slice(0, 12)).toEqual([
      'Vào ngày 14 tháng 5 năm 2021, tại Sở Khoa học và Công nghệ tỉnh Bắc Kạn, Hội đồng Thi đua - Khen thưởng Sở Khoa học và Công nghệ họp xét khen thưởng theo Kế hoạch số 27/KH-SKHCN ngày 30/3/2021 của Sở Khoa học và Công nghệ về việc tổ chức đợt thi đua năm 2021.',
      'I. THÀNH PHẦN',
      '1. Chủ trì: Đỗ Thị Hiền - Chủ tịch Hội đồng.',
      '2. Thư ký: Hoàng Văn Minh - Thư ký Hội đồng.',
      '3. Thành viên Hội đồng có mặt: 04/05 thành viên:',
      '- Đỗ Thị Hiền;',
      '- Hoàng Văn Minh;',
      '- Lý Thị Hoa;',
      '- Nông Văn Tú.',
      '4. Vắng mặt: Ma Thị Yến.',
      'Số thành viên có mặt bảo đảm tỷ lệ tối thiểu 2/3 tổng số thành viên Hội đồng theo quy định.',
      'Quy định áp dụng: Quy chế hoạt động của Hội đồng TĐKT Sở, Điều 6.',
    ]);
  });

  it('tallies each form in a table with its ballot, threshold and result', () => {
    const lines = texts(model.body);
    expect(lines).toContain('1. Giấy khen của Giám đốc Sở');
    expect(lines).toContain(
      'Chỉ tiêu: không quá 03 tập thể, cá nhân. Hình thức biểu quyết: biểu quyết công khai. Điều kiện đạt: số phiếu đồng ý từ 2/3 số thành viên có mặt trở lên.',
    );
    const [first] = tables(model.body);
    expect(first).toEqual({
      kind: 'table',
      columns: [
        { title: 'STT', width: 12 },
        { title: 'Tập thể, cá nhân được đề nghị', width: 61 },
        { title: 'Đồng ý', width: 20 },
        { title: 'Không đồng ý', width: 24 },
        { title: 'Số phiếu', width: 20 },
        { title: 'Kết quả', width: 28 },
      ],
      rows: [
        ['1', 'Phòng Quản lý công nghệ và chuyên ngành', '4', '0', '4', 'Đạt (thứ 1)'],
        ['2', 'Bà Nguyễn Thị Lan', '3', '1', '4', 'Đạt (thứ 2)'],
        ['3', 'Ông Hà Văn Sơn', '1', '3', '4', 'Không đạt'],
      ],
    });
    expect(lines).toContain(
      'Kết quả: Hội đồng thống nhất đề nghị khen thưởng 02 hồ sơ: Phòng Quản lý công nghệ và chuyên ngành, Bà Nguyễn Thị Lan.',
    );
  });

  it('records a tie for the last places, left to the chair, and the chair’s choice when known', () => {
    const lines = texts(model.body);
    expect(lines).toContain(
      'Có 03 hồ sơ cùng đạt 4 phiếu đồng ý cho 02 vị trí cuối cùng trong chỉ tiêu: Bà Đỗ Thị Ánh, Ông Trần Văn Bình, Thanh tra Sở. Theo quy định, Chủ tịch Hội đồng quyết định.',
    );
    expect(lines).toContain('Kết quả: không có hồ sơ nào được đề nghị khen thưởng.');
    const broken = texts(
      minutesModel({
        ...FULL,
        tieBreaks: {
          BANG_KHEN_CT_UBND_TINH: {
            chosenNominationIds: ['n-4', 'n-6'],
            reason: 'ưu tiên cá nhân là nữ',
          },
        },
      }).body,
    );
    expect(broken).toContain(
      'Chủ tịch Hội đồng quyết định chọn: Bà Đỗ Thị Ánh, Thanh tra Sở. Lý do: ưu tiên cá nhân là nữ.',
    );
    expect(broken).toContain(
      'Kết quả: Hội đồng thống nhất đề nghị khen thưởng 02 hồ sơ: Bà Đỗ Thị Ánh, Thanh tra Sở.',
    );
    expect(lines).toContain(
      'Chỉ tiêu: không quá 02 tập thể, cá nhân. Hình thức biểu quyết: bỏ phiếu kín. Điều kiện đạt: số phiếu đồng ý từ 2/3 tổng số thành viên Hội đồng trở lên.',
    );
  });

  it('closes at the local time of closing and is signed by the secretary and the chair side by side', () => {
    const lines = texts(model.body);
    expect(lines[lines.length - 1]).toBe(
      'Cuộc họp kết thúc lúc 10 giờ 30 phút cùng ngày. Biên bản đã được thông qua trước Hội đồng./.',
    );
    const last = model.body[model.body.length - 1];
    expect(last).toEqual({
      kind: 'table',
      columns: [
        { title: 'THƯ KÝ', width: 82 },
        { title: 'CHỦ TỊCH', width: 83 },
      ],
      rows: [['Hoàng Văn Minh', 'Đỗ Thị Hiền']],
    });
    expect(model.signature).toBeNull();
    expect(model.recipients).toBeNull();
  });

  it('prints ids where names are not known, and no plan nor quorum sentence without them', () => {
    const bare = minutesModel({ event: sessionEvent(), names: BAC_KAN_2021 });
    const lines = texts(bare.body);
    expect(lines).toContain('1. Chủ trì: u-chair - Chủ tịch Hội đồng.');
    expect(lines).toContain('1. GIAY_KHEN_GD_SO');
    expect(lines[0]).toBe(
      'Vào ngày 14 tháng 5 năm 2021, tại Sở Khoa học và Công nghệ tỉnh Bắc Kạn, Hội đồng Thi đua - Khen thưởng Sở Khoa học và Công nghệ họp xét khen thưởng.',
    );
    expect(lines.some((line) => line.startsWith('Số thành viên có mặt'))).toBe(false);
    expect(bare.summary[1]).toBe('Xét đề nghị khen thưởng');
  });
});
