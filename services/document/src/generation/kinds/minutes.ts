import type { SessionClosedV1, SessionFormResultV1 } from '@ttkt/contracts';
import type { Block, OfficialDocumentModel } from '../model';
import { normalizeText } from './collation';
import { heading, nfcDeep, paragraph, sentence, type PlanReference } from './common';
import { localDateTime, printedCount, shortDate, vietnameseDate } from './dates';
import { planCitation } from './decision';
import { agencyShortName, issuingBody, lowerFirst, placeAndDate, type AgencyNames } from './names';

/** The fields of `review.session-closed.v1` the minutes print. */
export type SessionEventInput = Pick<
  SessionClosedV1,
  | 'heldOn'
  | 'chairUserId'
  | 'secretaryUserId'
  | 'memberUserIds'
  | 'presentUserIds'
  | 'rulesSource'
  | 'forms'
  | 'closedAt'
>;

/** What the minutes (Biên bản) of a council session are generated from. */
export interface MinutesInput {
  /** `review.session-closed.v1`. */
  event: SessionEventInput;
  /** The names in force on `heldOn`. */
  names: AgencyNames;
  /** Display names of the council's members by user id; an unknown id is printed as it is. */
  people?: Readonly<Record<string, string>> | null;
  /** The nominees as printed (`Bà Nguyễn Thị Lan`, a unit's name) by nomination id; else the id. */
  nominees?: Readonly<Record<string, string>> | null;
  /** The award forms' names (`Giấy khen của Giám đốc Sở`) by code; else the code. */
  awardForms?: Readonly<Record<string, string>> | null;
  /** The campaign's plan, when known. */
  plan?: PlanReference | null;
  /** The quorum as the council's rules state it (`2/3`) and whether it was met, when known. */
  quorum?: { required: string; met: boolean } | null;
  /** The chair's tie-breaks by award form code, when known. */
  tieBreaks?: Readonly<Record<string, { chosenNominationIds: string[]; reason: string }>> | null;
}

const DENOMINATORS: Readonly<Record<string, string>> = {
  'all-members': 'tổng số thành viên Hội đồng',
  present: 'số thành viên có mặt',
  participants: 'số thành viên tham gia biểu quyết',
};

/** The council's name in the minutes. */
const COUNCIL = 'Hội đồng Thi đua - Khen thưởng';

/** `- a;` … `- z.` */
function listed(items: string[]): Block[] {
  return items.map((item, index) =>
    paragraph(`- ${item}${index === items.length - 1 ? '.' : ';'}`, { indent: true }),
  );
}

/**
 * The minutes (Biên bản) of a council session: `BIÊN BẢN` / `Họp Hội đồng Thi đua - Khen thưởng
 * …`, date and place, attendance (chair, secretary, members present of all, absent), the quorum,
 * the rules applied, per award form the quota, the ballot, the threshold, the tally table (STT,
 * nominee, yes, no, ballots, result), the tie and the chair's tie-break, the dossiers within the
 * quota, the closing time, and the two signatures (THƯ KÝ / CHỦ TỊCH) as a table block (the model
 * has one signature only). Names of members and nominees come from the input; ids otherwise.
 */
export function minutesModel(input: MinutesInput): OfficialDocumentModel {
  const { event, names, people, nominees, awardForms, plan, quorum, tieBreaks } = nfcDeep(input);
  const person = (userId: string): string => normalizeText(people?.[userId] ?? '') || userId;
  const nominee = (nominationId: string): string =>
    normalizeText(nominees?.[nominationId] ?? '') || nominationId;
  const agency = agencyShortName(names);
  const reference = plan ? planCitation(plan, names) : null;
  const present = new Set(event.presentUserIds);
  const members = [...new Set([event.chairUserId, event.secretaryUserId, ...event.memberUserIds])];
  const attending = members.filter((userId) => present.has(userId));
  const absent = members.filter((userId) => !present.has(userId));
  const closed = localDateTime(event.closedAt);

  const body: Block[] = [
    paragraph(
      `Vào ${vietnameseDate(event.heldOn)}, tại ${normalizeText(names.agencyName)}, ${COUNCIL} ${agency} họp xét khen thưởng${
        reference && plan ? ` theo ${reference} về việc ${lowerFirst(plan.planTitle)}` : ''
      }.`,
      { indent: true },
    ),
    heading('I. THÀNH PHẦN'),
    paragraph(`1. Chủ trì: ${person(event.chairUserId)} - Chủ tịch Hội đồng.`, { indent: true }),
    paragraph(`2. Thư ký: ${person(event.secretaryUserId)} - Thư ký Hội đồng.`, { indent: true }),
    paragraph(
      `3. Thành viên Hội đồng có mặt: ${printedCount(attending.length)}/${printedCount(members.length)} thành viên${attending.length > 0 ? ':' : '.'}`,
      { indent: true },
    ),
    ...listed(attending.map(person)),
    paragraph(
      absent.length === 0
        ? '4. Vắng mặt: không.'
        : `4. Vắng mặt: ${absent.map(person).join(', ')}.`,
      { indent: true },
    ),
    ...(quorum
      ? [
          paragraph(
            `Số thành viên có mặt ${quorum.met ? 'bảo đảm' : 'không bảo đảm'} tỷ lệ tối thiểu ${normalizeText(quorum.required)} tổng số thành viên Hội đồng theo quy định.`,
            { indent: true },
          ),
        ]
      : []),
    paragraph(sentence(`Quy định áp dụng: ${normalizeText(event.rulesSource)}`), { indent: true }),
    heading('II. NỘI DUNG VÀ KẾT QUẢ BIỂU QUYẾT'),
    ...event.forms.flatMap((form, index) =>
      formBlocks(form, index, {
        formName: normalizeText(awardForms?.[form.awardFormCode] ?? '') || form.awardFormCode,
        nominee,
        tieBreak: tieBreaks?.[form.awardFormCode] ?? null,
      }),
    ),
    paragraph(
      `Cuộc họp kết thúc lúc ${closed.time} ${closed.date === event.heldOn ? 'cùng ngày' : `ngày ${shortDate(closed.date)}`}. Biên bản đã được thông qua trước Hội đồng./.`,
      { indent: true },
    ),
    {
      kind: 'table',
      columns: [
        { title: 'THƯ KÝ', width: 82 },
        { title: 'CHỦ TỊCH', width: 83 },
      ],
      rows: [[person(event.secretaryUserId), person(event.chairUserId)]],
    },
  ];

  return {
    kind: 'minutes',
    orientation: 'portrait',
    header: {
      parentBody: issuingBody(names),
      issuingBody: `HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG`,
      numberLine: '',
      placeAndDate: placeAndDate(names, event.heldOn),
    },
    typeName: 'BIÊN BẢN',
    summary: [
      `Họp ${COUNCIL} ${agency}`,
      reference && plan
        ? `Xét khen thưởng theo Kế hoạch số ${normalizeText(plan.planNumber)} ngày ${shortDate(plan.planIssuedOn)}`
        : 'Xét đề nghị khen thưởng',
    ],
    body,
    recipients: null,
    signature: null,
    annexes: [],
    meta: { date: event.heldOn, title: `Biên bản họp ${COUNCIL} ngày ${shortDate(event.heldOn)}` },
  };
}

