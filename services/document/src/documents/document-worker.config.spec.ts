import {
  DEFAULT_DOCUMENT_WORKER_OPTIONS,
  documentWorkerOptions,
  retryDelayAfter,
} from './document-worker.config';

describe('retryDelayAfter', () => {
  it('pauses longer after each failed attempt, the last delay repeating, and gives up at the last attempt', () => {
    const options = { maxAttempts: 5, retryDelaysMs: [1_000, 5_000, 30_000] };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayAfter(attempt, options))).toEqual([
      1_000,
      5_000,
      30_000,
      30_000,
      null,
      null,
    ]);
  });

  it('retries at once without delays, and never with one attempt', () => {
    expect(retryDelayAfter(1, { maxAttempts: 3, retryDelaysMs: [] })).toBe(0);
    expect(retryDelayAfter(1, { maxAttempts: 1, retryDelaysMs: [10] })).toBeNull();
  });
});

describe('documentWorkerOptions', () => {
  it('fills in the defaults: 200 ms polls, 2 at once, 60 s leases, 5 attempts', () => {
    expect(documentWorkerOptions()).toEqual(DEFAULT_DOCUMENT_WORKER_OPTIONS);
    expect(documentWorkerOptions({ pollMs: 20 })).toMatchObject({ pollMs: 20, batchSize: 2 });
    expect(DEFAULT_DOCUMENT_WORKER_OPTIONS).toMatchObject({
      pollMs: 200,
      batchSize: 2,
      leaseMs: 60_000,
      maxAttempts: 5,
    });
  });

  it('refuses nonsense', () => {
    expect(() => documentWorkerOptions({ batchSize: 0 })).toThrow(RangeError);
    expect(() => documentWorkerOptions({ maxAttempts: 1.5 })).toThrow(RangeError);
    expect(() => documentWorkerOptions({ retryDelaysMs: [-1] })).toThrow(RangeError);
  });
});
