/**
 * The documents a commendation dossier (hồ sơ đề nghị khen thưởng) may require, by code. A plan's
 * stages list the ones they require, in the plan's own words (`name`); the code is what the
 * nomination checklist, the review and the generated proposal letters recognise, so a plan may
 * only use known codes. Data with its source, not a rule in code: a new kind of document is a new
 * row here (and, where the platform generates it, a template in the document service).
 */
export interface DossierDocument {
  code: string;
  /** The usual name; a plan may word it its own way. */
  name: string;
  /** Where the document comes from. */
  source: string;
}

const LAW = 'Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP (hồ sơ đề nghị khen thưởng)';

/** Every known dossier document. */
export const DOSSIER_DOCUMENTS: readonly DossierDocument[] = [
  { code: 'TO_TRINH', name: 'Tờ trình đề nghị khen thưởng', source: LAW },
  { code: 'CONG_VAN_DE_NGHI', name: 'Công văn đề nghị khen thưởng của đơn vị', source: LAW },
  {
    code: 'BIEN_BAN_HOP_XET',
    name: 'Biên bản họp xét (Hội đồng thi đua – khen thưởng)',
    source: LAW,
  },
  { code: 'BAO_CAO_THANH_TICH', name: 'Báo cáo thành tích của tập thể, cá nhân', source: LAW },
  { code: 'TOM_TAT_THANH_TICH', name: 'Tóm tắt thành tích của tập thể, cá nhân', source: LAW },
  { code: 'DANH_SACH_TRICH_NGANG', name: 'Danh sách trích ngang', source: LAW },
  { code: 'KET_QUA_BO_PHIEU', name: 'Kết quả bỏ phiếu kín của Hội đồng', source: LAW },
  {
    code: 'XAC_NHAN_SANG_KIEN',
    name: 'Văn bản công nhận, xác nhận sáng kiến, đề tài khoa học',
    source: LAW,
  },
  { code: 'Y_KIEN_HIEP_Y', name: 'Ý kiến hiệp y của cơ quan có thẩm quyền', source: LAW },
  {
    code: 'XAC_NHAN_NGHIA_VU_NSNN',
    name: 'Xác nhận hoàn thành nghĩa vụ nộp ngân sách nhà nước',
    source: LAW,
  },
];

/** The codes of {@link DOSSIER_DOCUMENTS}. */
export const KNOWN_DOCUMENT_CODES: ReadonlySet<string> = new Set(
  DOSSIER_DOCUMENTS.map((document) => document.code),
);
