import { IsDateString, Matches } from 'class-validator';

/** A calendar date of the domain, `YYYY-MM-DD` (Asia/Ho_Chi_Minh). */
export const CALENDAR_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The property is a real calendar date written `YYYY-MM-DD`: `isDateString` for a date that does
 * not exist (2021-02-30), `matches` for another form.
 */
export function IsCalendarDate(): PropertyDecorator {
  return (target, property) => {
    IsDateString({ strict: true })(target, property);
    Matches(CALENDAR_DATE_PATTERN)(target, property);
  };
}
