import { assertSchemaName } from '@ttkt/event-store';
import type { Pool } from 'pg';
import type { DeadLetter } from '../transport';
import type { InProcessJournal, JournalDeadLetter, JournalEntry } from './in-process-transport';

interface JournalRow {
  id: string;
  service: string | null;
  message: JournalEntry['message'];
  attempt: number;
  dead_letter: DeadLetter | null;
}

/**
 * The in-process transport's journal in PostgreSQL (the all-in-one mode's embedded database): one
 * row per queued copy, written before `publish` resolves, deleted once settled.
 */
export class PostgresJournal implements InProcessJournal {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    assertSchemaName(schema);
    this.table = `"${schema}".transport_journal`;
  }

  /** Creates the schema and table when missing. */
  async migrate(): Promise<void> {
    await this.pool.query(`
      CREATE SCHEMA IF NOT EXISTS "${this.schema}";
      CREATE TABLE IF NOT EXISTS ${this.table} (
        seq bigint GENERATED ALWAYS AS IDENTITY,
        id uuid PRIMARY KEY,
        service text,
        message jsonb NOT NULL,
        attempt integer NOT NULL DEFAULT 0,
        dead_letter jsonb,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async record(entries: JournalEntry[]): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (id, service, message, attempt)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::int[])`,
      [
        entries.map((entry) => entry.id),
        entries.map((entry) => entry.service),
        entries.map((entry) => JSON.stringify(entry.message)),
        entries.map((entry) => entry.attempt),
      ],
    );
  }

  async remove(id: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE id = $1`, [id]);
  }

  async retried(id: string, attempt: number): Promise<void> {
    await this.pool.query(`UPDATE ${this.table} SET attempt = $2 WHERE id = $1`, [id, attempt]);
  }

  async deadLettered(id: string, deadLetter: DeadLetter): Promise<void> {
    await this.pool.query(`UPDATE ${this.table} SET dead_letter = $2 WHERE id = $1`, [
      id,
      JSON.stringify(deadLetter),
    ]);
  }

  async replayed(id: string): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.table} SET dead_letter = NULL, attempt = 0 WHERE id = $1`,
      [id],
    );
  }

  async load(): Promise<{ queued: JournalEntry[]; deadLetters: JournalDeadLetter[] }> {
    const { rows } = await this.pool.query<JournalRow>(
      `SELECT id, service, message, attempt, dead_letter FROM ${this.table} ORDER BY seq`,
    );
    const queued: JournalEntry[] = [];
    const deadLetters: JournalDeadLetter[] = [];
    for (const row of rows) {
      const entry: JournalEntry = {
        id: row.id,
        service: row.service,
        message: row.message,
        attempt: row.attempt,
      };
      if (row.dead_letter) deadLetters.push({ ...entry, deadLetter: row.dead_letter });
      else queued.push(entry);
    }
    return { queued, deadLetters };
  }
}
