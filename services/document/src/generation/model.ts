/**
 * The shared model of generated documents: content builders (kinds/**) produce these, the
 * renderers (render/**) turn them into PDF, DOCX and XLSX files.
 */

/** Every kind of generated document. */
export const DOCUMENT_KINDS = [
  'plan',
  'decision',
  'certificate',
  'proposal',
  'summary-list',
  'minutes',
] as const;
/** A kind of generated document. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** A file format of a generated document. */
export type DocumentFormat = 'pdf' | 'docx' | 'xlsx';

/** The header of an administrative document (Decree 30/2020, Appendix I). */
export interface OfficialHeader {
  /** 'UBND TỈNH BẮC KẠN' (caps, regular). */
  parentBody: string | null;
  /** 'SỞ KHOA HỌC VÀ CÔNG NGHỆ' (caps, bold, short rule below). */
  issuingBody: string;
  /** 'Số: 27/KH-SKHCN'. */
  numberLine: string;
  /** 'Bắc Kạn, ngày 30 tháng 3 năm 2021' (italic). */
  placeAndDate: string;
}

/** A block of body text. */
export type Block =
  /** Bold, left (I., II., 1., …). */
  | { kind: 'heading'; text: string }
  | {
      kind: 'paragraph';
      text: string;
      indent?: boolean;
      bold?: boolean;
      italic?: boolean;
      align?: 'justify' | 'center' | 'left';
    }
  | {
      kind: 'table';
      columns: { title: string; width: number }[];
      rows: string[][];
      fontSize?: number;
    }
  | { kind: 'pageBreak' };

/** The signature block (bottom right). */
export interface SignatureBlock {
  /** 'KT.' → first line 'KT. GIÁM ĐỐC'. */
  capacity: string | null;
  /** The title the capacity acts for ('GIÁM ĐỐC'); null without capacity. */
  authority: string | null;
  /** 'PHÓ GIÁM ĐỐC' or 'GIÁM ĐỐC'. */
  title: string;
  /** 'Đỗ Thị Hiền'. */
  name: string;
}

/** An administrative document (plan, decision, proposal, summary list, minutes). */
export interface OfficialDocumentModel {
  kind: Exclude<DocumentKind, 'certificate'>;
  orientation: 'portrait' | 'landscape';
  header: OfficialHeader;
  /** 'KẾ HOẠCH', 'QUYẾT ĐỊNH', 'TỜ TRÌNH', 'BIÊN BẢN', 'DANH SÁCH TRÍCH NGANG'. */
  typeName: string;
  /** Trích yếu lines under the type name (bold, centred). */
  summary: string[];
  body: Block[];
  /** 'Nơi nhận:', ['- Ban TĐKT tỉnh;', …, '- Lưu: VT, VP.']. */
  recipients: { heading: string; entries: string[] } | null;
  signature: SignatureBlock | null;
  /** Annexes after the main text, each on a new page with its own heading lines. */
  annexes: { title: string[]; body: Block[] }[];
  /** Fixed metadata (no "now"): the document's date as `YYYY-MM-DD`, its title. */
  meta: { date: string; title: string };
}

/** A certificate of merit (Giấy khen), A4 landscape. */
export interface CertificateModel {
  kind: 'certificate';
  orientation: 'landscape';
  /** parentBody/issuingBody as above, numberLine unused (''). */
  header: OfficialHeader;
  /** 'GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BẮC KẠN'. */
  issuerLine: string;
  /** 'GIẤY KHEN'. */
  awardName: string;
  /** 'Bà Nguyễn Thị Lan' / 'Phòng Quản lý công nghệ và chuyên ngành'. */
  recipientName: string;
  /** Position and unit. */
  recipientDetail: string | null;
  /** 'Đã có thành tích …'. */
  achievement: string;
  /** 'Quyết định số 28/QĐ-SKHCN ngày 17/5/2021'. */
  decisionLine: string;
  /** 'Số sổ vàng: 1'. */
  goldenBookLine: string;
  placeAndDate: string;
  signature: SignatureBlock;
  meta: { date: string; title: string };
}

/** A spreadsheet (the summary list as XLSX). */
export interface SheetModel {
  /** Heading rows. */
  title: string[];
  columns: { title: string; width: number }[];
  rows: (string | number)[][];
  meta: { date: string; title: string };
}
