import type { CertificateModel, OfficialDocumentModel, SheetModel } from '../model';

/** A decision with a long body, a table, an annex and a signature "KT." (for renderer specs). */
export function sampleDecision(): OfficialDocumentModel {
  const awardees = [
    ['1', 'Bà Nguyễn Thị Lan', 'Chuyên viên Phòng Quản lý công nghệ và chuyên ngành'],
    ['2', 'Ông Trần Văn Mỹ', 'Phó Chánh Văn phòng Sở'],
    ['3', 'Phòng Quản lý công nghệ và chuyên ngành', 'Tập thể'],
  ];
  return {
    kind: 'decision',
    orientation: 'portrait',
    header: {
      parentBody: 'UBND TỈNH BẮC KẠN',
      issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      numberLine: 'Số: 28/QĐ-SKHCN',
      placeAndDate: 'Bắc Kạn, ngày 17 tháng 5 năm 2021',
    },
    typeName: 'QUYẾT ĐỊNH',
    summary: ['Về việc tặng Giấy khen cho các tập thể, cá nhân'],
    body: [
      { kind: 'paragraph', text: 'GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ', bold: true, align: 'center' },
      {
        kind: 'paragraph',
        indent: true,
        italic: true,
        text: 'Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013;',
      },
      {
        kind: 'paragraph',
        indent: true,
        italic: true,
        text: 'Theo đề nghị của Chánh Văn phòng Sở.',
      },
      { kind: 'paragraph', text: 'QUYẾT ĐỊNH:', bold: true, align: 'center' },
      {
        kind: 'paragraph',
        indent: true,
        // NFD on purpose: the renderers normalise to NFC.
        text: 'Điều 1. Tặng Giấy khen cho 02 cá nhân và 01 tập thể (có danh sách kèm theo) đã có thành tích xuất sắc trong đợt thi đua thực hiện tốt cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp, nhiệm kỳ 2021-2026.'.normalize(
          'NFD',
        ),
      },
      { kind: 'heading', text: 'I. MỤC ĐÍCH, YÊU CẦU' },
      ...Array.from({ length: 14 }, (_, i) => ({
        kind: 'paragraph' as const,
        indent: true,
        text: `${i + 1}. Phát huy sức mạnh đại đoàn kết, động viên công chức, viên chức và các tầng lớp nhân dân tổ chức thực hiện tốt cuộc bầu cử, đảm bảo đúng pháp luật, dân chủ, an toàn, tiết kiệm, thật sự trở thành ngày hội của toàn dân.`,
      })),
      {
        kind: 'table',
        columns: [
          { title: 'STT', width: 8 },
          { title: 'Họ và tên', width: 40 },
          { title: 'Chức vụ, đơn vị', width: 52 },
        ],
        rows: awardees,
      },
      {
        kind: 'paragraph',
        indent: true,
        text: 'Điều 2. Chánh Văn phòng Sở, Trưởng các phòng, đơn vị và các cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành./.',
      },
    ],
    recipients: {
      heading: 'Nơi nhận:',
      entries: [
        '- Như Điều 2;',
        '- Ban TĐKT tỉnh;',
        '- Phòng QLCNCN (đăng Website, mục KTXP);',
        '- Lưu: VT, VP.',
      ],
    },
    signature: {
      capacity: 'KT.',
      authority: 'GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
      name: 'Đỗ Thị Hiền',
    },
    annexes: [
      {
        title: [
          'DANH SÁCH',
          'Tập thể, cá nhân được tặng Giấy khen',
          '(Kèm theo Quyết định số 28/QĐ-SKHCN ngày 17/5/2021)',
        ],
        body: [
          {
            kind: 'table',
            columns: [
              { title: 'STT', width: 8 },
              { title: 'Họ và tên', width: 40 },
              { title: 'Chức vụ, đơn vị', width: 52 },
            ],
            rows: Array.from({ length: 60 }, (_, i) => [
              String(i + 1),
              `Nguyễn Văn Thủy ${i + 1}`,
              'Chuyên viên Văn phòng Sở',
            ]),
          },
        ],
      },
    ],
    meta: { date: '2021-05-17', title: 'Quyết định số 28/QĐ-SKHCN' },
  };
}

/** A certificate (the recipient given in NFD on purpose). */
export function sampleCertificate(n = 1, recipientName = 'Bà Nguyễn Thị Lan'): CertificateModel {
  return {
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
    recipientName: recipientName.normalize('NFD'),
    recipientDetail: 'Chuyên viên Phòng Quản lý công nghệ và chuyên ngành',
    achievement:
      'Đã có thành tích xuất sắc trong đợt thi đua thực hiện tốt cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp, nhiệm kỳ 2021-2026 và lập thành tích chào mừng Ngày Khoa học và Công nghệ Việt Nam (18/5)',
    decisionLine: 'Quyết định số 28/QĐ-SKHCN ngày 17/5/2021',
    goldenBookLine: `Số sổ vàng: ${n}`,
    placeAndDate: 'Bắc Kạn, ngày 17 tháng 5 năm 2021',
    signature: { capacity: null, authority: null, title: 'GIÁM ĐỐC', name: 'Đỗ Thị Hiền' },
    meta: { date: '2021-05-17', title: `Giấy khen – ${recipientName}` },
  };
}

/** A summary list sheet. */
export function sampleSheet(): SheetModel {
  return {
    title: ['DANH SÁCH TRÍCH NGANG', 'Tập thể, cá nhân đề nghị tặng Giấy khen'],
    columns: [
      { title: 'STT', width: 6 },
      { title: 'Họ và tên', width: 28 },
      { title: 'Năm sinh', width: 10 },
      { title: 'Giới tính', width: 10 },
      { title: 'Chức vụ', width: 20 },
      { title: 'Đơn vị', width: 34 },
      { title: 'Thành tích', width: 40 },
    ],
    rows: [
      [
        1,
        'Nguyễn Thị Lan'.normalize('NFD'),
        1985,
        'Nữ',
        'Chuyên viên',
        'Phòng Quản lý công nghệ và chuyên ngành',
        'Hoàn thành xuất sắc nhiệm vụ',
      ],
      [
        2,
        'Trần Văn Mỹ',
        1979,
        'Nam',
        'Phó Chánh Văn phòng',
        'Văn phòng Sở',
        'Hoàn thành xuất sắc nhiệm vụ',
      ],
    ],
    meta: { date: '2021-05-20', title: 'Danh sách trích ngang' },
  };
}
