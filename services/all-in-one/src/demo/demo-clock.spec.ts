import { ControllableClock } from '@ttkt/testing';
import { DemoClock } from './demo-clock';

describe('DemoClock', () => {
  it('reads its base clock until set back, runs on from the instant set, and resets', () => {
    const base = new ControllableClock('2026-11-26T10:00:00+07:00');
    const clock = new DemoClock(base);
    expect(clock.now().toISOString()).toBe('2026-11-26T03:00:00.000Z');
    expect(clock.shifted).toBe(false);

    clock.shiftTo('2021-05-05T09:00:00+07:00');
    expect(clock.shifted).toBe(true);
    expect(clock.now().toISOString()).toBe('2021-05-05T02:00:00.000Z');
    base.advance(1_500);
    expect(clock.now().toISOString()).toBe('2021-05-05T02:00:01.500Z');

    clock.reset();
    expect(clock.shifted).toBe(false);
    expect(clock.now().toISOString()).toBe('2026-11-26T03:00:01.500Z');
  });

  it('sets itself right after `during`, also when the work fails', async () => {
    const clock = new DemoClock(new ControllableClock('2026-11-26T10:00:00+07:00'));
    const seen = await clock.during('2021-05-05T09:00:00+07:00', () =>
      Promise.resolve(clock.now().toISOString()),
    );
    expect(seen).toBe('2021-05-05T02:00:00.000Z');
    expect(clock.shifted).toBe(false);
    await expect(
      clock.during('2021-05-05T09:00:00+07:00', () => Promise.reject(new Error('refused'))),
    ).rejects.toThrow('refused');
    expect(clock.now().toISOString()).toBe('2026-11-26T03:00:00.000Z');
  });

  it('follows the wall clock by default and refuses an invalid instant', () => {
    const clock = new DemoClock();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
    expect(() => clock.shiftTo('not a date')).toThrow(RangeError);
  });
});
