import type { Block, SignatureBlock } from '../model';
import { comparePeopleNames, compareVietnamese, normalizeText } from './collation';
import { dateParts, printedCount } from './dates';

/** Every string of a JSON-like value in NFC (input from Excel or macOS may be NFD). */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => nfcDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, nfcDeep(inner)]),
    ) as T;
  }
  return value;
}

/** A text of the input, whitespace tidied; '' when it is not a string. */
export function text(value: unknown): string {
  return typeof value === 'string' ? normalizeText(value) : '';
}

/** A signer as the events carry it (`capacity` is `TM.`, `KT.`, `Q.`, `TL.`, `TUQ.` or absent). */
export interface SignerInput {
  capacity?: string | null;
  title: string;
  name: string;
}

/**
 * The signature block of a signer. With a capacity the first line names the head it acts for:
 * the title without `PHÓ ` (`KT.` + `PHÓ GIÁM ĐỐC` → `KT. GIÁM ĐỐC` / `PHÓ GIÁM ĐỐC`), or
 * `headTitle` when given.
 */
export function signatureBlock(signer: SignerInput, headTitle?: string): SignatureBlock {
  const title = normalizeText(signer.title).toLocaleUpperCase('vi');
  const capacity = signer.capacity ? normalizeText(signer.capacity) : '';
  if (capacity === '')
    return { capacity: null, authority: null, title, name: normalizeText(signer.name) };
  const authority = headTitle
    ? normalizeText(headTitle).toLocaleUpperCase('vi')
    : title.replace(/^PHÓ\s+/u, '');
  return { capacity, authority, title, name: normalizeText(signer.name) };
}

/** The title of the head a signature speaks for: its authority, or its own title. */
export function headTitleOf(signature: SignatureBlock): string {
  return signature.authority ?? signature.title;
}

/** A recipient as the events carry it. */
export interface RecipientInput {
  name: string;
  purpose?: string | null;
}

/** True for the archive entry of "Nơi nhận" (`Lưu: VT, VP`). */
function isArchive(recipient: RecipientInput): boolean {
  return /^lưu\b/iu.test(normalizeText(recipient.name));
}

/**
 * The entries of "Nơi nhận": `- <name> (<purpose>);` each, the last one ending with `.`.
 * `first` entries (`Như Điều 3`, `Như trên`) come before the given ones; with `archive` the
 * archive entry (`Lưu: VT, VP`) is added when missing and always printed last.
 */
export function recipientEntries(
  recipients: readonly RecipientInput[],
  options: { first?: string[]; archive?: string } = {},
): string[] {
  const given = recipients.filter((recipient) => normalizeText(recipient.name) !== '');
  const archived = given.filter(isArchive);
  const others = given.filter((recipient) => !isArchive(recipient));
  const archive =
    archived.length > 0 || options.archive === undefined ? archived : [{ name: options.archive }];
  const all: RecipientInput[] = [
    ...(options.first ?? []).map((name) => ({ name })),
    ...others,
    ...archive,
  ];
  return all.map((recipient, index) => {
    const name = normalizeText(recipient.name).replace(/[;.]+$/u, '');
    const purpose = recipient.purpose ? ` (${normalizeText(recipient.purpose)})` : '';
    return `- ${name}${purpose}${index === all.length - 1 ? '.' : ';'}`;
  });
}

/** The archive entry the generated documents end "Nơi nhận" with. */
export const ARCHIVE = 'Lưu: VT, VP';

/** A nominee (individual or collective) as the documents print it. */
export interface PrintedNominee {
  kind: 'individual' | 'collective';
  /** The full name (family name first) or the unit's name. */
  name: string;
  /** `Ông`/`Bà` for an individual whose gender is known; '' otherwise. */
  honorific: string;
  /** Year of birth (`1985`) or ''. */
  yearOfBirth: string;
  /** `Nam`, `Nữ` or ''. */
  gender: string;
  /** Position (chức vụ) or ''. */
  position: string;
  /** The unit (of the person; the collective's own name for a unit). */
  unitName: string;
}

/**
 * A nominee snapshot of an event (`{ kind: 'individual', fullName, dateOfBirth, gender,
 * position, unitName }` or `{ kind: 'collective', unitName }`) as printed.
 */
