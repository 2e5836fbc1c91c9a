import type { DecisionIssuedV1 } from '@ttkt/contracts';
import type { Block, OfficialDocumentModel } from '../model';
import { normalizeText } from './collation';
import {
  ARCHIVE,
  countPhrase,
  headTitleOf,
  nfcDeep,
  paragraph,
  printedNominee,
  positionAndUnit,
  recipientEntries,
  signatureBlock,
  subjectsPhrase,
  type PrintedNominee,
} from './common';
import { shortDate } from './dates';
import { legalBasesOn } from './legal-basis';
import { agencyShortName, lowerFirst, officialHeader, upper, type AgencyNames } from './names';

/** The fields of `review.decision-issued.v1` a decision and its certificates print. */
export type DecisionEventInput = Pick<
  DecisionIssuedV1,
  | 'number'
  | 'decidedOn'
  | 'awardFormName'
  | 'planNumber'
  | 'planTitle'
  | 'planIssuedOn'
  | 'signer'
  | 'recipients'
  | 'awardees'
>;

/** What a decision (QĐ), its annex and its certificates are generated from. */
export interface DecisionInput {
  /** `review.decision-issued.v1`. */
  event: DecisionEventInput;
  /** The names in force on `decidedOn`. */
  names: AgencyNames;
  /** The day of the council session whose vote the dossiers passed, when known. */
  sessionHeldOn?: string | null;
  /** Who proposes the decision (the secretariat's head): `Chánh Văn phòng Sở` by default. */
  proposedBy?: string | null;
}

/** `Giám đốc` from `GIÁM ĐỐC`: a title in caps as running text writes it. */
export function titleCase(title: string): string {
  const lower = normalizeText(title).toLocaleLowerCase('vi');
  return `${lower.slice(0, 1).toLocaleUpperCase('vi')}${lower.slice(1)}`;
}

/** `Kế hoạch số 27/KH-SKHCN ngày 30/3/2021 của Sở Khoa học và Công nghệ`. */
export function planCitation(
  plan: { planNumber: string; planIssuedOn: string },
  names: AgencyNames,
): string {
  return `Kế hoạch số ${normalizeText(plan.planNumber)} ngày ${shortDate(plan.planIssuedOn)} của ${agencyShortName(names)}`;
}

/** `Giấy khen của Giám đốc Sở` → `GIẤY KHEN`: the award's name without who gives it. */
export function awardNameOf(awardFormName: string): string {
  return upper(normalizeText(awardFormName).replace(/\s+của\s+.*$/iu, ''));
}

/**
 * The decision (Quyết định) of the agency head: header with its number and date, `QUYẾT ĐỊNH` /
 * `Về việc tặng …`, the head's authority line, the legal bases in force on its date, the plan,
 * the session, `QUYẾT ĐỊNH:`, Điều 1–3, "Nơi nhận:" (`Như Điều 3` first, the archive last), the
 * signature, and the annex listing the awardees (STT, name, position and unit, golden-book
 * number) in the decision's order.
 */
export function decisionModel(input: DecisionInput): OfficialDocumentModel {
  const { event, names, sessionHeldOn, proposedBy } = nfcDeep(input);
  const signature = signatureBlock(event.signer);
  const head = headTitleOf(signature);
  const nominees = event.awardees.map((awardee) => printedNominee(awardee.nominee));
  const subjects = subjectsPhrase(nominees);
  const agency = agencyShortName(names);
  const plan = planCitation(event, names);
  const formName = normalizeText(event.awardFormName);
  const decisionRef = `Quyết định số ${normalizeText(event.number)} ngày ${shortDate(event.decidedOn)}`;

  const bases = [
    ...legalBasesOn(event.decidedOn),
    `${plan} về việc ${lowerFirst(event.planTitle)}`,
    ...(sessionHeldOn
      ? [`kết quả họp xét của Hội đồng Thi đua - Khen thưởng Sở ngày ${shortDate(sessionHeldOn)}`]
      : []),
  ];
  const body: Block[] = [
    paragraph(`${head} ${upper(agency)}`, { bold: true, align: 'center' }),
    ...bases.map((basis) => paragraph(`Căn cứ ${basis};`, { italic: true, indent: true })),
    paragraph(`Xét đề nghị của ${normalizeText(proposedBy ?? '') || 'Chánh Văn phòng Sở'}.`, {
      italic: true,
      indent: true,
    }),
    paragraph('QUYẾT ĐỊNH:', { bold: true, align: 'center' }),
    paragraph(
      `Điều 1. Tặng ${formName} cho ${countPhrase(nominees)} có tên trong danh sách kèm theo Quyết định này, đã có thành tích xuất sắc trong thực hiện ${plan}.`,
      { indent: true },
    ),
    paragraph(
      `Điều 2. ${lowerFirstToUpper(subjects)} có tên tại Điều 1 được hưởng tiền thưởng theo quy định hiện hành. Quyết định này có hiệu lực kể từ ngày ký.`,
      { indent: true },
    ),
    paragraph(
      `Điều 3. ${normalizeText(proposedBy ?? '') || 'Chánh Văn phòng Sở'}, Trưởng các phòng, đơn vị trực thuộc Sở và các ${subjects} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
      { indent: true },
    ),
  ];

  return {
    kind: 'decision',
    orientation: 'portrait',
    header: officialHeader(names, event.decidedOn, event.number),
    typeName: 'QUYẾT ĐỊNH',
    summary: [
      `Về việc tặng ${formName} cho ${subjects} có thành tích xuất sắc trong thực hiện ${plan}`,
    ],
    body,
    recipients: {
      heading: 'Nơi nhận:',
      entries: recipientEntries(event.recipients, { first: ['Như Điều 3'], archive: ARCHIVE }),
    },
    signature,
    annexes: [
      {
        title: [
          'DANH SÁCH',
          `${upper(subjects)} ĐƯỢC TẶNG ${awardNameOf(formName)}`,
          `(Kèm theo ${decisionRef} của ${titleCase(head)} ${agency})`,
        ],
        body: [annexTable(nominees, event.awardees)],
      },
    ],
    meta: { date: event.decidedOn, title: `Quyết định số ${normalizeText(event.number)}` },
  };
}

function lowerFirstToUpper(phrase: string): string {
  return `${phrase.slice(0, 1).toLocaleUpperCase('vi')}${phrase.slice(1)}`;
}

function annexTable(
  nominees: PrintedNominee[],
  awardees: readonly { goldenBookNumber: number | null }[],
): Block {
  return {
    kind: 'table',
    columns: [
      { title: 'STT', width: 12 },
      { title: 'Họ và tên / Tên tập thể', width: 55 },
      { title: 'Chức vụ, đơn vị', width: 70 },
      { title: 'Số sổ vàng', width: 28 },
    ],
    rows: nominees.map((nominee, index) => [
      String(index + 1),
      nominee.name,
      positionAndUnit(nominee),
      awardees[index]?.goldenBookNumber == null ? '' : String(awardees[index]?.goldenBookNumber),
    ]),
  };
}
