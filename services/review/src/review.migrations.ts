import type { Pool, PoolClient } from 'pg';
import { migrateAwards } from './awards.migration';
import { migrateSessions } from './sessions/sessions.migration';

/**
 * The review service's own tables beside its event store, created under one advisory lock (so
 * concurrent starts do not race): the dossiers' read table and the copies of other services'
 * facts (this file), then the sessions' and councils' tables ({@link migrateSessions}) and the
 * awards' — quota ledgers, decisions, proposals, golden book ({@link migrateAwards}). Each area
 * runs `CREATE … IF NOT EXISTS` statements on the given client.
 */
export async function migrateReview(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  const lock = `${schema}.review-migrations`;
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lock]);
    await migrateDossiers(client, schema);
    await migrateSessions(client, schema);
    await migrateAwards(client, schema);
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lock]).catch(() => undefined);
    client.release();
  }
}

/**
 * The dossiers as review sees them (`review_dossiers`, one row per dossier written with each
 * append) and the copies: campaigns (`review_campaigns`) and people's holds (`review_holds`).
 */
export async function migrateDossiers(client: PoolClient, schema: string): Promise<void> {
  await client.query(`
    CREATE TABLE IF NOT EXISTS "${schema}".review_dossiers (
      tenant_id text NOT NULL,
      nomination_id text NOT NULL,
      campaign_id text NOT NULL,
      agency_id text NOT NULL,
      award_form_code text NOT NULL,
      status text NOT NULL,
      nominee jsonb NOT NULL,
      nominee_kind text NOT NULL,
      person_id text,
      unit_id text,
      nominating_unit_id text NOT NULL,
      achievement_summary text NOT NULL,
      session_id text,
      decision_id text,
      proposal_id text,
      version integer NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, nomination_id)
    );
    CREATE INDEX IF NOT EXISTS review_dossiers_by_campaign_form
      ON "${schema}".review_dossiers (tenant_id, campaign_id, award_form_code, status);
    CREATE TABLE IF NOT EXISTS "${schema}".review_campaigns (
      tenant_id text NOT NULL,
      campaign_id text NOT NULL,
      agency_id text NOT NULL,
      agency_code text,
      plan_number text,
      plan_title text,
      plan_issued_on text,
      plan_version integer NOT NULL,
      signer jsonb,
      recipients jsonb NOT NULL DEFAULT '[]'::jsonb,
      award_forms jsonb NOT NULL DEFAULT '[]'::jsonb,
      closed_at timestamptz,
      PRIMARY KEY (tenant_id, campaign_id)
    );
    -- A hold's close may arrive before its opening (redelivery): its facts are then null.
    CREATE TABLE IF NOT EXISTS "${schema}".review_holds (
      tenant_id text NOT NULL,
      hold_id text NOT NULL,
      person_id text NOT NULL,
      kind text,
      opened_on text,
      closed_on text,
      PRIMARY KEY (tenant_id, hold_id)
    );
    CREATE INDEX IF NOT EXISTS review_holds_by_person
      ON "${schema}".review_holds (tenant_id, person_id);
  `);
}
