/**
 * The source of "now" for event metadata. Injected so that tests and replays control the
 * `occurredAt` every stored event carries, instead of depending on the wall clock.
 */
export interface Clock {
  now(): Date;
}

/** The wall clock; the default when no clock is injected. */
export const systemClock: Clock = { now: () => new Date() };
