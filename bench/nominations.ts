/**
 * `npm run bench:nominations` (issue #5): BENCH_UNITS units (default 200) at once each sign in,
 * nominate a person, upload the documents the plan's unit stage requires (two of them 1 MiB) and
 * submit, through the public HTTP API of the whole platform in this process — once with the
 * in-process transport, once with RabbitMQ, each mode in a fresh Node process of its own (a child
 * of this one, so one mode's heap does not count in the other's peak RSS). Prints the results and
 * appends a section to docs/benchmarks.md. Every schema, vhost and blob directory it creates is
 * dropped at the end, also when a mode fails, the run is interrupted or a child dies (the parent
 * drops what the child told it it had made).
 *
 * Knobs (environment): BENCH_UNITS (default 200), BENCH_MODES (`in-process,rabbitmq`),
 * BENCH_NO_REPORT=1 (print only), DATABASE_URL, AMQP_URL.
 */
// Like the services' entry points: @ttkt/contracts' decorators need the Reflect metadata API loaded.
import 'reflect-metadata';
import { execFileSync, fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { Pool } from 'pg';
import { testDatabaseUrl } from '@ttkt/testing';
import { codeVersion, contention, envNumber, machineInfo } from './machine';
import {
  runNominationBench,
  type BenchResource,
  type CleanupRegistry,
  type NominationBenchOptions,
  type NominationBenchResult,
} from './nomination-bench';
import { appendSection, machineLines } from './report';

const UNITS = Math.floor(envNumber('BENCH_UNITS', 200));
const MODES = (process.env['BENCH_MODES'] ?? 'in-process,rabbitmq')
  .split(',')
  .map((mode) => mode.trim())
  .filter((mode): mode is NominationBenchOptions['mode'] =>
    ['in-process', 'rabbitmq'].includes(mode),
  );
const REPORT = process.env['BENCH_NO_REPORT'] !== '1';
const REPORT_FILE = path.resolve(__dirname, '..', '..', 'docs', 'benchmarks.md');
const MIB = 1024 * 1024;
/** Set in a child process: the one mode it runs. */
const CHILD_ENV = 'TTKT_BENCH_NOMINATIONS_MODE';

/** Undo steps, run in reverse order (also after a failure or a signal). */
class Cleanup implements CleanupRegistry {
  private steps: { name: string; run: () => Promise<void> | void }[] = [];

  add(name: string, run: () => Promise<void> | void): void {
    this.steps.push({ name, run });
  }

  async run(): Promise<void> {
    const steps = this.steps.reverse();
    this.steps = [];
    for (const step of steps) {
      try {
        await step.run();
      } catch (error) {
        out(`cleanup: ${step.name} failed: ${message(error)}`);
      }
    }
  }
}

/** What a child process (one mode) tells the parent. */
type ChildMessage =
  | { kind: 'resource'; resource: BenchResource }
  | { kind: 'result'; result: NominationBenchResult }
  | { kind: 'failure'; message: string };

/** One mode in this process (a child of {@link main}): runs it, reports, drops what it made. */
async function child(mode: NominationBenchOptions['mode']): Promise<number> {
  const send = (message: ChildMessage): void => {
    process.send?.(message);
  };
  const cleanup = new Cleanup();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      out(`\n${mode}: ${signal}: cleaning up…`);
      void cleanup.run().finally(() => process.exit(130));
    });
  }
  try {
    const result = await runNominationBench(
      {
        mode,
        units: UNITS,
        databaseUrl: testDatabaseUrl(),
        log: out,
        onResource: (resource) => send({ kind: 'resource', resource }),
      },
      cleanup,
    );
    send({ kind: 'result', result });
    return 0;
  } catch (error) {
    out(
      `${mode} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    send({ kind: 'failure', message: message(error) });
    return 1;
  } finally {
    await cleanup.run();
  }
}

/** Runs one mode in a fresh Node process (so each mode's memory is its own); drops what it left. */
async function runMode(
  mode: NominationBenchOptions['mode'],
  databaseUrl: string,
): Promise<NominationBenchResult> {
  const resources: BenchResource[] = [];
  let result: NominationBenchResult | undefined;
  let failure: string | undefined;
  const worker = fork(__filename, [], {
    env: { ...process.env, [CHILD_ENV]: mode },
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  worker.on('message', (raw) => {
    const received = raw as ChildMessage;
    if (received.kind === 'resource') resources.push(received.resource);
    else if (received.kind === 'result') result = received.result;
    else failure = received.message;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (exitCode) => resolve(exitCode));
  });
  // The child drops its resources itself; these are idempotent, for a child that died first.
  await dropLeftovers(resources, databaseUrl);
  if (result) return result;
  throw new Error(failure ?? `the ${mode} run exited with ${code ?? 'a signal'}`);
}

async function dropLeftovers(resources: BenchResource[], databaseUrl: string): Promise<void> {
  for (const resource of resources) {
    try {
      if (resource.kind === 'directory') {
        rmSync(resource.path, { recursive: true, force: true });
      } else if (resource.kind === 'vhost') {
        const listed = execFileSync('rabbitmqctl', ['-q', 'list_vhosts'], { encoding: 'utf8' });
        if (listed.split('\n').some((line) => line.trim() === resource.name)) {
          execFileSync('rabbitmqctl', ['-q', 'delete_vhost', resource.name]);
          out(`dropped the leftover vhost ${resource.name}`);
        }
      } else {
        const pool = new Pool({
          connectionString: databaseUrl,
          max: 1,
          application_name: 'ttkt-bench-admin',
        });
        try {
          const { rows } = await pool.query<{ nspname: string }>(
            'SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)',
            [resource.prefix],
          );
          for (const { nspname } of rows) {
            await pool.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
            out(`dropped the leftover schema ${nspname}`);
          }
        } finally {
          await pool.end();
        }
      }
    } catch (error) {
      out(`cleanup of ${JSON.stringify(resource)} failed: ${message(error)}`);
    }
  }
}

async function main(): Promise<number> {
  const childMode = process.env[CHILD_ENV];
  if (childMode === 'in-process' || childMode === 'rabbitmq') return child(childMode);
  const startedAt = new Date();
  const databaseUrl = testDatabaseUrl();
  // Ctrl-C reaches the children too (same process group): they clean up; the parent waits for them.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => undefined);
  const results: NominationBenchResult[] = [];
  const failures: string[] = [];
  const admin = new Pool({
    connectionString: databaseUrl,
    max: 1,
    application_name: 'ttkt-bench-admin',
  });
  try {
    const machine = await machineInfo(admin);
    const contentionAtStart = await contention(admin);
    out(
      `bench:nominations ${startedAt.toISOString()}: ${machine.cpu} ×${machine.cores}, ${machine.memoryGiB} GiB, ` +
        `Node ${machine.node}, PostgreSQL ${machine.postgres}, RabbitMQ ${machine.rabbitmq}`,
    );
    out(`contention at start: ${contentionAtStart}`);
    out(`config: ${UNITS} units, modes ${MODES.join(', ')}, each in a fresh process`);
    for (const mode of MODES) {
      try {
        const result = await runMode(mode, databaseUrl);
        results.push(result);
        for (const line of describe(result)) out(`  ${line}`);
      } catch (error) {
        failures.push(`${mode}: ${message(error)}`);
        out(`${mode} FAILED: ${message(error)}`);
      }
    }
    const contentionAtEnd = await contention(admin);
    out(`contention at end: ${contentionAtEnd}`);
    const seconds = (Date.now() - startedAt.getTime()) / 1000;
    if (REPORT) {
      appendSection(REPORT_FILE, [
        `## ${startedAt.toISOString()} — nominations (issue #5)`,
        '',
        ...machineLines(machine),
        `- Run: \`npm run bench:nominations\`, ${UNITS} units at once, each: sign in, nominate one person, ` +
          `upload ${results[0]?.requiredCodes.join(', ') ?? 'the required documents'} (the last two 1 MiB PDFs of random bytes, ` +
          `the first 2 KiB), submit; each mode in a fresh Node process holding the whole platform and the client; ` +
          `${Math.round(seconds)} s in all; code ${codeVersion()}`,
        '',
        '| mode | units | dossiers/s | MB/s uploaded | submit p50 / p99 | whole unit p50 / p99 | errors | peak RSS |',
        '|---|---|---|---|---|---|---|---|',
        ...results.map(row),
        ...failures.map(
          (failure) => `| ${failure.replace(/\|/g, '/').slice(0, 300)} | | | | | | failed | |`,
        ),
        '',
        ...results.flatMap((result) => describe(result).map((line) => `- ${line}`)),
        `- Contention at start: ${contentionAtStart}; at end: ${contentionAtEnd}`,
      ]);
      out(`appended to ${REPORT_FILE}`);
    }
  } finally {
    await admin.end();
  }
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  return failures.length > 0 || errors > 0 ? 1 : 0;
}

