import type { Pool } from 'pg';

/**
 * The dashboard's read tables. Every read model is rebuildable from `received_events`, so these
 * tables change by being rebuilt, never by data migrations.
 */
export async function migrateDashboard(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`${schema}.dashboard-migrations`]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "${schema}".received_events (
        message_id uuid PRIMARY KEY,
        type text NOT NULL,
        tenant_id text NOT NULL,
        source_service text NOT NULL,
        source_stream text NOT NULL,
        source_version integer NOT NULL,
        position_xid numeric(20) NOT NULL,
        position_gp bigint NOT NULL,
        previous_xid numeric(20),
        previous_gp bigint,
        body jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((previous_xid IS NULL) = (previous_gp IS NULL)),
        CHECK ((previous_xid, previous_gp) < (position_xid, position_gp))
      );
      CREATE INDEX IF NOT EXISTS received_events_by_source
        ON "${schema}".received_events (source_service, position_xid, position_gp);
      CREATE INDEX IF NOT EXISTS received_events_by_previous
        ON "${schema}".received_events (source_service, previous_xid, previous_gp);
      CREATE INDEX IF NOT EXISTS received_events_chain_starts
        ON "${schema}".received_events (source_service) WHERE previous_xid IS NULL;
      CREATE TABLE IF NOT EXISTS "${schema}".source_positions (
        service text PRIMARY KEY,
        position_xid numeric(20) NOT NULL,
        position_gp bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS "${schema}".campaign_status (
        tenant_id text NOT NULL,
        campaign_id text NOT NULL,
        agency_id text NOT NULL,
        title text NOT NULL,
        status text NOT NULL,
        source_version integer NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, campaign_id)
      );
      -- Issue #4: the issuance's fields. The title comes from the events that carry one (drafted,
      -- draft-updated, issued) and is guarded by its own version, so a status event that arrives
      -- before the draft does not leave the row without a title for good.
      ALTER TABLE "${schema}".campaign_status
        ALTER COLUMN title DROP NOT NULL,
        ADD COLUMN IF NOT EXISTS title_version integer NOT NULL DEFAULT 1,
        ADD COLUMN IF NOT EXISTS plan_number text,
        ADD COLUMN IF NOT EXISTS issued_on text,
        ADD COLUMN IF NOT EXISTS closed_at timestamptz;
    `);
  } finally {
    await client
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`${schema}.dashboard-migrations`])
      .catch(() => undefined);
    client.release();
  }
}
