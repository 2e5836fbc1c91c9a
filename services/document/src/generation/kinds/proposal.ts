import type { AwardeeV1, ProposalIssuedV1 } from '@ttkt/contracts';
import type { Block, OfficialDocumentModel, SheetModel } from '../model';
import { normalizeText } from './collation';
import {
  ARCHIVE,
  addressedName,
  collated,
  countPhrase,
  nfcDeep,
  paragraph,
  positionAndUnit,
  printedNominee,
  recipientEntries,
  sentence,
  signatureBlock,
  subjectsPhrase,
  type PrintedNominee,
} from './common';
import { shortDate } from './dates';
import { awardNameOf, planCitation, titleCase } from './decision';
import {
  agencyShortName,
  issuingBody,
  lowerFirst,
  officialHeader,
  withProvince,
  type AgencyNames,
} from './names';

/** The fields of `review.proposal-issued.v1` the proposal letter and the summary list print. */
export type ProposalEventInput = Pick<
  ProposalIssuedV1,
  | 'number'
  | 'proposedOn'
  | 'awardFormName'
  | 'planNumber'
  | 'planTitle'
  | 'planIssuedOn'
  | 'signer'
  | 'recipients'
  | 'nominees'
  | 'to'
  | 'decidedBy'
  | 'sessionId'
>;

/** What a proposal letter (TTr) and its summary list are generated from. */
export interface ProposalInput {
  /** `review.proposal-issued.v1`. */
  event: ProposalEventInput;
  /** The names in force on `proposedOn`. */
  names: AgencyNames;
  /** The day of the council session whose vote the dossiers passed, when known. */
  sessionHeldOn?: string | null;
}

/** The nominees with their printed form, collectives first, then people in Vietnamese order. */
function orderedNominees(
  nominees: readonly AwardeeV1[],
): { awardee: AwardeeV1; nominee: PrintedNominee }[] {
  return collated(
    nominees.map((awardee) => ({ awardee, nominee: printedNominee(awardee.nominee) })),
    (item) => item.nominee,
  );
}

/** `(Kèm theo Tờ trình số 05/TTr-SKHCN ngày 25/5/2021 của Sở Khoa học và Công nghệ)`. */
function attachedTo(event: ProposalEventInput, names: AgencyNames): string {
  return `(Kèm theo Tờ trình số ${normalizeText(event.number)} ngày ${shortDate(event.proposedOn)} của ${agencyShortName(names)})`;
}

/**
 * The proposal letter (Tờ trình) to the higher authority: header with its number and date,
 * `TỜ TRÌNH` / `Về việc đề nghị tặng …`, `Kính gửi: …` (who decides), the plan and the council
 * session it rests on, the nominees (collectives first, then people in Vietnamese order), the
 * attached dossier, where it is filed, the request, "Nơi nhận:" (`Như trên` first, the archive
 * last) and the signature.
 */
export function proposalModel(input: ProposalInput): OfficialDocumentModel {
  const { event, names, sessionHeldOn } = nfcDeep(input);
  const agency = agencyShortName(names);
  const authority = withProvince(event.decidedBy, names);
  const plan = planCitation(event, names);
  const formName = normalizeText(event.awardFormName);
  const ordered = orderedNominees(event.nominees);
  const nominees = ordered.map((item) => item.nominee);
  const subjects = subjectsPhrase(nominees);
  const to = normalizeText(event.to);

  const body: Block[] = [
    paragraph(`Kính gửi: ${authority}`, { align: 'center' }),
    paragraph(`Căn cứ ${plan} về việc ${lowerFirst(event.planTitle)};`, { indent: true }),
    ...(sessionHeldOn
      ? [
          paragraph(
            `Căn cứ kết quả họp xét của Hội đồng Thi đua - Khen thưởng Sở ngày ${shortDate(sessionHeldOn)};`,
            { indent: true },
          ),
        ]
      : event.sessionId
        ? [
            paragraph('Căn cứ kết quả họp xét của Hội đồng Thi đua - Khen thưởng Sở;', {
              indent: true,
            }),
          ]
        : []),
    paragraph(
      `${agency} kính trình ${authority} xem xét, tặng ${titleCase(awardNameOf(formName))} cho ${countPhrase(nominees)} đã có thành tích xuất sắc trong thực hiện ${plan}, cụ thể như sau:`,
      { indent: true },
    ),
    ...nominees.map((nominee, index) => {
      const detail = positionAndUnit(nominee);
      const line = detail === '' ? addressedName(nominee) : `${addressedName(nominee)}, ${detail}`;
      return paragraph(`${index + 1}. ${line}${index === nominees.length - 1 ? '.' : ';'}`, {
        indent: true,
      });
    }),
    paragraph('(Có danh sách trích ngang, biên bản họp xét và tóm tắt thành tích kèm theo)', {
      italic: true,
      indent: true,
    }),
    ...(to === '' || to === normalizeText(event.decidedBy)
      ? []
      : [paragraph(sentence(`Hồ sơ đề nghị khen thưởng được nộp tại ${to}`), { indent: true })]),
    paragraph(`${agency} kính trình ${authority} xem xét, quyết định./.`, { indent: true }),
  ];

  return {
    kind: 'proposal',
    orientation: 'portrait',
    header: officialHeader(names, event.proposedOn, event.number),
    typeName: 'TỜ TRÌNH',
    summary: [
      `Về việc đề nghị tặng ${formName} cho ${subjects} có thành tích xuất sắc trong thực hiện ${plan}`,
    ],
    body,
    recipients: {
      heading: 'Nơi nhận:',
      entries: recipientEntries(event.recipients, { first: ['Như trên'], archive: ARCHIVE }),
    },
    signature: signatureBlock(event.signer),
    annexes: [],
    meta: { date: event.proposedOn, title: `Tờ trình số ${normalizeText(event.number)}` },
  };
}