function formBlocks(
  form: SessionFormResultV1,
  index: number,
  context: {
    formName: string;
    nominee: (nominationId: string) => string;
    tieBreak: { chosenNominationIds: string[]; reason: string } | null;
  },
): Block[] {
  const { formName, nominee, tieBreak } = context;
  const denominator = DENOMINATORS[form.of] ?? normalizeText(form.of);
  const tie = readTie(form.tie);
  const tied = new Set(tie?.nominationIds ?? []);
  const approved = form.tally.filter((line) => line.approved);
  const clear = approved
    .filter((line) => !tied.has(line.nominationId))
    .slice(0, Math.max(0, form.quota - (tie?.places ?? 0)));
  const within = [
    ...clear.map((line) => line.nominationId),
    ...(tie && tieBreak ? tieBreak.chosenNominationIds : []),
  ];
  const blocks: Block[] = [
    heading(`${index + 1}. ${formName}`),
    paragraph(
      `Chỉ tiêu: không quá ${printedCount(form.quota)} tập thể, cá nhân. Hình thức biểu quyết: ${form.secretBallot ? 'bỏ phiếu kín' : 'biểu quyết công khai'}. Điều kiện đạt: số phiếu đồng ý từ ${normalizeText(form.fraction)} ${denominator} trở lên.`,
      { indent: true },
    ),
    {
      kind: 'table',
      columns: [
        { title: 'STT', width: 12 },
        { title: 'Tập thể, cá nhân được đề nghị', width: 61 },
        { title: 'Đồng ý', width: 20 },
        { title: 'Không đồng ý', width: 24 },
        { title: 'Số phiếu', width: 20 },
        { title: 'Kết quả', width: 28 },
      ],
      rows: form.tally.map((line, row) => [
        String(row + 1),
        nominee(line.nominationId),
        String(line.yes),
        String(line.no),
        String(line.ballots),
        line.approved ? (line.rank ? `Đạt (thứ ${line.rank})` : 'Đạt') : 'Không đạt',
      ]),
    },
  ];
  if (tie) {
    blocks.push(
      paragraph(
        `Có ${printedCount(tie.nominationIds.length)} hồ sơ cùng đạt ${tie.yes} phiếu đồng ý cho ${printedCount(tie.places)} vị trí cuối cùng trong chỉ tiêu: ${tie.nominationIds.map(nominee).join(', ')}. Theo quy định, Chủ tịch Hội đồng quyết định.`,
        { indent: true },
      ),
      paragraph(
        tieBreak
          ? `Chủ tịch Hội đồng quyết định chọn: ${tieBreak.chosenNominationIds.map(nominee).join(', ')}. ${sentence(`Lý do: ${normalizeText(tieBreak.reason)}`)}`
          : 'Hội đồng thống nhất để Chủ tịch Hội đồng quyết định lựa chọn trong số các hồ sơ này.',
        { indent: true },
      ),
    );
  }
  blocks.push(
    paragraph(
      within.length === 0
        ? 'Kết quả: không có hồ sơ nào được đề nghị khen thưởng.'
        : `Kết quả: Hội đồng thống nhất đề nghị khen thưởng ${printedCount(within.length)} hồ sơ: ${within.map(nominee).join(', ')}.`,
      { indent: true },
    ),
  );
  return blocks;
}

function readTie(
  tie: Record<string, unknown> | null | undefined,
): { nominationIds: string[]; places: number; yes: number } | null {
  if (!tie || !Array.isArray(tie['nominationIds'])) return null;
  return {
    nominationIds: tie['nominationIds'].filter((id): id is string => typeof id === 'string'),
    places: typeof tie['places'] === 'number' ? tie['places'] : 0,
    yes: typeof tie['yes'] === 'number' ? tie['yes'] : 0,
  };
}
