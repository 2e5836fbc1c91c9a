/**
 * Dates as Vietnamese official documents write them (Decree 30/2020/NĐ-CP, Appendix I): a day
 * below 10 and the months 1 and 2 are zero-padded. Pure: every date comes from the inputs, never
 * from a clock.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of a calendar date `YYYY-MM-DD`; a RangeError when it is not a real date. */
export function dateParts(date: string): { year: number; month: number; day: number } {
  const match = DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (
      check.getUTCFullYear() === year &&
      check.getUTCMonth() === month - 1 &&
      check.getUTCDate() === day
    ) {
      return { year, month, day };
    }
  }
  throw new RangeError(`A calendar date is written YYYY-MM-DD, got ${JSON.stringify(date)}`);
}

/** The day as printed: zero-padded below 10 (`05`, `30`). */
function printedDay(day: number): string {
  return String(day).padStart(2, '0');
}

/** The month as printed: zero-padded for January and February only (`01`, `02`, `3`, `12`). */
function printedMonth(month: number): string {
  return month <= 2 ? String(month).padStart(2, '0') : String(month);
}

/**
 * The date spelled out: `vietnameseDate('2021-03-30')` → `ngày 30 tháng 3 năm 2021`,
 * `vietnameseDate('2022-01-05')` → `ngày 05 tháng 01 năm 2022`.
 */
export function vietnameseDate(date: string): string {
  const { year, month, day } = dateParts(date);
  return `ngày ${printedDay(day)} tháng ${printedMonth(month)} năm ${year}`;
}

/**
 * The date in figures as the plans cite documents, with the same padding rule:
 * `shortDate('2021-03-02')` → `02/3/2021`, `shortDate('2021-02-04')` → `04/02/2021`,
 * `shortDate('2021-05-17')` → `17/5/2021`.
 */
export function shortDate(date: string): string {
  const { year, month, day } = dateParts(date);
  return `${printedDay(day)}/${printedMonth(month)}/${year}`;
}

/**
 * An instant's local date and time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving): the date as
 * `YYYY-MM-DD` and the time as `10 giờ 05 phút`. A RangeError for an unreadable instant.
 */
export function localDateTime(instant: string): { date: string; time: string } {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${JSON.stringify(instant)}`);
  const local = new Date(ms + 7 * 60 * 60 * 1000).toISOString();
  const hours = Number(local.slice(11, 13));
  return { date: local.slice(0, 10), time: `${hours} giờ ${local.slice(14, 16)} phút` };
}

/** A count as documents print it: zero-padded below 10 (`03 tập thể, cá nhân`). */
export function printedCount(count: number): string {
  return String(count).padStart(2, '0');
}
