import {
  Logger,
  type LoggerService,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { BlobStore, ListedBlob } from '@ttkt/blob-store';
import {
  REFERENCED_BLOBS_BATCH,
  REFERENCED_DOCUMENT_BLOBS,
  REFERENCED_NOMINATION_BLOBS,
  type ReferencedBlobs,
} from '@ttkt/contracts';
import type { CommandSender } from '@ttkt/messaging';
import {
  DEFAULT_BLOB_SWEEP_GRACE_MS,
  DEFAULT_BLOB_SWEEP_INTERVAL_MS,
  type BlobSweepOptions,
} from './blob-sweep.config';
import type { SweepLock } from './blob-sweep-lock';
import { NOMINATION_SERVICE } from './nomination-patterns';

/** The service that answers `document.referenced-blobs` (the generated documents' files). */
const DOCUMENT_SERVICE = 'document';

/** Who is asked which blobs they hold: a blob is kept when any of them holds it. */
const HOLDERS = [
  { service: NOMINATION_SERVICE, pattern: REFERENCED_NOMINATION_BLOBS },
  { service: DOCUMENT_SERVICE, pattern: REFERENCED_DOCUMENT_BLOBS },
] as const;

/** What one sweep did. */
export interface BlobSweepReport {
  /** `done`; `locked`: another replica was sweeping; `failed`: stopped early (see `error`). */
  outcome: 'done' | 'locked' | 'failed';
  /** Blobs stored before the grace period, looked at. */
  listed: number;
  /** Of those, the ones a dossier or a generated document records (kept). */
  referenced: number;
  /** Unreferenced blobs deleted. */
  deleted: number;
  /** Unreferenced blobs kept because they were stored again since they were listed. */
  storedAgain: number;
  /** Stale temporary upload files removed. */
  temporaryRemoved: number;
  /** Why the sweep stopped early (`failed`): nothing was deleted past that point. */
  error?: string;
}

/** What the sweeper works with. */
export interface BlobSweeperDependencies {
  store: BlobStore;
  sender: CommandSender;
  /** Held for the whole sweep when given (replicas sharing the store); none: a single gateway. */
  lock?: SweepLock | null;
  /**
   * The wall clock the file times are compared with (default `Date`); not the gateway's business
   * clock, which tests move to other years.
   */
  now?: () => Date;
  logger?: LoggerService;
}

const MAX_INITIAL_DELAY_MS = 60 * 1000;
const DEFAULT_RPC_TIMEOUT_MS = 30 * 1000;

/**
 * Collects the blobs neither a dossier nor a generated document records: a file stored for a
 * command that then failed (refused, timed out, a client gone), a document removed since, a
 * generated file whose document could not record it. Every `intervalMs` (not overlapping): lists
 * the blobs stored before now − `graceMs`, asks `nomination.referenced-blobs` which of them a
 * dossier holds and `document.referenced-blobs` which a generated document's file is, in batches
 * of up to 500, and deletes the ones neither holds — each only if it was not stored again since
 * it was listed (`BlobStore.delete`'s `storedBefore`), so an upload whose attach command is still
 * on its way (or a file being generated) keeps its file however old the same bytes are. Then
 * removes temporary upload files older than `temporaryMaxAgeMs`. When either service does not
 * answer (or answers nonsense) it deletes nothing more that round. With a lock (the gateway's
 * database), only the replica holding it sweeps; the others skip the round.
 *
 * Started with the gateway's application (when it has a blob store); stopped with it: `stop()`
 * cancels the next round and waits for a running one, which ends after its current batch.
 */
export class BlobSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly intervalMs: number;
  private readonly initialDelayMs: number;
  private readonly graceMs: number;
  private readonly temporaryMaxAgeMs: number;
  private readonly batchSize: number;
  private readonly rpcTimeoutMs: number;
  private readonly now: () => Date;
  private readonly logger: LoggerService;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<BlobSweepReport> | undefined;
  private stopped = false;

  constructor(
    private readonly dependencies: BlobSweeperDependencies,
    options: BlobSweepOptions = {},
  ) {
    this.intervalMs = positive('intervalMs', options.intervalMs ?? DEFAULT_BLOB_SWEEP_INTERVAL_MS);
    this.initialDelayMs = nonNegative(
      'initialDelayMs',
      options.initialDelayMs ?? Math.min(this.intervalMs, MAX_INITIAL_DELAY_MS),
    );
    this.graceMs = nonNegative('graceMs', options.graceMs ?? DEFAULT_BLOB_SWEEP_GRACE_MS);
    this.temporaryMaxAgeMs = nonNegative(
      'temporaryMaxAgeMs',
      options.temporaryMaxAgeMs ?? this.graceMs,
    );
    this.batchSize = positive('batchSize', options.batchSize ?? REFERENCED_BLOBS_BATCH);
    if (this.batchSize > REFERENCED_BLOBS_BATCH) {
      throw new RangeError(`batchSize must be at most ${REFERENCED_BLOBS_BATCH}`);
    }
    this.rpcTimeoutMs = positive('rpcTimeoutMs', options.rpcTimeoutMs ?? DEFAULT_RPC_TIMEOUT_MS);
    this.now = dependencies.now ?? (() => new Date());
    this.logger = dependencies.logger ?? new Logger('blob-sweep');
  }

  /** Schedules the sweeps: the first after `initialDelayMs`, then every `intervalMs`. */
  start(): void {
    if (this.stopped || this.timer) return;
    this.schedule(this.initialDelayMs);
  }

  /** Cancels the next sweep and waits for a running one; the lock is then closed. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    await this.dependencies.lock?.close();
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  /**
   * One sweep now (under the lock when there is one); a sweep already running is joined instead of
   * started twice. Never rejects: a failure is reported (and logged) as `failed`.
   */
  sweepOnce(): Promise<BlobSweepReport> {
    this.running ??= this.lockedSweep().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.sweepOnce().finally(() => {
        if (!this.stopped) this.schedule(this.intervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async lockedSweep(): Promise<BlobSweepReport> {
    const report: BlobSweepReport = {
      outcome: 'done',
      listed: 0,
      referenced: 0,
      deleted: 0,
      storedAgain: 0,
      temporaryRemoved: 0,
    };
    try {
      const { lock } = this.dependencies;
      if (lock) {
        const run = await lock.runExclusive(() => this.sweep(report));
        if (!run.acquired) report.outcome = 'locked';
      } else {
        await this.sweep(report);
      }
    } catch (error) {
      report.outcome = 'failed';
      report.error = error instanceof Error ? error.message : String(error);
    }
    this.log(report);
    return report;
  }

  private async sweep(report: BlobSweepReport): Promise<void> {
    const now = this.now().getTime();
    const storedBefore = new Date(now - this.graceMs);
    const { store } = this.dependencies;
    let batch: ListedBlob[] = [];
    for await (const blob of store.list({ storedBefore })) {
      batch.push(blob);
      if (batch.length < this.batchSize) continue;
      await this.collect(batch, storedBefore, report);
      batch = [];
      if (this.stopped) break;
    }
    if (batch.length > 0 && !this.stopped) await this.collect(batch, storedBefore, report);
    report.temporaryRemoved = await store.removeStaleTemporaryFiles(
      new Date(now - this.temporaryMaxAgeMs),
    );
  }

  /**
   * Asks which of `batch` a dossier or a generated document records and deletes the others;
   * throws, deleting nothing of the batch, when either service leaves it unanswered.
   */
  private async collect(
    batch: readonly ListedBlob[],
    storedBefore: Date,
    report: BlobSweepReport,
  ): Promise<void> {
    report.listed += batch.length;
    const sha256s = batch.map((blob) => blob.sha256);
    const kept = new Set<string>();
    for (const holder of HOLDERS) {
      for (const sha256 of await this.referencedBy(holder, sha256s)) kept.add(sha256);
    }
    for (const sha256 of sha256s) {
      if (kept.has(sha256)) {
        report.referenced += 1;
      } else if (await this.dependencies.store.delete(sha256, { storedBefore })) {
        report.deleted += 1;
      } else {
        report.storedAgain += 1;
      }
    }
  }

  /** The blobs of `sha256s` one holder records; throws when it does not answer with a list. */
  private async referencedBy(
    holder: (typeof HOLDERS)[number],
    sha256s: string[],
  ): Promise<string[]> {
    const answer = await this.dependencies.sender.send<ReferencedBlobs>(
      holder.service,
      holder.pattern,
      { sha256s },
      { timeoutMs: this.rpcTimeoutMs },
    );
    const referenced = answer?.referenced;
    if (!Array.isArray(referenced) || referenced.some((sha256) => typeof sha256 !== 'string')) {
      throw new Error(`${holder.pattern} answered without a list of sha256s`);
    }
    return referenced;
  }

  private log(report: BlobSweepReport): void {
    const counts =
      `${report.listed} blobs older than the grace period, ${report.referenced} referenced, ` +
      `${report.deleted} deleted, ${report.storedAgain} stored again meanwhile, ` +
      `${report.temporaryRemoved} stale temporary files removed`;
    if (report.outcome === 'locked') {
      this.logger.debug?.('blob sweep skipped: another gateway is sweeping');
    } else if (report.outcome === 'failed') {
      this.logger.warn(
        `blob sweep stopped, nothing more deleted: ${report.error ?? 'unknown error'} (${counts})`,
      );
    } else {
      this.logger.log(`blob sweep: ${counts}`);
    }
  }
}

function positive(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  return value;
}
