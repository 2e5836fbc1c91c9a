/** How long {@link eventually} keeps trying, and how often. */
export interface EventuallyOptions {
  /** Give up after this many milliseconds (default 10 000). */
  timeoutMs?: number;
  /** Wait this many milliseconds between attempts (default 25). */
  intervalMs?: number;
}

/**
 * Runs `assertion` until it stops throwing (or rejecting) and returns its result; after
 * `timeoutMs` it throws the last failure, with the number of attempts and the time spent added
 * to the message. The only waiting primitive tests may use: wait on an observable effect (a
 * checkpoint, a row, a message), never for a fixed time.
 *
 * @example
 * const row = await eventually(async () => {
 *   const found = await readModel.find(campaignId);
 *   expect(found?.status).toBe('issued');
 *   return found;
 * });
 */
export async function eventually<T>(
  assertion: () => T | Promise<T>,
  options: EventuallyOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 25;
  if (!(timeoutMs >= 0) || !(intervalMs >= 0)) {
    throw new RangeError(`eventually: timeoutMs and intervalMs must be >= 0`);
  }
  const started = Date.now();
  let attempts = 0;
  for (;;) {
    attempts += 1;
    try {
      return await assertion();
    } catch (error: unknown) {
      const elapsed = Date.now() - started;
      if (elapsed >= timeoutMs) {
        throw timedOut(error, attempts, elapsed);
      }
      await delay(Math.min(intervalMs, timeoutMs - elapsed));
    }
  }
}

function timedOut(last: unknown, attempts: number, elapsedMs: number): Error {
  const summary = `eventually: still failing after ${attempts} attempt(s) in ${elapsedMs} ms`;
  if (last instanceof Error) {
    // Keep the original error (and its Jest matcher diff) but say that we waited for it.
    last.message = `${summary}: ${last.message}`;
    return last;
  }
  return new Error(`${summary}: ${String(last)}`, { cause: last });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
