/**
 * `npm run bench`: measures event appends and the outbox relay side by side with references
 * (pgbench, raw amqplib) in the same run, prints each result as it finishes and appends a section
 * to docs/benchmarks.md. Every schema, table and vhost it creates is dropped at the end, also when
 * a phase fails or the run is interrupted.
 *
 * Knobs (environment): BENCH_SECONDS (measured seconds per append phase, default 10),
 * BENCH_WARMUP_SECONDS (default 2), BENCH_RELAY_EVENTS (default 20000), BENCH_RELAY_ROUNDS (default 3),
 * BENCH_STREAMS (default 8192),
 * DATABASE_URL, AMQP_URL.
 */
// Like the services' entry points: @ttkt/contracts' decorators need the Reflect metadata API loaded.
import 'reflect-metadata';
import * as path from 'node:path';
import { Pool } from 'pg';
import { EventStore, migrateEventStore } from '@ttkt/event-store';
import { createTestSchema, createTestVhost, testAmqpUrl, testDatabaseUrl } from '@ttkt/testing';
import {
  APPEND_APPLICATION_NAME,
  WaitSampler,
  runAppendPhase,
  seedStreams,
  type AppendPhaseResult,
  type BenchStream,
} from './append-bench';
import { codeVersion, contention, envNumber, machineInfo } from './machine';
import { PGBENCH_APPLICATION_NAME, PgbenchReference, type PgbenchResult } from './pgbench';
import {
  prepareRelaySource,
  relayMessages,
  runRawPublish,
  runRelay,
  type PublishRunResult,
  type RelaySource,
} from './relay-bench';
import { appendReport, rate, type ResultRow } from './report';

const SECONDS = envNumber('BENCH_SECONDS', 10);
const WARMUP_SECONDS = envNumber('BENCH_WARMUP_SECONDS', 2);
const RELAY_EVENTS = envNumber('BENCH_RELAY_EVENTS', 20_000);
const RELAY_ROUNDS = envNumber('BENCH_RELAY_ROUNDS', 3);
const STREAMS = envNumber('BENCH_STREAMS', 8192);
const WRITERS = 8;
const RAW_WINDOW = 1000;
const REPORT_FILE = path.resolve(__dirname, '..', '..', 'docs', 'benchmarks.md');

/** Undo steps, run in reverse order at the end (also after a failure or a signal). */
class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> | void }[] = [];
  private done: Promise<void> | undefined;

  add(name: string, run: () => Promise<void> | void): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.done ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          out(`cleanup: ${step.name} failed: ${message(error)}`);
        }
      }
    })();
    return this.done;
  }
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const databaseUrl = testDatabaseUrl();
  const amqpUrl = testAmqpUrl();
  const cleanup = new Cleanup();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      out(`\n${signal}: cleaning up…`);
      void cleanup.run().finally(() => process.exit(130));
    });
  }
  const rows: ResultRow[] = [];
  const details: string[] = [];
  let failures = 0;
  try {
    const admin = new Pool({
      connectionString: databaseUrl,
      max: 2,
      application_name: 'ttkt-bench-admin',
    });
    cleanup.add('admin pool', () => admin.end());
    const machine = await machineInfo(admin);
    out(
      `bench ${startedAt.toISOString()}: ${machine.cpu} ×${machine.cores}, ${machine.memoryGiB} GiB, ${machine.kernel}, ` +
        `Node ${machine.node}, PostgreSQL ${machine.postgres}, RabbitMQ ${machine.rabbitmq}, ` +
        Object.entries(machine.settings)
          .map(([name, value]) => `${name}=${value}`)
          .join(' '),
    );
    const contentionAtStart = await contention(admin);
    out(`contention at start: ${contentionAtStart}`);
    out(
      `config: ${SECONDS} s per phase after ${WARMUP_SECONDS} s warm-up, ${STREAMS} streams, relay ${RELAY_EVENTS} events × ${RELAY_ROUNDS} rounds`,
    );

    try {
      await appendScenarios(databaseUrl, admin, cleanup, rows, details);
    } catch (error) {
      failures += 1;
      out(`append scenarios FAILED: ${message(error)}`);
      rows.push(failedRow('Append scenarios', error));
    }
    try {
      await relayScenarios(databaseUrl, amqpUrl, cleanup, rows, details);
    } catch (error) {
      failures += 1;
      out(`relay scenarios FAILED: ${message(error)}`);
      rows.push(failedRow('Relay scenarios', error));
    }

    const contentionAtEnd = await contention(admin);
    out(`\ncontention at end: ${contentionAtEnd}`);
    details.push(`Contention at start: ${contentionAtStart}; at end: ${contentionAtEnd}`);
    appendReport(
      REPORT_FILE,
      startedAt,
      machine,
      `${SECONDS} s per append phase after ${WARMUP_SECONDS} s warm-up; ${STREAMS} streams; ` +
        `relay ${RELAY_EVENTS} events × ${RELAY_ROUNDS} rounds; ${Math.round((Date.now() - startedAt.getTime()) / 1000)} s in all; ` +
        `code ${codeVersion()}`,
      rows,
      details,
    );
    out(`\nappended to ${path.relative(process.cwd(), REPORT_FILE)}`);
  } finally {
    await cleanup.run();
  }
  return failures === 0 ? 0 : 1;
}

