import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Pool } from 'pg';

const run = promisify(execFile);

/** What the run was measured on. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  postgres: string;
  rabbitmq: string;
  settings: Record<string, string>;
}

/** How busy the shared machine is besides this bench: load average and other database sessions. */
export async function contention(pool: Pool): Promise<string> {
  const load = os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
  const result = await pool.query<{ busy: string; in_tx: string }>(
    `SELECT count(*) FILTER (WHERE state = 'active')::text AS busy,
            count(*) FILTER (WHERE state LIKE 'idle in transaction%')::text AS in_tx
       FROM pg_stat_activity
      WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
        AND application_name NOT LIKE 'ttkt-bench%'`,
  );
  const row = result.rows[0];
  return (
    `load average ${load} (1/5/15 min); other PostgreSQL sessions: ${row?.busy ?? '?'} active, ` +
    `${row?.in_tx ?? '?'} idle in transaction`
  );
}

const PG_SETTINGS = [
  'synchronous_commit',
  'fsync',
  'wal_sync_method',
  'commit_delay',
  'shared_buffers',
  'max_wal_size',
] as const;

export async function machineInfo(pool: Pool): Promise<MachineInfo> {
  const settings: Record<string, string> = {};
  const rows = await pool.query<{ name: string; setting: string }>(
    `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1::text[])`,
    [[...PG_SETTINGS, 'server_version']],
  );
  for (const row of rows.rows) settings[row.name] = row.setting;
  const postgres = settings['server_version'] ?? 'unknown';
  delete settings['server_version'];
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
    rabbitmq: await rabbitmqVersion(),
    settings,
  };
}

async function rabbitmqVersion(): Promise<string> {
  try {
    const { stdout } = await run('rabbitmqctl', ['version'], { timeout: 30_000 });
    return stdout.trim().split('\n').pop() ?? 'unknown';
  } catch (error) {
    return `unknown (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

/** Whole-machine CPU time (all cores) from /proc/stat, in clock ticks; undefined off Linux. */
export interface CpuTicks {
  busy: number;
  total: number;
}

export function machineCpuTicks(): CpuTicks | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((sum, value) => sum + value, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** CPU use between two samples: the whole machine (0..1 of all cores) and this Node process (in cores). */
export class CpuMeter {
  private readonly startMachine = machineCpuTicks();
  private readonly startProcess = process.cpuUsage();
  private readonly startWall = process.hrtime.bigint();

  stop(): { machineBusy: number | undefined; nodeCores: number } {
    const endMachine = machineCpuTicks();
    const usage = process.cpuUsage(this.startProcess);
    const wallUs = Number(process.hrtime.bigint() - this.startWall) / 1000;
    const machineBusy =
      this.startMachine && endMachine && endMachine.total > this.startMachine.total
        ? (endMachine.busy - this.startMachine.busy) / (endMachine.total - this.startMachine.total)
        : undefined;
    return { machineBusy, nodeCores: (usage.user + usage.system) / wallUs };
  }
}

/** The commit measured (`abc1234`, `+ local changes` when the tree is dirty); best effort. */
export function codeVersion(): string {
  const root = path.resolve(__dirname, '..', '..');
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'libs', 'services', 'bench'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    ).trim();
    return dirty === '' ? commit : `${commit} + local changes`;
  } catch {
    return 'unknown';
  }
}

/** A positive number from the environment, or `fallback` when unset. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
}
