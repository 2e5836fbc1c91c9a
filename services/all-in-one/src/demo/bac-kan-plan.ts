import type { DemoJson } from './shift-plan';

/**
 * Plan 27/KH-SKHCN of the Sở Khoa học và Công nghệ tỉnh Bắc Kạn (30/3/2021) as the body of
 * `POST /api/v1/campaigns` (without `agencyId`): the shared fixture `bac-kan-27-KH-SKHCN.json`
 * field by field, its comment keys left out, and without `documentType`, `planNumber`,
 * `issuedOn` and `issuedAt`, which issuing sets. Every text is the plan's own wording.
 */
export const BAC_KAN_PLAN_2021: { [key: string]: DemoJson } = {
  title:
    'Tổ chức đợt thi đua thực hiện tốt cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp, nhiệm kỳ 2021-2026 và lập thành tích chào mừng kỷ niệm Ngày Khoa học và Công nghệ Việt Nam (18/5)',
  basis: [
    'Kế hoạch số 53/KH-UBND ngày 02/3/2021 của Ủy ban nhân dân tỉnh về việc tổ chức đợt thi đua thực hiện tốt cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp, nhiệm kỳ 2021-2026',
  ],
  period: {
    from: '2021-02-04',
    to: '2021-05-10',
    toInclusive: true,
  },
  purposes: [
    'Thực hiện tốt các nhiệm vụ được giao trong công tác bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026, đạt được mục tiêu, ý nghĩa, yêu cầu, nhiệm vụ đề ra.',
    'Phát huy sức mạnh đại đoàn kết, động viên công chức, viên chức và các tầng lớp nhân dân tổ chức thực hiện tốt cuộc bầu cử, đảm bảo đúng pháp luật, dân chủ, an toàn, tiết kiệm, thật sự trở thành ngày hội của toàn dân.',
    'Thông qua đợt thi đua nhằm tiếp tục giáo dục truyền thống yêu nước, tinh thần lao động sáng tạo của công chức, viên chức, người lao động, thực hiện thắng lợi các chỉ tiêu phát triển kinh tế - xã hội năm 2021.',
    'Nội dung thi đua gắn với việc thực hiện nhiệm vụ chính trị, nhiệm vụ chuyên môn của Sở, các phòng, đơn vị trực thuộc Sở; quan tâm biểu dương, khen thưởng kịp thời tập thể, cá nhân có nhiều thành tích trong đợt thi đua.',
  ],
  contents: [
    'Thực hiện tốt cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026; thực hiện thắng lợi nhiệm vụ chính trị được giao và nhiệm vụ phát triển kinh tế - xã hội của tỉnh năm 2021.',
    'Tổ chức tuyên truyền về công tác bầu cử kịp thời, sâu rộng với nhiều hình thức thích hợp, đa dạng, phong phú, hiệu quả. Tổ chức nghiên cứu, phổ biến, quán triệt Luật Bầu cử đại biểu Quốc hội và đại biểu HĐND, các văn bản chỉ đạo, hướng dẫn về công tác bầu cử đại biểu Quốc hội và đại biểu HĐND các cấp nhiệm kỳ 2021-2026.',
    'Đảm bảo giữ vững ổn định chính trị, trật tự an toàn xã hội trong thời gian trước, trong và sau cuộc bầu cử. Có các phương án chủ động đối phó với những tình huống thiên tai, dịch bệnh, nhất là dịch bệnh Covid-19 đang diễn biến phức tạp và có thể ảnh hưởng đến thời gian tổ chức cuộc bầu cử.',
  ],
  subjects: {
    collective: 'Các phòng, đơn vị trực thuộc Sở',
    individual: 'Công chức, viên chức, người lao động của Sở',
  },
  awardForms: [
    {
      code: 'GIAY_KHEN_GD_SO',
      name: 'Giấy khen của Giám đốc Sở',
      decidedBy: {
        kind: 'agency-head',
        agency: 'SKHCN',
        title: 'Giám đốc Sở',
      },
      quota: {
        max: 3,
        counts: ['collective', 'individual'],
      },
      eligibleSubjects: ['collective', 'individual'],
      quotaText: 'Giấy khen của Giám đốc Sở không quá 03 tập thể, cá nhân.',
      unitStage: {
        to: {
          kind: 'unit',
          unit: 'VP',
          name: 'Văn phòng Sở',
        },
        before: '2021-05-12',
        beforeWording: 'trước 12/5/2021',
        requiredDocuments: [
          {
            code: 'CONG_VAN_DE_NGHI',
            name: 'Công văn đề nghị khen thưởng của đơn vị trực thuộc (có dấu)',
            sealed: true,
          },
          {
            code: 'BIEN_BAN_HOP_XET',
            name: 'Biên bản họp xét của phòng, đơn vị trực thuộc',
          },
          {
            code: 'BAO_CAO_THANH_TICH',
            name: 'Báo cáo thành tích của tập thể, cá nhân',
          },
        ],
      },
      procedureText:
        'Hồ sơ đề nghị khen thưởng gồm: Công văn đề nghị khen thưởng của các đơn vị trực thuộc có dấu; biên bản họp xét của các phòng, đơn vị trực thuộc; báo cáo thành tích của tập thể, cá nhân gửi Văn phòng Sở trước 12/5/2021.',
    },
    {
      code: 'BANG_KHEN_CT_UBND_TINH',
      name: 'Bằng khen của Chủ tịch UBND tỉnh',
      decidedBy: {
        kind: 'higher-authority',
        agency: 'UBND',
        title: 'Chủ tịch UBND tỉnh',
      },
      proposedBy: {
        agency: 'SKHCN',
      },
      quota: {
        max: 2,
        counts: ['collective', 'individual'],
      },
      eligibleSubjects: ['collective', 'individual'],
      quotaText:
        'Đề nghị Bằng khen của Chủ tịch UBND tỉnh: Số lượng không quá không quá 02 tập thể, cá nhân.',
      unitStage: {
        to: {
          kind: 'unit',
          unit: 'VP',
          name: 'Văn phòng Sở',
        },
        before: '2021-05-12',
        beforeWording: 'trước 12/5/2021',
        requiredDocuments: [
          {
            code: 'CONG_VAN_DE_NGHI',
            name: 'Công văn đề nghị khen thưởng của đơn vị trực thuộc (có dấu)',
            sealed: true,
          },
          {
            code: 'BIEN_BAN_HOP_XET',
            name: 'Biên bản họp xét của phòng, đơn vị trực thuộc',
          },
          {
            code: 'BAO_CAO_THANH_TICH',
            name: 'Báo cáo thành tích của tập thể, cá nhân',
          },
        ],
      },
      proposalStage: {
        to: {
          kind: 'external',
          name: 'Trung tâm phục vụ Hành chính công tỉnh Bắc Kạn (lĩnh vực Sở Nội vụ)',
        },
        before: '2021-05-31',
        beforeWording: 'trước ngày 31/5/2021',
        copies: {
          originals: 1,
        },
        requiredDocuments: [
          {
            code: 'TO_TRINH',
            name: 'Tờ trình đề nghị khen thưởng của Sở',
          },
          {
            code: 'BIEN_BAN_HOP_XET',
            name: 'Biên bản họp xét',
          },
          {
            code: 'DANH_SACH_TRICH_NGANG',
            name: 'Danh sách trích ngang',
          },
          {
            code: 'TOM_TAT_THANH_TICH',
            name: 'Tóm tắt thành tích của tập thể, cá nhân được đề nghị khen thưởng',
          },
        ],
      },
      procedureText:
        'Hồ sơ đề nghị khen thưởng (01 bộ bản chính), gồm: Tờ trình đề nghị khen thưởng của Sở; biên bản họp xét; danh sách trích ngang, tóm tắt thành tích của tập thể, cá nhân được đề nghị khen thưởng và nộp tại Trung tâm phục vụ Hành chính công tỉnh Bắc Kạn (lĩnh vực Sở Nội vụ) trước ngày 31/5/2021.',
    },
  ],
  criteria: {
    general: [
      'Chấp hành nghiêm chỉnh chủ trương của Đảng, pháp luật của Nhà nước và các quy định của địa phương về bầu cử đại biểu Quốc hội, đại biểu HĐND các cấp nhiệm kỳ 2021-2026;',
      'Thực hiện tốt bầu cử đại biểu Quốc hội khóa XV, đại biểu HĐND các cấp nhiệm kỳ 2021-2026.',
      'Có thành tích xuất sắc, tiêu biểu trong công tác chuyên môn được giao.',
    ],
    collective: [
      'Tuyên truyền về bầu cử bảo đảm kịp thời, hiệu quả, thông qua các hình thức đa dạng, phong phú, phù hợp với tình hình thực tiễn;',
      'Hoàn thành xuất sắc các nhiệm vụ chuyên môn trong thời gian thi đua;',
      'Đảm bảo an ninh, trật tự, an toàn ở cơ sở trước, trong và sau ngày bầu cử; có các phương án chủ động đối phó với những tình huống thiên tai, dịch bệnh, nhất là dịch bệnh Covid-19 đang diễn biến phức tạp có thể ảnh hưởng trong thời gian tổ chức cuộc bầu cử;',
      'Chấp hành tốt chế độ thông tin báo cáo định kỳ và đột xuất trong suốt quá trình tổ chức bầu cử khi được yêu cầu;',
      'Không để xảy ra khiếu nại, tố cáo.',
    ],
    individual: [
      'Trực tiếp chỉ đạo hoặc tham gia thực hiện tốt công tác bầu cử ở các cấp;',
      'Có thành tích xuất sắc, tiêu biểu trong công tác chuyên môn được giao.',
    ],
  },
  responsibilities: [
    {
      who: {
        kind: 'unit',
        unit: 'VP',
      },
      text: 'Văn phòng Sở tham mưu tổ chức thực hiện đợt thi đua phù hợp với thực tiễn của Sở; tổng hợp, tổ chức thực hiện xét khen thưởng theo thẩm quyền và đề nghị Chủ tịch UBND tỉnh khen thưởng các tập thể, cá nhân lập thành tích xuất sắc trong đợt thi đua.',
    },
    {
      who: {
        kind: 'all-unit-heads',
      },
      text: 'Trưởng các phòng, đơn vị trực thuộc tuyên truyền Kế hoạch này đến toàn thể công chức, viên chức, người lao động; phát động và ra sức thi đua lập thành tích xuất sắc; tổ chức bình xét thi đua tại các phòng, đơn vị và hoàn thiện hồ sơ đề nghị khen thưởng gửi Văn phòng Sở.',
    },
  ],
  recipients: [
    {
      name: 'Ban TĐKT tỉnh',
      fullName: 'Ban Thi đua - Khen thưởng tỉnh',
      channel: 'electronic',
    },
    {
      name: 'Ban Giám đốc',
      channel: 'electronic',
    },
    {
      name: 'Các phòng, đơn vị',
      channel: 'electronic',
    },
    {
      name: 'Phòng QLCNCN',
      channel: 'electronic',
      purpose: 'đăng Website, mục KTXP',
    },
    {
      name: 'Lưu: VT, VP',
      channel: 'archive',
    },
  ],
  signer: {
    title: 'GIÁM ĐỐC',
    name: 'Đỗ Thị Hiền',
  },
  preamble:
    'Thực hiện Kế hoạch số 53/KH-UBND ngày 02/3/2021 của Ủy ban nhân dân tỉnh về việc tổ chức đợt thi đua thực hiện tốt cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp, nhiệm kỳ 2021-2026, Sở Khoa học và Công nghệ phát động đợt thi đua thực hiện tốt cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp, nhiệm kỳ 2021-2026 và lập thành tích chào mừng Ngày Khoa học và Công nghệ Việt Nam (18/5) trong thời gian từ ngày 04/02/2021 đến hết ngày 10/5/2021 với những nội dung như sau',
  closing:
    'Trên đây là Kế hoạch tổ chức đợt thi đua thực hiện tốt cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp, nhiệm kỳ 2021-2026 và lập thành tích chào mừng Ngày Khoa học và Công nghệ Việt Nam (18/5) của Sở Khoa học và Công nghệ. Yêu cầu trưởng các phòng, đơn vị trực thuộc nghiêm túc triển khai thực hiện./.',
  recipientsHeading: 'Gửi bản điện tử:',
};

/** The plan's issue date and its number in the agency's register of 2021. */
export const BAC_KAN_PLAN_ISSUE = {
  issuedOn: '2021-03-30',
  registerNumber: 27,
  planNumber: '27/KH-SKHCN',
} as const;
