import type { Pool } from 'pg';
import { VersionConflict, type EventStore, type StreamRef } from '@ttkt/event-store';
import { CpuMeter } from './machine';
import { BENCH_METADATA, benchEvents, benchStream } from './payload';

/** The `application_name` of the append pool's connections (what the wait sampler looks for). */
export const APPEND_APPLICATION_NAME = 'ttkt-bench-append';

/** A stream the bench appends to, with the version it was last seen at. */
export interface BenchStream {
  ref: StreamRef;
  version: number;
}

/** The outcome of one fixed-duration append phase. */
export interface AppendPhaseResult {
  writers: number;
  eventsPerAppend: number;
  seconds: number;
  appends: number;
  events: number;
  conflicts: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Busy share of all cores of the machine (Node + PostgreSQL + broker), 0..1. */
  machineBusy: number | undefined;
  /** CPU used by this Node process, in cores. */
  nodeCores: number;
  /** What the writers' backends were doing (sampled from pg_stat_activity), most frequent first. */
  waits: string;
}

/**
 * Samples `pg_stat_activity` every 100 ms for the active backends of `applicationName` and counts
 * their wait events (`CPU` = not waiting): shows where appends queue up (WAL flush, locks…).
 */
export class WaitSampler {
  private readonly counts = new Map<string, number>();
  private samples = 0;
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    private readonly admin: Pool,
    private readonly applicationName: string,
  ) {
    this.loop = this.run();
  }

  async stop(): Promise<string> {
    this.running = false;
    await this.loop;
    const total = [...this.counts.values()].reduce((sum, n) => sum + n, 0);
    if (total === 0) return 'no active backend sampled';
    return [...this.counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([wait, n]) => `${wait} ${Math.round((n / total) * 100)}%`)
      .join(', ');
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const result = await this.admin.query<{ wait: string; n: number }>(
          `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait, count(*)::int AS n
             FROM pg_stat_activity
            WHERE application_name = $1 AND state = 'active'
            GROUP BY 1`,
          [this.applicationName],
        );
        for (const row of result.rows)
          this.counts.set(row.wait, (this.counts.get(row.wait) ?? 0) + row.n);
        this.samples += 1;
      } catch {
        // Sampling is best effort.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Creates `count` streams with one event each — the streams the measured phases append to with
 * exact expected versions. `'no-stream'` appends through the public API, 256 per transaction
 * (`store.transaction` + `append(..., { client })`) on `writers` connections, so seeding costs a
 * few commits instead of one per stream.
 */
export async function seedStreams(
  store: EventStore,
  count: number,
  writers: number,
): Promise<BenchStream[]> {
  const streams: BenchStream[] = [];
  for (let i = 0; i < count; i += 1) streams.push({ ref: benchStream(), version: 0 });
  const perTransaction = 256;
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < streams.length) {
        const chunk = streams.slice(next, next + perTransaction);
        next += perTransaction;
        await store.transaction(async (client) => {
          for (const stream of chunk) {
            const result = await store.append(
              stream.ref,
              'no-stream',
              benchEvents(1),
              BENCH_METADATA,
              { client },
            );
            stream.version = result.nextVersion;
          }
        });
      }
    }),
  );
  return streams;
}

/**
 * `writers` concurrent writers, each appending `eventsPerAppend` events per `store.append` (its own
 * transaction) to a random stream at its exact current version, for `seconds`. A lost race
 * (another writer appended to the same stream meanwhile) is counted and the stream's version
 * refreshed from the conflict, as a command handler would reload.
 */
export async function runAppendPhase(
  store: EventStore,
  admin: Pool | undefined,
  streams: BenchStream[],
  writers: number,
  eventsPerAppend: number,
  seconds: number,
): Promise<AppendPhaseResult> {
  const latencies: number[] = [];
  let appends = 0;
  let conflicts = 0;
  const sampler = admin ? new WaitSampler(admin, APPEND_APPLICATION_NAME) : undefined;
  const meter = new CpuMeter();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (performance.now() < deadline) {
        const stream = streams[Math.floor(Math.random() * streams.length)];
        if (stream === undefined) continue;
        const events = benchEvents(eventsPerAppend);
        const began = performance.now();
        try {
          const result = await store.append(stream.ref, stream.version, events, BENCH_METADATA);
          latencies.push(performance.now() - began);
          stream.version = result.nextVersion;
          appends += 1;
        } catch (error) {
          if (!(error instanceof VersionConflict)) throw error;
          conflicts += 1;
          stream.version = error.actual;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpu = meter.stop();
  const waits = sampler ? await sampler.stop() : 'not sampled';
  latencies.sort((a, b) => a - b);
  return {
    writers,
    eventsPerAppend,
    seconds: elapsed,
    appends,
    events: appends * eventsPerAppend,
    conflicts,
    eventsPerSecond: (appends * eventsPerAppend) / elapsed,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    machineBusy: cpu.machineBusy,
    nodeCores: cpu.nodeCores,
    waits,
  };
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
