import type { PoolClient } from 'pg';

/**
 * The awards' read tables (quota ledgers and golden books need none: their streams are folded on
 * each read, under the ledger's lock):
 * - `review_decisions`: one row per decision, its view (`DecisionView`) written in the transaction
 *   of each append to the decision's stream; listed per campaign by creation (keyset).
 * - `review_proposals`: the same for proposals (`ProposalView`).
 */
export async function migrateAwards(client: PoolClient, schema: string): Promise<void> {
  for (const table of ['review_decisions', 'review_proposals']) {
    await client.query(`
      CREATE TABLE IF NOT EXISTS "${schema}".${table} (
        tenant_id text NOT NULL,
        id text NOT NULL,
        campaign_id text NOT NULL,
        agency_id text NOT NULL,
        award_form_code text NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        version integer NOT NULL,
        view jsonb NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX IF NOT EXISTS ${table}_by_campaign
        ON "${schema}".${table} (tenant_id, campaign_id, created_at, id);
    `);
  }
}
