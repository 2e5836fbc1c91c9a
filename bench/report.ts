import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { MachineInfo } from './machine';

/** One row of the results table. */
export interface ResultRow {
  scenario: string;
  ours: string;
  reference: string;
  /** ours / reference, when both are numbers. */
  ratio: number | undefined;
  goal: string;
  /** undefined = no goal for this row. */
  met: boolean | undefined;
}

const INTRO = `# Benchmarks

Appended by \`npm run bench\` (\`bench/run.ts\`): each run adds a section with the machine it ran on and
a table that puts our code next to a reference measured **in the same run on the same machine**:

- **Append** — \`EventStore.append\` with an exact expected version on existing streams (one
  transaction per call, the command path), against \`pgbench\` inserting rows of the same size into a
  table with the same columns and indexes (\`-M prepared\`, same client count). The reference does
  no version check, no stream row update and no NOTIFY, so it is an upper bound.
- **Batched append** — 100 events per \`append\` call (one statement).
- **Relay** — \`OutboxRelay\` + \`RabbitTransport\` publishing a pre-filled log to a bound quorum queue,
  timed from \`start()\` until its checkpoint reaches the last event, against plain amqplib
  publishing the same messages with pipelined publisher confirms to the same topology.

Numbers from a small shared VM (database, broker and Node on the same cores) are for comparing
runs and spotting regressions, not for capacity planning. The goals come from the design notes
(\`event-sourcing.md\` §11).

Under each table: latencies, conflicts, CPU (this Node process in cores; the whole machine's busy
share) and what the benchmark's PostgreSQL backends were waiting on, sampled from
\`pg_stat_activity\` every 100 ms (\`Lock:object\` = the database-wide lock NOTIFY takes at commit;
\`IO:WALSync\` / \`LWLock:WALWrite\` = flushing WAL or waiting for another backend's flush, i.e. group
commit; \`Lock:extend\` = extending the table). The load average and other sessions are recorded
too: on a shared machine they explain much of the run-to-run spread.
`;

/** Formats a rate: `12,345/s`. */
export function rate(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')}/s`;
}

/** Appends one run's section to the benchmarks file (created with an introduction if missing). */
export function appendReport(
  file: string,
  startedAt: Date,
  machine: MachineInfo,
  config: string,
  rows: ResultRow[],
  details: string[],
): void {
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, INTRO);
  const settings = Object.entries(machine.settings)
    .map(([name, value]) => `\`${name}=${value}\``)
    .join(', ');
  const lines = [
    '',
    `## ${startedAt.toISOString()}`,
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.kernel}`,
    `- Node ${machine.node}, PostgreSQL ${machine.postgres}, RabbitMQ ${machine.rabbitmq}`,
    `- PostgreSQL settings: ${settings}`,
    `- Run: ${config}`,
    '',
    '| scenario | ours | reference | ratio | goal | met? |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.scenario} | ${row.ours} | ${row.reference} | ${row.ratio === undefined ? '—' : `${row.ratio.toFixed(2)}×`} | ${row.goal} | ${row.met === undefined ? '—' : row.met ? 'yes' : '**no**'} |`,
    ),
    '',
    ...details.map((detail) => `- ${detail}`),
    '',
  ];
  appendFileSync(file, lines.join('\n'));
}

/** The machine lines every section starts with. */
export function machineLines(machine: MachineInfo): string[] {
  const settings = Object.entries(machine.settings)
    .map(([name, value]) => `\`${name}=${value}\``)
    .join(', ');
  return [
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.kernel}`,
    `- Node ${machine.node}, PostgreSQL ${machine.postgres}, RabbitMQ ${machine.rabbitmq}`,
    `- PostgreSQL settings: ${settings}`,
  ];
}

/** Appends a section of ready-made lines (its heading included) to the benchmarks file. */
export function appendSection(file: string, lines: string[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, INTRO);
  appendFileSync(file, ['', ...lines, ''].join('\n'));
}
