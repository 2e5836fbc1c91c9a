/**
 * Deadlines of a plan as instants. A plan says "trước 12/5/2021" (received before 00:00 of that
 * day, local time) or "đến hết ngày 10/5/2021" (through that whole day): the cut-off is the first
 * late instant, written with the local offset (Asia/Ho_Chi_Minh is UTC+7 all year, no DST).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The local calendar date (`YYYY-MM-DD`, Asia/Ho_Chi_Minh: UTC+7, no DST) of an instant. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The calendar date `days` after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Midnight at the start of a local date, as an ISO instant with +07:00. */
export function localMidnight(date: string): string {
  return `${date}T00:00:00+07:00`;
}

/** True when the plan's words include the whole day ("hết ngày", "đến hết ngày"). */
export function wordingIncludesTheDay(wording: string | undefined): boolean {
  return wording !== undefined && /hết\s+ngày/iu.test(wording.normalize('NFC'));
}

/**
 * The cut-off instant of a stage deadline: `before` at 00:00 local time, or the next day's 00:00
 * when the wording says "hết ngày" (the day itself is included).
 */
export function stageCutoff(before: string, wording?: string): string {
  return localMidnight(wordingIncludesTheDay(wording) ? addDays(before, 1) : before);
}

/** The end of a period: `to` is inclusive (next day's 00:00) unless `toInclusive` is false. */
export function periodCutoff(to: string, toInclusive?: boolean): string {
  return localMidnight(toInclusive === false ? to : addDays(to, 1));
}

/** The plan's usual wording for a deadline date: "trước ngày 31/5/2021". */
export function defaultBeforeWording(before: string): string {
  const [year, month, day] = before.split('-').map(Number) as [number, number, number];
  return `trước ngày ${day}/${month}/${year}`;
}
