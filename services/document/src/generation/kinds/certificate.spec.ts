import { certificateModels } from './certificate';
import { BAC_KAN_2021, decisionEvent } from './kinds.spec-fixture';

describe('certificates (Giấy khen) from review.decision-issued.v1', () => {
  const models = certificateModels({ event: decisionEvent(), names: BAC_KAN_2021 });

  it('makes one landscape certificate per awardee, in the decision’s order', () => {
    expect(models).toHaveLength(3);
    expect(models.map((model) => model.recipientName)).toEqual([
      'Phòng Quản lý công nghệ và chuyên ngành',
      'Bà Nguyễn Thị Lan',
      'Ông Trần Văn Bình',
    ]);
    for (const model of models)
      expect(model).toMatchObject({ kind: 'certificate', orientation: 'landscape' });
  });

  it('prints the issuer, the award, the detail, the decision and the golden-book number', () => {
    expect(models[1]).toEqual({
      kind: 'certificate',
      orientation: 'landscape',
      header: {
        parentBody: 'UBND TỈNH BẮC KẠN',
        issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
        numberLine: '',
        placeAndDate: 'Bắc Kạn, ngày 17 tháng 5 năm 2021',
      },
      issuerLine: 'GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BẮC KẠN',
      awardName: 'GIẤY KHEN',
      recipientName: 'Bà Nguyễn Thị Lan',
      recipientDetail: 'Chuyên viên, Văn phòng Sở',
      achievement: 'Đã có thành tích xuất sắc trong đợt thi đua năm 2021.',
      decisionLine: 'Quyết định số 28/QĐ-SKHCN ngày 17/5/2021',
      goldenBookLine: 'Số sổ vàng: 2',
      placeAndDate: 'Bắc Kạn, ngày 17 tháng 5 năm 2021',
      signature: { capacity: null, authority: null, title: 'GIÁM ĐỐC', name: 'Đỗ Thị Hiền' },
      meta: { date: '2021-05-17', title: 'Giấy khen - Bà Nguyễn Thị Lan' },
    });
    expect(models[0]?.recipientDetail).toBeNull();
    expect(models.map((model) => model.goldenBookLine)).toEqual([
      'Số sổ vàng: 1',
      'Số sổ vàng: 2',
      'Số sổ vàng: 3',
    ]);
  });

  it('names the head in the issuer line when a deputy signs', () => {
    const [first] = certificateModels({
      event: decisionEvent({
        signer: { capacity: 'KT.', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' },
      }),
      names: BAC_KAN_2021,
    });
    expect(first?.issuerLine).toBe('GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BẮC KẠN');
    expect(first?.signature).toMatchObject({
      capacity: 'KT.',
      authority: 'GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
    });
  });
});
