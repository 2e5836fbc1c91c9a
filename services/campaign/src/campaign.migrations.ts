import type { Pool } from 'pg';

/**
 * The campaign service's own tables beside its event store: the read table of campaigns (written
 * in the transaction of each append), the index of issue requests (the register answers by
 * request id), and its copy of the directory's facts (agencies' codes and validity, units' codes).
 */
export async function migrateCampaign(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`${schema}.campaign-migrations`]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "${schema}".campaigns (
        tenant_id text NOT NULL,
        campaign_id text NOT NULL,
        agency_id text NOT NULL,
        status text NOT NULL,
        title text NOT NULL,
        version integer NOT NULL,
        drafted_at timestamptz NOT NULL,
        view jsonb NOT NULL,
        PRIMARY KEY (tenant_id, campaign_id)
      );
      CREATE INDEX IF NOT EXISTS campaigns_newest_first
        ON "${schema}".campaigns (tenant_id, drafted_at DESC, campaign_id DESC);
      CREATE TABLE IF NOT EXISTS "${schema}".issue_requests (
        tenant_id text NOT NULL,
        request_id text NOT NULL,
        campaign_id text NOT NULL,
        PRIMARY KEY (tenant_id, request_id)
      );
      CREATE TABLE IF NOT EXISTS "${schema}".directory_agencies (
        tenant_id text NOT NULL,
        agency_id text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        PRIMARY KEY (tenant_id, agency_id)
      );
      CREATE TABLE IF NOT EXISTS "${schema}".directory_units (
        tenant_id text NOT NULL,
        unit_id text NOT NULL,
        agency_id text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        PRIMARY KEY (tenant_id, unit_id)
      );
      CREATE INDEX IF NOT EXISTS directory_units_by_agency
        ON "${schema}".directory_units (tenant_id, agency_id);
      -- The agency's validity (YYYY-MM-DD, null = unbounded): a plan is issued while it exists.
      ALTER TABLE "${schema}".directory_agencies ADD COLUMN IF NOT EXISTS valid_from text;
      ALTER TABLE "${schema}".directory_agencies ADD COLUMN IF NOT EXISTS valid_until text;
    `);
  } finally {
    await client
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`${schema}.campaign-migrations`])
      .catch(() => undefined);
    client.release();
  }
}
