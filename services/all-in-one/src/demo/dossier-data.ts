/**
 * The demo's dossiers (hồ sơ đề nghị khen thưởng), by plan: people and units by their keys and
 * codes in `directory-data.ts`, the nominating account by username. Every dossier gets the unit
 * stage's three documents (Công văn đề nghị, Biên bản họp xét, Báo cáo thành tích); `submit`
 * says whether it is submitted or left a draft. The achievements are invented.
 */

/** The award forms of plan 27/KH-SKHCN (and of its current-year copy). */
export type DemoAwardForm = 'GIAY_KHEN_GD_SO' | 'BANG_KHEN_CT_UBND_TINH';

/** One demo dossier. */
export interface DemoDossier {
  awardFormCode: DemoAwardForm;
  /** The nominating unit's code. */
  unit: string;
  /** A person (by key) or a unit (by code). */
  nominee: { kind: 'individual'; person: string } | { kind: 'collective'; unit: string };
  /** The account that nominates, attaches and submits: a unit-head of `unit` or the secretariat. */
  by: string;
  /** Submitted, or left a draft (with its documents attached). */
  submit: boolean;
  achievementSummary: string;
  /**
   * The evidence for the plan's criteria of the nominee's kind (`criteria.individual` or
   * `criteria.collective`), in their order; the general criteria are assessed as met.
   */
  evidence: readonly string[];
}

/**
 * Bắc Kạn, plan 27/KH-SKHCN of 30/3/2021: the dossiers its units sent the Văn phòng Sở before
 * the deadline of 12/5/2021 (recorded as submitted on 5/5/2021), entered by the secretariat:
 * four for the Giấy khen (quota 3) and two for the Bằng khen (quota 2), whose review
 * `review-data.ts` records.
 */
