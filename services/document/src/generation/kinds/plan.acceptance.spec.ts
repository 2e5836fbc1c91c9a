/*
 * Acceptance of issue #7 for the plan: plan 27/KH-SKHCN, built from the fixture as
 * `campaign.issued.v1` publishes it, rendered to PDF and DOCX; the extracted text of each holds
 * every field of the fixture verbatim (white space collapsed) in the plan's order, the header
 * lines, the national name and motto, the headings I–IV, "Nơi nhận:" with its entries and the
 * signer; a second render gives the same text.
 */
import {
  collapse,
  docxText,
  expectInOrder,
  loadBacKanFixture,
  pdfText,
  type JsonObject,
} from '@ttkt/testing';
import { MOTTO, NATIONAL_NAME, renderDocx, renderPdf } from '../render';
import { BAC_KAN_2021, issuedPlan } from './kinds.spec-fixture';
import { planModel } from './plan';

interface FixturePlan {
  title: string;
  basis: string[];
  preamble: string;
  purposes: string[];
  contents: string[];
  subjects: { collective: string; individual: string };
  awardForms: { quotaText: string; procedureText: string }[];
  criteria: { general: string[]; collective: string[]; individual: string[] };
  responsibilities: { text: string }[];
  closing: string;
  recipientsHeading: string;
  recipients: { name: string; purpose?: string }[];
  signer: { title: string; name: string };
}

const campaign = (loadBacKanFixture() as { campaign: JsonObject }).campaign;
const plan = campaign as unknown as FixturePlan;

/** The acceptance list: the fixture's fields in the plan's order (the basis is checked apart). */
const FIELDS_IN_ORDER: string[] = [
  plan.title,
  plan.preamble,
  ...plan.purposes,
  ...plan.contents,
  plan.subjects.collective,
  plan.subjects.individual,
  ...plan.awardForms.map((form) => form.quotaText),
  ...plan.criteria.general,
  ...plan.criteria.collective,
  ...plan.criteria.individual,
  ...plan.awardForms.map((form) => form.procedureText),
  ...plan.responsibilities.map((responsibility) => responsibility.text),
  plan.closing,
  plan.recipientsHeading,
  ...plan.recipients.map((recipient) =>
    recipient.purpose ? `${recipient.name} (${recipient.purpose})` : recipient.name,
  ),
  plan.signer.title,
  plan.signer.name,
];

/** The document's own lines: header, headings I–IV, "Nơi nhận:" and its entries, the signer. */
const LAYOUT_IN_ORDER: string[] = [
  'UBND TỈNH BẮC KẠN',
  'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  'Số: 27/KH-SKHCN',
  'KẾ HOẠCH',
  'I. MỤC ĐÍCH, YÊU CẦU',
  'II. NỘI DUNG THI ĐUA',
  'III. KHEN THƯỞNG TỔNG KẾT ĐỢT THI ĐUA',
  'IV. TỔ CHỨC THỰC HIỆN',
  'Nơi nhận:',
  'Gửi bản điện tử:',
  '- Ban TĐKT tỉnh;',
  '- Ban Giám đốc;',
  '- Các phòng, đơn vị;',
  '- Phòng QLCNCN (đăng Website, mục KTXP);',
  '- Lưu: VT, VP.',
];

/** Every check on the extracted text of one rendering. */
function expectThePlan(text: string): void {
  expectInOrder(text, FIELDS_IN_ORDER);
  // The plan prints its basis inside the preamble ("Thực hiện Kế hoạch số 53/KH-UBND …"): after
  // the title, within the preamble.
  for (const basis of plan.basis) {
    expectInOrder(text, [plan.title, basis]);
    expect(collapse(plan.preamble)).toContain(collapse(basis));
  }
  expectInOrder(text, LAYOUT_IN_ORDER);
  for (const line of [NATIONAL_NAME, MOTTO, 'Bắc Kạn, ngày 30 tháng 3 năm 2021']) {
    expect(collapse(text)).toContain(line);
  }
  expectInOrder(text, ['Nơi nhận:', 'GIÁM ĐỐC', 'Đỗ Thị Hiền']);
}

describe('acceptance: plan 27/KH-SKHCN rendered from the fixture', () => {
  const model = planModel({ event: issuedPlan(campaign), names: BAC_KAN_2021 });

  it('the PDF’s text holds every field in order, with the header, headings, recipients and signer', async () => {
    const { text } = await pdfText(await renderPdf(model));
    expectThePlan(text);
  });

  it('the DOCX’s text holds every field in order, with the header, headings, recipients and signer', async () => {
    const { paragraphs } = await docxText(await renderDocx(model));
    expectThePlan(paragraphs.join('\n'));
  });

  it('rendering twice gives the same text', async () => {
    const again = planModel({ event: issuedPlan(campaign), names: BAC_KAN_2021 });
    const [pdfA, pdfB] = await Promise.all([renderPdf(model), renderPdf(again)]);
    expect((await pdfText(pdfB)).text).toBe((await pdfText(pdfA)).text);
    const [docxA, docxB] = await Promise.all([renderDocx(model), renderDocx(again)]);
    expect((await docxText(docxB)).documentXml).toBe((await docxText(docxA)).documentXml);
  });
});
