import { ControllableClock, type Clock } from './clock';

describe('ControllableClock', () => {
  it('starts on the day plan 27/KH-SKHCN was issued unless told otherwise', () => {
    expect(new ControllableClock().now().toISOString()).toBe('2021-03-30T01:00:00.000Z');
    expect(new ControllableClock('2021-05-12T00:00:00+07:00').now().toISOString()).toBe(
      '2021-05-11T17:00:00.000Z',
    );
  });

  it('stands still until moved', () => {
    const clock = new ControllableClock(0);
    expect(clock.now().getTime()).toBe(0);
    expect(clock.now().getTime()).toBe(0);
  });

  it('moves forward and back with advance and set', () => {
    const clock = new ControllableClock('2021-05-11T16:59:59.999Z');
    clock.advance(1);
    expect(clock.now().toISOString()).toBe('2021-05-11T17:00:00.000Z');
    clock.advance(-1_000);
    expect(clock.now().toISOString()).toBe('2021-05-11T16:59:59.000Z');
    clock.set(new Date('2025-07-01T00:00:00+07:00'));
    expect(clock.now().toISOString()).toBe('2025-06-30T17:00:00.000Z');
  });

  it('hands out copies, so mutating one does not move the clock', () => {
    const clock = new ControllableClock(1_000);
    clock.now().setTime(5_000);
    expect(clock.now().getTime()).toBe(1_000);
  });

  it('can stand in for any clock', () => {
    const clock: Clock = new ControllableClock(42);
    expect(clock.now().getTime()).toBe(42);
  });

  it('refuses invalid instants and steps', () => {
    expect(() => new ControllableClock('not a date')).toThrow(RangeError);
    expect(() => new ControllableClock().set('2021-13-45')).toThrow(RangeError);
    expect(() => new ControllableClock().advance(Number.NaN)).toThrow(RangeError);
  });
});