async function appendScenarios(
  databaseUrl: string,
  admin: Pool,
  cleanup: Cleanup,
  rows: ResultRow[],
  details: string[],
): Promise<void> {
  const schema = await createTestSchema('bench_append');
  cleanup.add(`drop schema ${schema.name}`, () => schema.drop());
  await migrateEventStore({ connectionString: databaseUrl, schema: schema.name });
  const pool = new Pool({
    connectionString: databaseUrl,
    max: WRITERS,
    application_name: APPEND_APPLICATION_NAME,
  });
  cleanup.add('append pool', () => pool.end());
  const store = new EventStore({ pool, schema: schema.name, service: 'campaign' });

  const refSchema = await createTestSchema('bench_pgbench');
  cleanup.add(`drop schema ${refSchema.name}`, () => refSchema.drop());
  const pgbench = new PgbenchReference(databaseUrl, refSchema.name);
  cleanup.add('pgbench scripts', () => pgbench.dispose());
  await pgbench.createTable(admin);

  out(
    `\nseeding ${STREAMS} streams (one 'no-stream' append each, 256 per transaction, ${WRITERS} writers)…`,
  );
  const seedStart = performance.now();
  const streams = await seedStreams(store, STREAMS, WRITERS);
  out(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const single = async (writers: number): Promise<void> => {
    const ours = await measureAppend(admin, store, streams, writers, 1);
    const reference = await measurePgbench(admin, pgbench, writers, 1);
    const ratio = ours.eventsPerSecond / reference.rowsPerSecond;
    const goal = writers === WRITERS ? ratio >= 0.6 : undefined;
    rows.push({
      scenario: `Append, 1 event per append, exact version, ${writers} writer${writers > 1 ? 's' : ''} (events/s)`,
      ours: rate(ours.eventsPerSecond),
      reference: `pgbench 1-row INSERT, ${writers} client${writers > 1 ? 's' : ''}: ${rate(reference.rowsPerSecond)}`,
      ratio,
      goal: writers === WRITERS ? '≥ 0.6× pgbench' : '—',
      met: goal,
    });
    details.push(
      describeAppend(`Append ×${writers}`, ours) + `; pgbench: ${describePgbench(reference)}`,
    );
  };
  await single(1);
  await single(WRITERS);

  const ours = await measureAppend(admin, store, streams, WRITERS, 100);
  const reference = await measurePgbench(admin, pgbench, WRITERS, 100);
  rows.push({
    scenario: `Batched append, 100 events per append, ${WRITERS} writers (events/s)`,
    ours: rate(ours.eventsPerSecond),
    reference: `pgbench 100-row INSERT, ${WRITERS} clients: ${rate(reference.rowsPerSecond)}`,
    ratio: ours.eventsPerSecond / reference.rowsPerSecond,
    goal: '≥ 50,000 events/s',
    met: ours.eventsPerSecond >= 50_000,
  });
  details.push(
    describeAppend(`Batched append ×${WRITERS}`, ours) + `; pgbench: ${describePgbench(reference)}`,
  );

  const size = await admin.query<{ events: string; bytes: string }>(
    `SELECT count(*)::text AS events, pg_total_relation_size('${schema.name}.events')::text AS bytes FROM ${schema.name}.events`,
  );
  const row = size.rows[0];
  if (row) {
    details.push(
      `Events table at the end: ${Number(row.events).toLocaleString('en-US')} events, ` +
        `${Math.round(Number(row.bytes) / Number(row.events))} B per event including indexes`,
    );
  }
}

async function measureAppend(
  admin: Pool,
  store: EventStore,
  streams: BenchStream[],
  writers: number,
  eventsPerAppend: number,
): Promise<AppendPhaseResult> {
  const label = `append ${eventsPerAppend} event${eventsPerAppend > 1 ? 's' : ''}/call, ${writers} writer${writers > 1 ? 's' : ''}`;
  out(`\n${label}: warm-up ${WARMUP_SECONDS} s…`);
  await runAppendPhase(store, undefined, streams, writers, eventsPerAppend, WARMUP_SECONDS);
  await checkpoint(admin);
  const result = await runAppendPhase(store, admin, streams, writers, eventsPerAppend, SECONDS);
  out(`  ours:      ${describeAppend(label, result)}`);
  return result;
}

async function measurePgbench(
  admin: Pool,
  pgbench: PgbenchReference,
  clients: number,
  rowsPerTx: number,
): Promise<PgbenchResult> {
  await pgbench.run(clients, WARMUP_SECONDS, rowsPerTx);
  await checkpoint(admin);
  const sampler = new WaitSampler(admin, PGBENCH_APPLICATION_NAME);
  const result = await pgbench.run(clients, SECONDS, rowsPerTx);
  result.waits = await sampler.stop();
  out(
    `  reference: pgbench ${rowsPerTx} row${rowsPerTx > 1 ? 's' : ''}/tx, ${clients} client${clients > 1 ? 's' : ''}: ${describePgbench(result)}`,
  );
  return result;
}

async function relayScenarios(
  databaseUrl: string,
  amqpUrl: string,
  cleanup: Cleanup,
  rows: ResultRow[],
  details: string[],
): Promise<void> {
  const vhost = await createTestVhost('bench_relay');
  cleanup.add(`delete vhost ${vhost.name}`, () => vhost.drop());
  // The vhost helper reads AMQP_URL itself; say which broker it was, for the record.
  out(`\nrelay: vhost ${vhost.name} on ${new URL(amqpUrl).host}`);

  const source = async (label: string, count: number): Promise<RelaySource> => {
    const prepared = await prepareRelaySource(databaseUrl, label, count);
    cleanup.add(`drop schema ${prepared.schema.name}`, () => prepared.close());
    return prepared;
  };

  // Warm-up: a small relay run and a small raw run (JIT, broker, channel set-up).
  const warm = await source('bench_relay_warm', 2000);
  await runRelay(warm, vhost.url, 'warm-relay', undefined);
  await runRawPublish(vhost.url, 'warm-raw', await relayMessages(warm), RAW_WINDOW);
  await warm.close();
  out(`  warm-up done`);

  // Rounds alternating which goes first (the shared machine's load drifts); each relay run gets a
  // fresh schema. The medians of each kind are compared; the per-round ratios go in the details.
  const relayRuns: PublishRunResult[] = [];
  const rawRuns: PublishRunResult[] = [];
  for (let round = 1; round <= RELAY_ROUNDS; round += 1) {
    const src = await source(`bench_relay_${round}`, RELAY_EVENTS);
    const messages = await relayMessages(src);
    const doRelay = async (): Promise<void> => {
      const result = await runRelay(src, vhost.url, `relay-${round}`, undefined);
      relayRuns.push(result);
      out(`  round ${round} relay (batchSize default): ${describePublish(result)}`);
    };
    const doRaw = async (): Promise<void> => {
      const result = await runRawPublish(vhost.url, `raw-${round}`, messages, RAW_WINDOW);
      rawRuns.push(result);
      out(`  round ${round} raw amqplib (window ${RAW_WINDOW}): ${describePublish(result)}`);
    };
    if (round % 2 === 1) {
      await doRelay();
      await doRaw();
    } else {
      await doRaw();
      await doRelay();
    }
    await src.close();
  }
  // A probe, not a goal: the same relay with bigger batches (one publish+confirm wait per batch).
  const probeSource = await source('bench_relay_probe', RELAY_EVENTS);
  const probe = await runRelay(probeSource, vhost.url, 'relay-probe', 1000);
  out(`  probe relay (batchSize 1000): ${describePublish(probe)}`);
  await probeSource.close();

  const relayMedian = median(relayRuns.map((run) => run.perSecond));
  const rawMedian = median(rawRuns.map((run) => run.perSecond));
  const ratio = relayMedian / rawMedian;
  rows.push({
    scenario: `Relay, ${RELAY_EVENTS.toLocaleString('en-US')} events, OutboxRelay (default batchSize) → quorum queue (events confirmed/s, median of ${relayRuns.length})`,
    ours: rate(relayMedian),
    reference: `raw amqplib, confirms, window ${RAW_WINDOW}: ${rate(rawMedian)}`,
    ratio,
    goal: '≥ 0.5× raw amqplib',
    met: ratio >= 0.5,
  });
  rows.push({
    scenario: `Relay probe: same with batchSize 1000 (not a goal)`,
    ours: rate(probe.perSecond),
    reference: `raw amqplib (median): ${rate(rawMedian)}`,
    ratio: probe.perSecond / rawMedian,
    goal: '—',
    met: undefined,
  });
  const paired = relayRuns.map((run, i) => {
    const raw = rawRuns[i];
    return raw ? `${(run.perSecond / raw.perSecond).toFixed(2)}×` : '?';
  });
  details.push(`Relay / raw per round: ${paired.join(', ')}`);
  details.push(
    `Relay runs: ${relayRuns.map(describePublish).join(' | ')}; raw runs: ${rawRuns.map(describePublish).join(' | ')}; ` +
      `probe (batchSize 1000): ${describePublish(probe)}`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  if (upper === undefined) throw new Error('no runs');
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/** Flushes dirty buffers so a phase does not pay for the previous one's checkpoint (superuser only). */
async function checkpoint(admin: Pool): Promise<void> {
  try {
    await admin.query('CHECKPOINT');
  } catch {
    // Not a superuser: measure without it.
  }
}

function describeAppend(label: string, result: AppendPhaseResult): string {
  return (
    `${label}: ${rate(result.eventsPerSecond)} events (${result.appends.toLocaleString('en-US')} appends in ` +
    `${result.seconds.toFixed(1)} s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms, ` +
    `${result.conflicts} conflicts, Node CPU ${result.nodeCores.toFixed(2)} cores, machine ${percent(result.machineBusy)} busy; ` +
    `backends: ${result.waits})`
  );
}

function describePgbench(result: PgbenchResult): string {
  return (
    `${rate(result.rowsPerSecond)} rows (${rate(result.tps)} tx, ${result.transactions.toLocaleString('en-US')} tx, ` +
    `latency ${result.latencyMs?.toFixed(2) ?? '?'} ms, ${result.failed} failed; backends: ${result.waits ?? 'not sampled'})`
  );
}

function describePublish(result: PublishRunResult): string {
  const publishing =
    result.publishCalls !== undefined &&
    result.publishSeconds !== undefined &&
    result.publishCalls > 0
      ? `, ${result.publishCalls} publish calls averaging ${((result.publishSeconds * 1000) / result.publishCalls).toFixed(1)} ms ` +
        `(${Math.round((result.publishSeconds / result.seconds) * 100)}% of the time; the rest is start-up, reads, ` +
        `mapping and checkpoint commits)`
      : '';
  return (
    `${rate(result.perSecond)} (${result.messages} in ${result.seconds.toFixed(2)} s, ${result.queued} queued, ` +
    `Node CPU ${result.nodeCores.toFixed(2)} cores, machine ${percent(result.machineBusy)} busy${publishing})`
  );
}

function failedRow(scenario: string, error: unknown): ResultRow {
  return {
    scenario,
    ours: `failed: ${message(error).replace(/\|/g, '/')}`,
    reference: '—',
    ratio: undefined,
    goal: '—',
    met: false,
  };
}

function percent(value: number | undefined): string {
  return value === undefined ? '?' : `${Math.round(value * 100)}%`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
