import type { CampaignIssuedV1 } from '@ttkt/contracts';
import type { Block, OfficialDocumentModel } from '../model';
import { normalizeText } from './collation';
import {
  heading,
  nfcDeep,
  paragraph,
  recipientEntries,
  sentence,
  signatureBlock,
  text,
} from './common';
import { officialHeader, type AgencyNames } from './names';

/** What the plan (KH) is generated from: the issue event and the names in force on its date. */
export interface PlanInput {
  /** `campaign.issued.v1` (its `plan` is the fixture's campaign part, `cutoff` beside deadlines). */
  event: Pick<CampaignIssuedV1, 'title' | 'planNumber' | 'issuedOn' | 'plan'>;
  /** The names in force on `issuedOn`. */
  names: AgencyNames;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(text).filter((item) => item !== '') : [];

const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** Numbered paragraphs `1. …`, `2. …`. */
const numbered = (items: string[]): Block[] =>
  items.map((item, index) => paragraph(`${index + 1}. ${item}`, { indent: true }));

/** Lines `- …` (or `+ …`). */
const dashed = (items: string[], mark = '-'): Block[] =>
  items.map((item) => paragraph(`${mark} ${item}`, { indent: true }));

/**
 * The plan (Kế hoạch) as `ke-hoach-27-KH-SKHCN.txt` prints it: header, `KẾ HOẠCH` with the title,
 * the bases the preamble does not already quote (`Căn cứ …`), the preamble, I. purposes, II.
 * contents, III. subjects, forms with their quota texts, criteria, each form's procedure, IV.
 * responsibilities, the closing, "Nơi nhận:" (the plan's `recipientsHeading` first), the signer.
 * Every text of the plan is printed verbatim (NFC, white space tidied).
 */
export function planModel(input: PlanInput): OfficialDocumentModel {
  const { event, names } = nfcDeep(input);
  const plan: Json = isObject(event.plan) ? event.plan : {};
  const preamble = text(plan['preamble']);
  const body: Block[] = [];

  for (const basis of texts(plan['basis'])) {
    if (!preamble.includes(basis)) {
      body.push(
        paragraph(`Căn cứ ${sentence(basis).replace(/\.$/u, ';')}`, { italic: true, indent: true }),
      );
    }
  }
  if (preamble !== '') body.push(paragraph(preamble, { indent: true }));

  body.push(heading('I. MỤC ĐÍCH, YÊU CẦU'), ...numbered(texts(plan['purposes'])));
  body.push(heading('II. NỘI DUNG THI ĐUA'), ...numbered(texts(plan['contents'])));
  body.push(heading('III. KHEN THƯỞNG TỔNG KẾT ĐỢT THI ĐUA'));

  const subjects = isObject(plan['subjects']) ? plan['subjects'] : {};
  const forms = objects(plan['awardForms']);
  body.push(
    heading('1. Đối tượng, hình thức, số lượng khen thưởng'),
    paragraph('a) Đối tượng', { indent: true }),
  );
  if (text(subjects['collective']) !== '') {
    body.push(paragraph(`- Tập thể: ${sentence(text(subjects['collective']))}`, { indent: true }));
  }
  if (text(subjects['individual']) !== '') {
    body.push(paragraph(`- Cá nhân: ${sentence(text(subjects['individual']))}`, { indent: true }));
  }
  body.push(
    paragraph('b) Hình thức, số lượng khen thưởng', { indent: true }),
    ...dashed(forms.map((form) => text(form['quotaText'])).filter((item) => item !== '')),
  );

  const criteria = isObject(plan['criteria']) ? plan['criteria'] : {};
  body.push(heading('2. Tiêu chuẩn khen thưởng'));
  body.push(
    paragraph('a) Tiêu chuẩn chung', { indent: true }),
    ...dashed(texts(criteria['general'])),
  );
  const collective = texts(criteria['collective']);
  const individual = texts(criteria['individual']);
  if (collective.length + individual.length > 0) {
    body.push(paragraph('b) Tiêu chuẩn cụ thể', { indent: true }));
    if (collective.length > 0) {
      body.push(paragraph('- Đối với tập thể:', { indent: true }), ...dashed(collective, '+'));
    }
    if (individual.length > 0) {
      body.push(paragraph('- Đối với cá nhân:', { indent: true }), ...dashed(individual, '+'));
    }
  }

  body.push(heading('3. Thủ tục, hồ sơ, thời gian nhận hồ sơ khen thưởng'));
  forms.forEach((form, index) => {
    const procedure = text(form['procedureText']);
    if (procedure === '') return;
    body.push(
      paragraph(`${String.fromCharCode(97 + index)}) ${text(form['name'])}`, { indent: true }),
      paragraph(procedure, { indent: true }),
    );
  });

  body.push(
    heading('IV. TỔ CHỨC THỰC HIỆN'),
    ...numbered(
      objects(plan['responsibilities'])
        .map((item) => text(item['text']))
        .filter((item) => item !== ''),
    ),
  );
  const closing = text(plan['closing']);
  if (closing !== '') body.push(paragraph(closing, { indent: true }));

  const recipients = objects(plan['recipients']).map((recipient) => ({
    name: text(recipient['name']),
    purpose: text(recipient['purpose']) || null,
  }));
  const recipientsHeading = text(plan['recipientsHeading']);
  const signer = isObject(plan['signer']) ? plan['signer'] : {};

  return {
    kind: 'plan',
    orientation: 'portrait',
    header: officialHeader(names, event.issuedOn, event.planNumber),
    typeName: 'KẾ HOẠCH',
    summary: [normalizeText(event.title)],
    body,
    recipients:
      recipients.length === 0 && recipientsHeading === ''
        ? null
        : {
            heading: 'Nơi nhận:',
            entries: [
              ...(recipientsHeading === '' ? [] : [recipientsHeading]),
              ...recipientEntries(recipients),
            ],
          },
    signature:
      text(signer['title']) === '' && text(signer['name']) === ''
        ? null
        : signatureBlock({
            capacity: text(signer['capacity']) || null,
            title: text(signer['title']),
            name: text(signer['name']),
          }),
    annexes: [],
    meta: { date: event.issuedOn, title: `Kế hoạch số ${normalizeText(event.planNumber)}` },
  };
}
