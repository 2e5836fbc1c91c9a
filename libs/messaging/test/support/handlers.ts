import type { InboundMessage } from '../../src/transport';

/**
 * A message handler from synchronous work: resolves when `work` returns, rejects with what it
 * throws (the way an `async` handler behaves, without an `async` function that awaits nothing).
 */
export function syncHandler<T = InboundMessage>(
  work: (message: T) => void,
): (message: T) => Promise<void> {
  return (message) =>
    new Promise<void>((resolve) => {
      work(message);
      resolve();
    });
}

/** The value, or a failed test when it is missing. */
export function must<T>(value: T | undefined, what = 'value'): T {
  if (value === undefined) throw new Error(`expected a ${what}`);
  return value;
}
