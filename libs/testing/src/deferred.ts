/** A promise with its `resolve` and `reject` at hand, made by {@link deferred}. */
export interface Deferred<T> {
  /** Settles when the test calls `resolve` or `reject`. */
  promise: Promise<T>;
  /** Fulfils `promise` with `value`. */
  resolve(value: T): void;
  /** Rejects `promise` with `error`. */
  reject(error: Error): void;
}

/**
 * A promise the test settles itself: lets a test hold a handler (or any callback) until it says
 * so, and know when something was reached without waiting for a fixed time.
 *
 * @example
 * const gate = deferred();
 * await transport.subscribe({ ..., handler: async () => { await gate.promise; } });
 * // … assert on what happens while the handler is held …
 * gate.resolve();
 */
export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
