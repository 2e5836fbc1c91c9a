/** DI token of the blob store the worker stores generated files in (the gateway's, shared). */
export const DOCUMENT_BLOB_STORE = Symbol('DOCUMENT_BLOB_STORE');

/** DI token of the `GenerateFiles` the worker calls (the real generator; tests may replace it). */
export const DOCUMENT_GENERATOR = Symbol('DOCUMENT_GENERATOR');

/** DI token of the worker's {@link DocumentWorkerOptions}. */
export const DOCUMENT_WORKER_OPTIONS = Symbol('DOCUMENT_WORKER_OPTIONS');

/** How the document worker runs. */
export interface DocumentWorkerOptions {
  /** Start with the application (default true); off, `runOnce` drives it (tests). */
  autoStart: boolean;
  /** Pause between two looks for pending documents when none was due (default 200 ms). */
  pollMs: number;
  /** Pause after the database failed (default 2 s). */
  errorPauseMs: number;
  /** Documents claimed and generated at once (default 2). */
  batchSize: number;
  /** How long a claim holds a document (default 60 s): then another worker may take it. */
  leaseMs: number;
  /** Attempts before a document is `failed` (default 5). */
  maxAttempts: number;
  /**
   * The pause after the n-th failed attempt is `retryDelaysMs[n - 1]` (the last one repeats):
   * default 1 s, 5 s, 30 s, 2 min.
   */
  retryDelaysMs: number[];
  /** The largest file stored (default 50 MiB). */
  maxFileBytes: number;
}

/** The defaults of {@link DocumentWorkerOptions}. */
export const DEFAULT_DOCUMENT_WORKER_OPTIONS: DocumentWorkerOptions = {
  autoStart: true,
  pollMs: 200,
  errorPauseMs: 2_000,
  batchSize: 2,
  leaseMs: 60_000,
  maxAttempts: 5,
  retryDelaysMs: [1_000, 5_000, 30_000, 120_000],
  maxFileBytes: 50 * 1024 * 1024,
};

/**
 * The pause before the next attempt after `attempt` failed, or null when it was the last allowed
 * one (the document is then `failed`). Pure.
 */
export function retryDelayAfter(
  attempt: number,
  options: Pick<DocumentWorkerOptions, 'maxAttempts' | 'retryDelaysMs'>,
): number | null {
  if (attempt >= options.maxAttempts) return null;
  const delays = options.retryDelaysMs;
  return delays[Math.min(attempt, delays.length) - 1] ?? 0;
}

/** The options with the defaults filled in, checked. */
export function documentWorkerOptions(
  options: Partial<DocumentWorkerOptions> = {},
): DocumentWorkerOptions {
  const merged = { ...DEFAULT_DOCUMENT_WORKER_OPTIONS, ...options };
  for (const name of [
    'pollMs',
    'errorPauseMs',
    'batchSize',
    'leaseMs',
    'maxAttempts',
    'maxFileBytes',
  ] as const) {
    const value = merged[name];
    if (
      !Number.isSafeInteger(value) ||
      value < (name === 'pollMs' || name === 'errorPauseMs' ? 0 : 1)
    ) {
      throw new RangeError(`document worker: ${name} must be a positive integer, got ${value}`);
    }
  }
  if (merged.retryDelaysMs.some((delay) => !Number.isSafeInteger(delay) || delay < 0)) {
    throw new RangeError('document worker: retryDelaysMs must be non-negative integers');
  }
  return merged;
}