/** The columns of the summary list (widths in mm of an A4 landscape page's 252 mm). */
const LIST_COLUMNS = [
  { title: 'STT', width: 12 },
  { title: 'Họ và tên', width: 48 },
  { title: 'Năm sinh', width: 18 },
  { title: 'Giới tính', width: 18 },
  { title: 'Chức vụ', width: 40 },
  { title: 'Đơn vị', width: 50 },
  { title: 'Thành tích', width: 66 },
];

/** The same columns in an XLSX sheet (widths in characters). */
const SHEET_WIDTHS = [6, 28, 10, 10, 24, 34, 70];

/**
 * The summary list (danh sách trích ngang) of a proposal, as an A4 landscape document and as a
 * sheet: STT, Họ và tên, Năm sinh, Giới tính (Nam/Nữ), Chức vụ, Đơn vị (a collective's: the
 * agency), Thành tích; collectives first (by name), then people by given name, middle and family
 * name (Vietnamese collation).
 */
export function summaryListModels(input: ProposalInput): {
  docx: OfficialDocumentModel;
  sheet: SheetModel;
} {
  const { event, names } = nfcDeep(input);
  const ordered = orderedNominees(event.nominees);
  const formName = normalizeText(event.awardFormName);
  const subjects = subjectsPhrase(ordered.map((item) => item.nominee));
  const summary = [
    `${subjects.slice(0, 1).toLocaleUpperCase('vi')}${subjects.slice(1)} đề nghị tặng ${formName}`,
    attachedTo(event, names),
  ];
  const cells = ordered.map(({ awardee, nominee }, index) => [
    index + 1,
    nominee.name,
    nominee.yearOfBirth,
    nominee.gender,
    nominee.position,
    nominee.kind === 'collective' ? normalizeText(names.agencyName) : nominee.unitName,
    normalizeText(awardee.achievementSummary),
  ]);
  const title = `Danh sách trích ngang kèm theo Tờ trình số ${normalizeText(event.number)}`;
  return {
    docx: {
      kind: 'summary-list',
      orientation: 'landscape',
      header: officialHeader(names, event.proposedOn, null),
      typeName: 'DANH SÁCH TRÍCH NGANG',
      summary,
      body: [
        {
          kind: 'table',
          columns: LIST_COLUMNS,
          rows: cells.map((row) => row.map(String)),
          fontSize: 12,
        },
      ],
      recipients: null,
      signature: signatureBlock(event.signer),
      annexes: [],
      meta: { date: event.proposedOn, title },
    },
    sheet: {
      title: [issuingBody(names), 'DANH SÁCH TRÍCH NGANG', ...summary],
      columns: LIST_COLUMNS.map((column, index) => ({
        title: column.title,
        width: SHEET_WIDTHS[index] ?? 20,
      })),
      rows: cells.map(([stt, name, year, ...rest]) => [
        stt as number,
        name as string,
        year === '' ? '' : Number(year),
        ...(rest as string[]),
      ]),
      meta: { date: event.proposedOn, title },
    },
  };
}
