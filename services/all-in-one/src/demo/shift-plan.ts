/** A JSON value, as plans travel in request bodies. */
export type DemoJson = string | number | boolean | null | DemoJson[] | { [key: string]: DemoJson };

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `12/5/2021`, `04/02/2021` (a date of the text), or a year alone (`năm 2021`, `2021-2026`). */
const TEXT_DATE_OR_YEAR = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b|\b((?:19|20)\d{2})\b/g;
/** The National Assembly's term (`khóa XV`): one every five years. */
const ASSEMBLY_TERM = /\bkhóa ([IVXL]+)\b/g;

/** Days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** `date` (`YYYY-MM-DD`) moved by `days`. */
export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today's calendar date in Asia/Ho_Chi_Minh (`YYYY-MM-DD`). */
export function localDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * The plan with every date moved by the same offset, so that a plan issued on `originalIssuedOn`
 * reads as if issued on `issuedOn`: ISO dates (period, deadlines), dates inside the texts
 * (`trước 12/5/2021`; a day or month written with a leading zero keeps one), years standing alone (`năm 2021`,
 * `nhiệm kỳ 2021-2026`) by the difference in years, and the National Assembly's term (`khóa XV`)
 * by one per five years. Day-and-month dates without a year (`(18/5)`, a yearly day) stay.
 */
export function shiftPlanDates(
  plan: DemoJson,
  originalIssuedOn: string,
  issuedOn: string,
): DemoJson {
  const days = daysBetween(originalIssuedOn, issuedOn);
  const years = Number(issuedOn.slice(0, 4)) - Number(originalIssuedOn.slice(0, 4));
  const terms = Math.round(years / 5);
  const shiftText = (text: string): string => {
    if (ISO_DATE.test(text)) return addDays(text, days);
    const shifted = text.replace(
      TEXT_DATE_OR_YEAR,
      (match, day?: string, month?: string, year?: string, alone?: string) => {
        if (alone !== undefined) return String(Number(alone) + years);
        const moved = addDays(`${year}-${pad(Number(month))}-${pad(Number(day))}`, days).split('-');
        const [newYear, newMonth, newDay] = moved.map(Number) as [number, number, number];
        const asBefore = (value: number, original = ''): string =>
          original.startsWith('0') ? pad(value) : String(value);
        return `${asBefore(newDay, day)}/${asBefore(newMonth, month)}/${newYear}`;
      },
    );
    return terms === 0
      ? shifted
      : shifted.replace(ASSEMBLY_TERM, (_match, roman: string) => {
          const number = fromRoman(roman);
          return number === undefined ? _match : `khóa ${toRoman(number + terms)}`;
        });
  };
  return mapStrings(plan, shiftText);
}

/** The plan with `replace` applied to every string in it (keys stay). */
export function mapStrings(value: DemoJson, replace: (text: string) => string): DemoJson {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, replace));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, replace)]),
    );
  }
  return value;
}

function toUtc(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

const ROMAN: Array<[number, string]> = [
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function toRoman(value: number): string {
  let rest = value;
  let text = '';
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      text += letters;
      rest -= amount;
    }
  }
  return text;
}

function fromRoman(text: string): number | undefined {
  for (let value = 1; value < 90; value++) if (toRoman(value) === text) return value;
  return undefined;
}
