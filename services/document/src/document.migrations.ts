import type { Pool } from 'pg';

/**
 * The document service's own tables beside its event store (the register needs none: it folds
 * its streams). The read table of generated documents — written in the transaction of each append
 * to a document's stream, and the worker's queue: `pending` rows with their next attempt's time
 * and a lease — with the blobs their files are; and the copies of other services' facts the
 * documents print, each kept from their events in the inbox's transaction: the directory's
 * tenant and agency names over time, issued campaigns' titles and award forms, council sessions' days,
 * submitted dossiers' nominees.
 */
export async function migrateDocument(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`${schema}.document-migrations`]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "${schema}".documents (
        tenant_id text NOT NULL,
        document_id text NOT NULL,
        -- Insertion order: a request's documents are listed as requested (a decision first).
        row_no bigserial NOT NULL,
        campaign_id text NOT NULL,
        agency_id text NOT NULL,
        kind text NOT NULL,
        status text NOT NULL,
        subject_person_id text,
        created_at timestamptz NOT NULL,
        version integer NOT NULL,
        attempts integer NOT NULL,
        -- When a pending document may be attempted (null once ready or failed).
        next_attempt_at timestamptz,
        -- A worker holds a claimed document until then (null when none does).
        lease_until timestamptz,
        view jsonb NOT NULL,
        PRIMARY KEY (tenant_id, document_id)
      );
      CREATE INDEX IF NOT EXISTS documents_by_campaign
        ON "${schema}".documents (tenant_id, campaign_id, created_at, row_no);
      CREATE INDEX IF NOT EXISTS documents_pending
        ON "${schema}".documents (next_attempt_at, row_no) WHERE status = 'pending';
      CREATE TABLE IF NOT EXISTS "${schema}".document_files (
        tenant_id text NOT NULL,
        document_id text NOT NULL,
        format text NOT NULL,
        sha256 text NOT NULL,
        PRIMARY KEY (tenant_id, document_id, format)
      );
      CREATE INDEX IF NOT EXISTS document_files_by_sha256 ON "${schema}".document_files (sha256);
      -- Names over time: valid_from '' is "since always".
      CREATE TABLE IF NOT EXISTS "${schema}".tenant_names (
        tenant_id text NOT NULL,
        valid_from text NOT NULL,
        name text NOT NULL,
        PRIMARY KEY (tenant_id, valid_from)
      );
      CREATE TABLE IF NOT EXISTS "${schema}".agency_copies (
        tenant_id text NOT NULL,
        agency_id text NOT NULL,
        parent_agency_id text,
        code text NOT NULL,
        PRIMARY KEY (tenant_id, agency_id)
      );
      CREATE TABLE IF NOT EXISTS "${schema}".agency_names (
        tenant_id text NOT NULL,
        agency_id text NOT NULL,
        valid_from text NOT NULL,
        name text NOT NULL,
        PRIMARY KEY (tenant_id, agency_id, valid_from)
      );
      CREATE TABLE IF NOT EXISTS "${schema}".campaign_copies (
        tenant_id text NOT NULL,
        campaign_id text NOT NULL,
        title text NOT NULL,
        plan_number text NOT NULL,
        issued_on text NOT NULL,
        award_forms jsonb NOT NULL,
        PRIMARY KEY (tenant_id, campaign_id)
      );
      CREATE TABLE IF NOT EXISTS "${schema}".session_copies (
        tenant_id text NOT NULL,
        session_id text NOT NULL,
        held_on text NOT NULL,
        PRIMARY KEY (tenant_id, session_id)
      );
      CREATE TABLE IF NOT EXISTS "${schema}".nominee_copies (
        tenant_id text NOT NULL,
        nomination_id text NOT NULL,
        award_form_code text NOT NULL,
        nominee jsonb NOT NULL,
        version integer NOT NULL,
        PRIMARY KEY (tenant_id, nomination_id)
      );
    `);
  } finally {
    await client
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`${schema}.document-migrations`])
      .catch(() => undefined);
    client.release();
  }
}
