import type { Pool } from 'pg';

/**
 * The nomination service's own tables beside its event store: the read table of dossiers (written
 * in the transaction of each append; its partial unique index keeps one live dossier per nominee,
 * award form and campaign) and its copies of other services' facts — campaigns' award forms and
 * deadlines, the directory's units, people and holds — each kept from their events in the
 * inbox's transaction.
 */
export async function migrateNomination(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [
      `${schema}.nomination-migrations`,
    ]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "${schema}".nominations (
        tenant_id text NOT NULL,
        nomination_id text NOT NULL,
        campaign_id text NOT NULL,
        agency_id text NOT NULL,
        award_form_code text NOT NULL,
        nominating_unit_id text NOT NULL,
        nominee_kind text NOT NULL,
        nominee_id text NOT NULL,
        status text NOT NULL,
        version integer NOT NULL,
        drafted_at timestamptz NOT NULL,
        view jsonb NOT NULL,
        PRIMARY KEY (tenant_id, nomination_id)
      );
      CREATE UNIQUE INDEX IF NOT EXISTS nominations_live_nominee_unique
        ON "${schema}".nominations (tenant_id, campaign_id, award_form_code, nominee_kind, nominee_id)
        WHERE status <> 'withdrawn';
      CREATE INDEX IF NOT EXISTS nominations_by_campaign
        ON "${schema}".nominations (tenant_id, campaign_id, drafted_at, nomination_id);
      CREATE INDEX IF NOT EXISTS nominations_by_nominee
        ON "${schema}".nominations (tenant_id, nominee_kind, nominee_id);
      CREATE TABLE IF NOT EXISTS "${schema}".campaign_copies (
        tenant_id text NOT NULL,
        campaign_id text NOT NULL,
        agency_id text NOT NULL,
        plan_version integer NOT NULL,
        award_forms jsonb NOT NULL,
        closed_at timestamptz,
        PRIMARY KEY (tenant_id, campaign_id)
      );
      CREATE TABLE IF NOT EXISTS "${schema}".directory_units (
        tenant_id text NOT NULL,
        unit_id text NOT NULL,
        agency_id text NOT NULL,
        parent_unit_id text,
        code text NOT NULL,
        name text NOT NULL,
        PRIMARY KEY (tenant_id, unit_id)
      );
      CREATE TABLE IF NOT EXISTS "${schema}".directory_people (
        tenant_id text NOT NULL,
        person_id text NOT NULL,
        agency_id text NOT NULL,
        unit_id text NOT NULL,
        full_name text NOT NULL,
        date_of_birth text NOT NULL,
        gender text NOT NULL,
        position text NOT NULL,
        version integer NOT NULL,
        PRIMARY KEY (tenant_id, person_id)
      );
      -- A hold's close may arrive before its opening (redelivery): its facts are then null.
      CREATE TABLE IF NOT EXISTS "${schema}".directory_holds (
        tenant_id text NOT NULL,
        hold_id text NOT NULL,
        person_id text NOT NULL,
        kind text,
        opened_on text,
        closed_on text,
        PRIMARY KEY (tenant_id, hold_id)
      );
      CREATE INDEX IF NOT EXISTS directory_holds_by_person
        ON "${schema}".directory_holds (tenant_id, person_id);
    `);
  } finally {
    await client
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`${schema}.nomination-migrations`])
      .catch(() => undefined);
    client.release();
  }
}
