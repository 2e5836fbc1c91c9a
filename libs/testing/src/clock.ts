/** What the platform's code reads the time from; services inject one, tests a controllable one. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/**
 * A clock that only moves when told to. Starts at `start` (default 2021-03-30T08:00:00+07:00,
 * the day plan 27/KH-SKHCN was issued). Every `now()` returns a fresh `Date`, so callers cannot
 * move the clock by mutating what they got.
 */
export class ControllableClock implements Clock {
  private current: number;

  /** @param start - the initial instant (a `Date`, an ISO-8601 string or ms since the epoch). */
  constructor(start: Date | string | number = '2021-03-30T08:00:00+07:00') {
    this.current = toMillis(start);
  }

  /** The clock's current instant. */
  now(): Date {
    return new Date(this.current);
  }

  /** Moves the clock to `instant` (backwards too). */
  set(instant: Date | string | number): void {
    this.current = toMillis(instant);
  }

  /** Moves the clock forward by `ms` milliseconds (a negative value moves it back). */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`advance: not a finite number: ${ms}`);
    this.current += ms;
  }
}

function toMillis(instant: Date | string | number): number {
  const ms = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a valid instant: ${String(instant)}`);
  return ms;
}
