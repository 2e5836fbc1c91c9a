import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Pool } from 'pg';
import { BENCH_EVENT_TYPE, BENCH_TENANT, storedJsonSample } from './payload';

const run = promisify(execFile);

/** What one pgbench run reported. */
export interface PgbenchResult {
  /** Transactions per second, without connection time. */
  tps: number;
  /** Rows inserted per second (tps × rows per transaction). */
  rowsPerSecond: number;
  transactions: number;
  failed: number;
  latencyMs: number | undefined;
  /** What its backends were doing (filled in by the caller's sampler). */
  waits?: string;
}

/** The `application_name` pgbench's connections carry. */
export const PGBENCH_APPLICATION_NAME = 'ttkt-bench-pgbench';

/**
 * The reference for appends: pgbench inserting rows of the same byte size into a table shaped
 * like `events` (same columns, primary key, unique event id and log-order index), one INSERT per
 * transaction — no stream row, no version check, no function, no NOTIFY.
 */
export class PgbenchReference {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'ttkt-bench-'));
  private readonly binary =
    ['/usr/lib/postgresql/15/bin/pgbench', '/usr/bin/pgbench'].find((candidate) =>
      existsSync(candidate),
    ) ?? 'pgbench';

  constructor(
    private readonly databaseUrl: string,
    private readonly schema: string,
  ) {}

  /** Creates the reference table in the (scratch) schema. */
  async createTable(pool: Pool): Promise<void> {
    await pool.query(`
      CREATE TABLE ${this.schema}.ref_events (
        global_position bigint      GENERATED ALWAYS AS IDENTITY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        tenant_id       text        NOT NULL,
        stream_id       text        NOT NULL,
        stream_position bigint      NOT NULL,
        event_id        uuid        NOT NULL,
        event_type      text        NOT NULL,
        schema_version  int         NOT NULL,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, stream_id, stream_position),
        UNIQUE (event_id)
      )`);
    await pool.query(
      `CREATE INDEX ref_events_log_order_idx ON ${this.schema}.ref_events (transaction_id, global_position)`,
    );
  }

  /** Runs pgbench: `rows` rows per transaction (one INSERT statement) with `clients` clients. */
  async run(clients: number, seconds: number, rows: number): Promise<PgbenchResult> {
    const script = path.join(this.dir, `insert-${rows}.sql`);
    writeFileSync(script, this.script(rows));
    const url = new URL(this.databaseUrl);
    const args = [
      '-n',
      '-h',
      url.hostname,
      '-p',
      url.port || '5432',
      '-U',
      decodeURIComponent(url.username) || 'postgres',
      '-c',
      String(clients),
      '-j',
      String(clients),
      '-T',
      String(seconds),
      '-M',
      'prepared',
      '-f',
      script,
      decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
    ];
    const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: PGBENCH_APPLICATION_NAME };
    if (url.password !== '') env['PGPASSWORD'] = decodeURIComponent(url.password);
    const { stdout } = await run(this.binary, args, { env, timeout: (seconds + 60) * 1000 });
    const tps = matchNumber(stdout, /tps = ([0-9.]+) \(without initial connection time\)/);
    if (tps === undefined) throw new Error(`could not read tps from pgbench output:\n${stdout}`);
    return {
      tps,
      rowsPerSecond: tps * rows,
      transactions: matchNumber(stdout, /number of transactions actually processed: ([0-9]+)/) ?? 0,
      failed: matchNumber(stdout, /number of failed transactions: ([0-9]+)/) ?? 0,
      latencyMs: matchNumber(stdout, /latency average = ([0-9.]+) ms/),
    };
  }

  /** Removes the script files. */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private script(rows: number): string {
    const sample = storedJsonSample();
    const columns =
      'tenant_id, stream_id, stream_position, event_id, event_type, schema_version, data, metadata';
    // Stream ids as long as `campaign-<uuid>`, spread over as many streams as the append bench uses.
    const streamId = `'campaign-00000000-0000-4000-8000-' || lpad(:sid::text, 12, '0')`;
    const data = `${pgbenchLiteral(sample.data)}::jsonb`;
    const metadata = `${pgbenchLiteral(sample.metadata)}::jsonb`;
    const head = `\\set sid random(1, 8192)\n\\set pos random(1, 9000000000000000)\n`;
    if (rows === 1) {
      return (
        head +
        `INSERT INTO ${this.schema}.ref_events (${columns}) VALUES ('${BENCH_TENANT}', ${streamId}, :pos, ` +
        `gen_random_uuid(), '${BENCH_EVENT_TYPE}', 1, ${data}, ${metadata});\n`
      );
    }
    return (
      head +
      `INSERT INTO ${this.schema}.ref_events (${columns}) SELECT '${BENCH_TENANT}', ${streamId}, :pos::bigint * 1000 + g, ` +
      `gen_random_uuid(), '${BENCH_EVENT_TYPE}', 1, ${data}, ${metadata} FROM generate_series(1, ${rows}) AS g;\n`
    );
  }
}

/**
 * A SQL string literal pgbench leaves alone: pgbench reads `:name` as a variable even inside
 * quotes, so every colon is written as the escape `\x3a` of an E'' string.
 */
function pgbenchLiteral(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/:/g, '\\x3a');
  return `E'${escaped}'`;
}

function matchNumber(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  return match?.[1] !== undefined ? Number(match[1]) : undefined;
}
