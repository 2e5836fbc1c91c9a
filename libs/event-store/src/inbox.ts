import type { PoolClient } from 'pg';
import { quoteSchema } from './schema-name';

/**
 * Deduplicates delivered messages per consumer. Claiming inside the same transaction as the
 * handler's effect makes at-least-once delivery produce the effect exactly once: a redelivery
 * finds the row and is skipped; a failed attempt rolls the claim back with the effect.
 */
export class Inbox {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `${quoteSchema(schema)}.inbox`;
  }

  /**
   * Records that `consumer` handles `messageId`, in the caller's transaction. Resolves `true` the
   * first time, `false` when it was already handled (or is being handled by a transaction that
   * then commits: the insert waits for it).
   */
  async claim(client: PoolClient, consumer: string, messageId: string): Promise<boolean> {
    const result = await client.query(
      `INSERT INTO ${this.table} (consumer, message_id) VALUES ($1, $2)
       ON CONFLICT (consumer, message_id) DO NOTHING`,
      [consumer, messageId],
    );
    return result.rowCount === 1;
  }

  /**
   * Deletes entries processed before `before`; returns how many. Redeliveries older than the
   * broker's retry horizon cannot happen, so the table need not grow forever.
   */
  async purgeProcessedBefore(client: PoolClient, before: Date): Promise<number> {
    const result = await client.query(`DELETE FROM ${this.table} WHERE processed_at < $1`, [
      before,
    ]);
    return result.rowCount ?? 0;
  }
}