function row(result: NominationBenchResult): string {
  const submit = result.latencies['submit'];
  const unit = result.latencies['unit'];
  return (
    `| ${result.mode === 'rabbitmq' ? 'RabbitMQ' : 'all-in-one (in-process transport)'} | ${result.units} | ` +
    `${result.dossiersPerSecond.toFixed(1)} | ${result.mibPerSecond.toFixed(1)} | ` +
    `${ms(submit?.p50)} / ${ms(submit?.p99)} | ${ms(unit?.p50)} / ${ms(unit?.p99)} | ` +
    `${result.errorCount === 0 ? '0' : `**${result.errorCount}**`} | ${mib(result.rssPeakBytes)} |`
  );
}

function describe(result: NominationBenchResult): string[] {
  const steps = Object.entries(result.latencies)
    .map(([step, s]) => `${step} ×${s.count}: p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)}`)
    .join('; ');
  const errors =
    result.errorCount === 0
      ? 'no errors'
      : `errors: ${Object.entries(result.errors)
          .map(([key, n]) => `${key} ×${n}`)
          .join(', ')}`;
  const rpc = Object.entries(result.rpc)
    .sort(([, a], [, b]) => b.p99 - a.p99)
    .map(([key, s]) => {
      const failed = Object.entries(s.failures)
        .map(([name, n]) => `${n} ${name}`)
        .join(', ');
      return `${key} ×${s.count} p50 ${ms(s.p50)} p99 ${ms(s.p99)}${failed === '' ? '' : ` (**${failed}**)`}`;
    })
    .join('; ');
  return [
    `${result.mode}: ${result.submitted}/${result.units} dossiers submitted in ${result.seconds.toFixed(1)} s = ` +
      `${result.dossiersPerSecond.toFixed(1)} dossiers/s, ${(result.uploadedBytes / MIB).toFixed(0)} MiB uploaded = ` +
      `${result.mibPerSecond.toFixed(1)} MiB/s; ${errors}; RSS ${mib(result.rssBeforeBytes)} before, ` +
      `peak ${mib(result.rssPeakBytes)}; Node CPU ${result.nodeCores.toFixed(2)} cores, machine ` +
      `${result.machineBusy === undefined ? '?' : `${Math.round(result.machineBusy * 100)}%`} busy; load average ` +
      `${load(result.loadAtStart)} at start, ${load(result.loadAtEnd)} at end; set-up ${result.setupSeconds.toFixed(0)} s (not measured)`,
    `${result.mode} latencies: ${steps}`,
    `${result.mode} gateway → service calls: ${rpc}`,
  ];
}

function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

function mib(bytes: number): string {
  return `${Math.round(bytes / MIB)} MiB`;
}

function load(values: number[]): string {
  return values.map((value) => value.toFixed(1)).join(' / ');
}

/** The commit measured (`abc1234`, `+ local changes` when the tree is dirty); best effort. */
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
      `bench:nominations failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