export function printedNominee(nominee: Record<string, unknown>): PrintedNominee {
  const fullName = text(nominee['fullName']);
  const unitName = text(nominee['unitName']);
  if (nominee['kind'] === 'collective' || (nominee['kind'] !== 'individual' && fullName === '')) {
    return {
      kind: 'collective',
      name: unitName,
      honorific: '',
      yearOfBirth: '',
      gender: '',
      position: '',
      unitName,
    };
  }
  const gender = text(nominee['gender']).toLowerCase();
  const dateOfBirth = text(nominee['dateOfBirth']);
  let yearOfBirth = '';
  try {
    yearOfBirth = String(dateParts(dateOfBirth).year);
  } catch {
    yearOfBirth = /^\d{4}$/.test(dateOfBirth) ? dateOfBirth : '';
  }
  return {
    kind: 'individual',
    name: fullName,
    honorific: gender === 'female' ? 'Bà' : gender === 'male' ? 'Ông' : '',
    yearOfBirth,
    gender: gender === 'female' ? 'Nữ' : gender === 'male' ? 'Nam' : '',
    position: text(nominee['position']),
    unitName,
  };
}

/** `Bà Nguyễn Thị Lan`, `Ông Trần Văn Bình`, or the unit's name. */
export function addressedName(nominee: PrintedNominee): string {
  return nominee.honorific === '' ? nominee.name : `${nominee.honorific} ${nominee.name}`;
}

/** Position and unit of an individual (`Chuyên viên, Văn phòng Sở`); '' for a collective. */
export function positionAndUnit(nominee: PrintedNominee): string {
  if (nominee.kind === 'collective') return '';
  return [nominee.position, nominee.unitName].filter((part) => part !== '').join(', ');
}

/**
 * Collectives first (by name), then individuals by given name, middle and family name, with the
 * Vietnamese collator; stable for equal names.
 */
export function collated<T>(items: readonly T[], nomineeOf: (item: T) => PrintedNominee): T[] {
  return items
    .map((item, index) => ({ item, index, nominee: nomineeOf(item) }))
    .sort((a, b) => {
      if (a.nominee.kind !== b.nominee.kind) return a.nominee.kind === 'collective' ? -1 : 1;
      const order =
        a.nominee.kind === 'collective'
          ? compareVietnamese(a.nominee.name, b.nominee.name)
          : comparePeopleNames(a.nominee.name, b.nominee.name);
      return order || a.index - b.index;
    })
    .map(({ item }) => item);
}

/**
 * Who a list holds: `01 tập thể và 02 cá nhân`, `03 cá nhân`, `02 tập thể`.
 */
export function countPhrase(nominees: readonly PrintedNominee[]): string {
  const collectives = nominees.filter((nominee) => nominee.kind === 'collective').length;
  const individuals = nominees.length - collectives;
  const parts = [
    ...(collectives > 0 ? [`${printedCount(collectives)} tập thể`] : []),
    ...(individuals > 0 || collectives === 0 ? [`${printedCount(individuals)} cá nhân`] : []),
  ];
  return parts.join(' và ');
}

/** `tập thể, cá nhân`, `tập thể` or `cá nhân`, after who a list holds. */
export function subjectsPhrase(nominees: readonly PrintedNominee[]): string {
  const collectives = nominees.some((nominee) => nominee.kind === 'collective');
  const individuals = nominees.some((nominee) => nominee.kind === 'individual');
  if (collectives && !individuals) return 'tập thể';
  if (individuals && !collectives) return 'cá nhân';
  return 'tập thể, cá nhân';
}

/** A paragraph block. */
export function paragraph(
  content: string,
  style: Omit<Extract<Block, { kind: 'paragraph' }>, 'kind' | 'text'> = {},
): Block {
  return { kind: 'paragraph', text: content, ...style };
}

/** A heading block. */
export function heading(content: string): Block {
  return { kind: 'heading', text: content };
}

/** A text ending with a full stop (unless it already ends with punctuation). */
export function sentence(content: string): string {
  const normalized = normalizeText(content);
  return /[.;:!?]$/u.test(normalized) ? normalized : `${normalized}.`;
}

/** The plan as documents cite it: `Kế hoạch số 27/KH-SKHCN ngày 30/3/2021`. */
export interface PlanReference {
  planNumber: string;
  planIssuedOn: string;
  planTitle: string;
}