export const BAC_KAN_DOSSIERS_2021: readonly DemoDossier[] = [
  {
    awardFormCode: 'GIAY_KHEN_GD_SO',
    unit: 'QLCNCN',
    nominee: { kind: 'collective', unit: 'QLCNCN' },
    by: 'bk.vanphong',
    submit: true,
    achievementSummary:
      'Phòng đã tham mưu tổ chức tuyên truyền cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026 trên Website của Sở với 24 tin, bài; hoàn thành đúng hạn 100% nhiệm vụ chuyên môn trong đợt thi đua, trong đó thẩm định công nghệ 05 dự án đầu tư.',
    evidence: [
      '24 tin, bài tuyên truyền về bầu cử đăng trên Website của Sở, mục KTXP.',
      'Báo cáo kết quả thực hiện nhiệm vụ quý I/2021 của phòng.',
      'Bảo đảm an ninh, trật tự tại phòng trước, trong và sau ngày bầu cử.',
    ],
  },
  {
    awardFormCode: 'GIAY_KHEN_GD_SO',
    unit: 'QLCNCN',
    nominee: { kind: 'individual', person: 'bk-cv-qlcn' },
    by: 'bk.vanphong',
    submit: true,
    achievementSummary:
      'Trực tiếp biên tập, đăng tải các tin, bài tuyên truyền về cuộc bầu cử trên Website của Sở; tham gia Tổ giúp việc bầu cử tại khu vực bỏ phiếu; hoàn thành xuất sắc nhiệm vụ thẩm định công nghệ được giao.',
    evidence: [
      'Thành viên Tổ giúp việc bầu cử khu vực bỏ phiếu số 3, phường Đức Xuân.',
      'Hoàn thành trước hạn 03 hồ sơ thẩm định công nghệ.',
    ],
  },
  {
    awardFormCode: 'BANG_KHEN_CT_UBND_TINH',
    unit: 'TTUD',
    nominee: { kind: 'individual', person: 'bk-gd-ttud' },
    by: 'bk.vanphong',
    submit: true,
    achievementSummary:
      'Chỉ đạo Trung tâm tuyên truyền cuộc bầu cử tới toàn thể viên chức, người lao động; chủ trì chuyển giao 02 mô hình ứng dụng tiến bộ khoa học và công nghệ cho các huyện Ba Bể và Chợ Đồn, bảo đảm an toàn phòng, chống dịch Covid-19 tại đơn vị.',
    evidence: [
      'Kế hoạch tuyên truyền bầu cử của Trung tâm, 100% viên chức tham gia bầu cử.',
      'Biên bản nghiệm thu 02 mô hình chuyển giao tại Ba Bể và Chợ Đồn.',
    ],
  },
  {
    awardFormCode: 'GIAY_KHEN_GD_SO',
    unit: 'TTUD',
    nominee: { kind: 'individual', person: 'bk-vc-ttud' },
    by: 'bk.vanphong',
    submit: true,
    achievementSummary:
      'Trực tiếp thực hiện chuyển giao kỹ thuật trồng cây dược liệu dưới tán rừng tại huyện Chợ Đồn; tham gia Tổ bầu cử tại khu vực bỏ phiếu nơi cư trú; hoàn thành tốt nhiệm vụ chuyên môn được giao trong đợt thi đua.',
    evidence: [
      'Thành viên Tổ bầu cử khu vực bỏ phiếu số 2, phường Nguyễn Thị Minh Khai.',
      'Biên bản bàn giao mô hình trồng cây dược liệu dưới tán rừng tại Chợ Đồn.',
    ],
  },
  {
    awardFormCode: 'GIAY_KHEN_GD_SO',
    unit: 'VP',
    nominee: { kind: 'individual', person: 'bk-vt' },
    by: 'bk.vanphong',
    submit: true,
    achievementSummary:
      'Tiếp nhận, xử lý kịp thời các văn bản chỉ đạo về công tác bầu cử gửi đến Sở; phục vụ chu đáo các cuộc họp triển khai công tác bầu cử của Sở.',
    evidence: [
      'Sổ theo dõi văn bản đến về công tác bầu cử quý I, II/2021.',
      'Hoàn thành nhiệm vụ văn thư, lưu trữ được giao.',
    ],
  },
  {
    awardFormCode: 'BANG_KHEN_CT_UBND_TINH',
    unit: 'TTUD',
    nominee: { kind: 'collective', unit: 'TTUD' },
    by: 'bk.vanphong',
    submit: true,
    achievementSummary:
      'Trung tâm tổ chức tuyên truyền cuộc bầu cử tới 100% viên chức, người lao động; chuyển giao 02 mô hình ứng dụng tiến bộ khoa học và công nghệ cho các huyện Ba Bể và Chợ Đồn; bảo đảm an ninh, trật tự và phòng, chống dịch Covid-19 tại đơn vị, không để xảy ra khiếu nại, tố cáo.',
    evidence: [
      'Kế hoạch và báo cáo tuyên truyền bầu cử của Trung tâm.',
      'Báo cáo kết quả thực hiện nhiệm vụ chuyên môn quý I/2021 của Trung tâm.',
      'Phương án phòng, chống dịch Covid-19 của Trung tâm trong thời gian bầu cử.',
      'Báo cáo đột xuất về công tác bầu cử gửi Văn phòng Sở đúng hạn.',
      'Không có đơn thư khiếu nại, tố cáo trong đợt thi đua.',
    ],
  },
];

/**
 * A demo dossier's key among its plan's: the award form and the nominee (a person's key or a
 * unit's code), e.g. `GIAY_KHEN_GD_SO/bk-vt`; each nominee is nominated once per form.
 */
export function dossierKey(dossier: Pick<DemoDossier, 'awardFormCode' | 'nominee'>): string {
  const nominee = dossier.nominee;
  return `${dossier.awardFormCode}/${nominee.kind === 'collective' ? nominee.unit : nominee.person}`;
}

/**
 * Thái Nguyên, the current-year plan: dossiers of two units, Phòng Quản lý khoa học (its head
 * `tn.truongphong`) and the Trung tâm Ứng dụng tiến bộ khoa học và công nghệ (`tn.trungtam`),
 * some submitted, some still drafts.
 */
