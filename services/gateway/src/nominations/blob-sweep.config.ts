/** DI token of the gateway's {@link BlobSweepConfig} (from `startGateway`). */
export const BLOB_SWEEP_CONFIG = Symbol('BLOB_SWEEP_CONFIG');

/** DI token of the gateway's `BlobSweeper`, null when it has no blob store or the sweep is off. */
export const BLOB_SWEEPER = Symbol('BLOB_SWEEPER');

const HOUR_MS = 60 * 60 * 1000;

/** The default time between two sweeps: an hour. */
export const DEFAULT_BLOB_SWEEP_INTERVAL_MS = HOUR_MS;

/**
 * The default grace period: a blob stored (or stored again) less than an hour ago is never
 * collected, so an upload whose `nomination.attach-document` is still on its way keeps its file.
 */
export const DEFAULT_BLOB_SWEEP_GRACE_MS = HOUR_MS;

/** The shortest grace period the environment may set (well past any upload and RPC timeout). */
export const MIN_BLOB_SWEEP_GRACE_MS = 60 * 1000;

/**
 * How the gateway collects blobs neither a dossier nor a generated document records
 * (`startGateway`'s `blobSweep`).
 */
export interface BlobSweepOptions {
  /** Time between two sweeps (`BLOB_SWEEP_INTERVAL_MS`, default 1 h). */
  intervalMs?: number;
  /** Time before the first sweep after the start (default the interval, at most 1 min). */
  initialDelayMs?: number;
  /** Blobs stored less than this long ago are kept (`BLOB_SWEEP_GRACE_MS`, default 1 h). */
  graceMs?: number;
  /**
   * Temporary upload files (`.part`) untouched for this long are removed: what a process killed
   * mid-upload left behind (default: the grace period).
   */
  temporaryMaxAgeMs?: number;
  /**
   * How many sha256s one `nomination.referenced-blobs` (and `document.referenced-blobs`) asks
   * about (1 to 500, default 500).
   */
  batchSize?: number;
  /** How long to wait for each answer (default 30 s). */
  rpcTimeoutMs?: number;
}

/** What the gateway's module needs to build its sweeper. */
export interface BlobSweepConfig {
  /** The sweep's options; false: no sweep. */
  options: BlobSweepOptions | false;
  /**
   * The gateway's own database, for the advisory lock that lets one replica sweep at a time;
   * null: a single gateway (tests, tools), no lock.
   */
  database: { url: string; schema: string } | null;
}

/**
 * The sweep's options from the environment: `BLOB_SWEEP_INTERVAL_MS` (milliseconds between
 * sweeps, default 3600000; `0` turns the sweep off) and `BLOB_SWEEP_GRACE_MS` (how recent a blob
 * is kept whatever, default 3600000, at least 60000). `problems` names what is malformed.
 */
export function blobSweepOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): {
  options: BlobSweepOptions | false;
  problems: string[];
} {
  const problems: string[] = [];
  const number = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min) {
      problems.push(`${name} must be a number of milliseconds, at least ${min}`);
      return fallback;
    }
    return value;
  };
  const intervalMs = number('BLOB_SWEEP_INTERVAL_MS', DEFAULT_BLOB_SWEEP_INTERVAL_MS, 0);
  const graceMs = number(
    'BLOB_SWEEP_GRACE_MS',
    DEFAULT_BLOB_SWEEP_GRACE_MS,
    MIN_BLOB_SWEEP_GRACE_MS,
  );
  return { options: intervalMs === 0 ? false : { intervalMs, graceMs }, problems };
}
