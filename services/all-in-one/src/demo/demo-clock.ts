import { systemClock, type Clock } from '@ttkt/event-store';

/**
 * The platform's clock while the demo loads: `base` (the wall clock by default) plus an offset
 * the loader may set, so that the Bắc Kạn dossiers of 2021 are recorded as they happened (their
 * events, tokens and submission checks all read this "now"). The offset is 0 except while the
 * loader records that history; time keeps running while shifted.
 */
export class DemoClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly base: Clock = systemClock) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  /** True while "now" is moved away from the base clock. */
  get shifted(): boolean {
    return this.offsetMs !== 0;
  }

  /** From now on (until {@link reset}) "now" reads as `instant`, and runs on from there. */
  shiftTo(instant: Date | string): void {
    const target = new Date(instant).getTime();
    if (Number.isNaN(target)) throw new RangeError(`not a valid instant: ${String(instant)}`);
    this.offsetMs = target - this.base.now().getTime();
  }

  /** Back to the base clock. */
  reset(): void {
    this.offsetMs = 0;
  }

  /**
   * Runs `work` while "now" reads as `instant` (and runs on from there), then goes back to the
   * base clock, also when `work` fails.
   */
  async during<T>(instant: Date | string, work: () => Promise<T>): Promise<T> {
    this.shiftTo(instant);
    try {
      return await work();
    } finally {
      this.reset();
    }
  }
}