export const THAI_NGUYEN_DOSSIERS: readonly DemoDossier[] = [
  {
    awardFormCode: 'GIAY_KHEN_GD_SO',
    unit: 'QLKH',
    nominee: { kind: 'individual', person: 'tn-cv-qlkh1' },
    by: 'tn.truongphong',
    submit: true,
    achievementSummary:
      'Tham mưu tổ chức tuyên truyền cuộc bầu cử tới công chức, viên chức của Sở; quản lý 12 nhiệm vụ khoa học và công nghệ cấp tỉnh, hoàn thành đúng hạn việc kiểm tra tiến độ và nghiệm thu 04 nhiệm vụ.',
    evidence: [
      'Thành viên Tổ giúp việc bầu cử tại khu vực bỏ phiếu của phường.',
      'Biên bản nghiệm thu 04 nhiệm vụ khoa học và công nghệ cấp tỉnh.',
    ],
  },
  {
    awardFormCode: 'BANG_KHEN_CT_UBND_TINH',
    unit: 'QLKH',
    nominee: { kind: 'individual', person: 'tn-pp-qlkh' },
    by: 'tn.truongphong',
    submit: true,
    achievementSummary:
      'Trực tiếp chỉ đạo công tác tuyên truyền bầu cử của phòng; chủ trì xây dựng danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh sau hợp nhất tỉnh Thái Nguyên và tỉnh Bắc Kạn; có sáng kiến được Hội đồng sáng kiến của Sở công nhận.',
    evidence: [
      'Quyết định phê duyệt danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh.',
      'Giấy chứng nhận sáng kiến do Hội đồng sáng kiến của Sở cấp.',
    ],
  },
  {
    awardFormCode: 'GIAY_KHEN_GD_SO',
    unit: 'QLKH',
    nominee: { kind: 'individual', person: 'tn-cv-qlkh2' },
    by: 'tn.truongphong',
    submit: false,
    achievementSummary:
      'Hoàn thành xuất sắc nhiệm vụ tổng hợp, theo dõi các nhiệm vụ khoa học và công nghệ; tham gia biên tập bản tin tuyên truyền về cuộc bầu cử của Sở.',
    evidence: [
      'Báo cáo tổng hợp tình hình thực hiện nhiệm vụ khoa học và công nghệ 6 tháng đầu năm.',
      '03 số bản tin tuyên truyền bầu cử.',
    ],
  },
  {
    awardFormCode: 'GIAY_KHEN_GD_SO',
    unit: 'TTUD',
    nominee: { kind: 'collective', unit: 'TTUD' },
    by: 'tn.trungtam',
    submit: true,
    achievementSummary:
      'Trung tâm tổ chức tuyên truyền cuộc bầu cử tới 100% viên chức, người lao động; chuyển giao 03 mô hình ứng dụng tiến bộ khoa học và công nghệ cho các xã vùng cao; bảo đảm an ninh, trật tự tại đơn vị, không để xảy ra khiếu nại, tố cáo.',
    evidence: [
      'Kế hoạch và báo cáo tuyên truyền bầu cử của Trung tâm.',
      'Biên bản bàn giao 03 mô hình chuyển giao.',
      'Phương án bảo đảm an ninh, trật tự và phòng, chống thiên tai, dịch bệnh của Trung tâm.',
    ],
  },
  {
    awardFormCode: 'GIAY_KHEN_GD_SO',
    unit: 'TTUD',
    nominee: { kind: 'individual', person: 'tn-vc-ttud1' },
    by: 'tn.trungtam',
    submit: false,
    achievementSummary:
      'Trực tiếp thực hiện chuyển giao kỹ thuật nuôi trồng nấm cho các hộ dân; tham gia Tổ giúp việc bầu cử tại địa phương nơi cư trú.',
    evidence: [
      'Biên bản bàn giao mô hình nuôi trồng nấm.',
      'Thành viên Tổ giúp việc bầu cử tại khu vực bỏ phiếu nơi cư trú.',
    ],
  },
];
