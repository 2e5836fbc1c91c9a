import type { Pool } from 'pg';

/**
 * The directory's read tables, written in the same transaction as the events they come from
 * (so they also hold the uniqueness rules: tenant codes, unit codes per agency, one successor
 * per agency, usernames).
 * Each row keeps its stream's version.
 */
export async function migrateDirectory(pool: Pool, schema: string): Promise<void> {
  const lock = `${schema}.directory-migrations`;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lock]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "${schema}".tenants (
        id text PRIMARY KEY,
        code text NOT NULL,
        names jsonb NOT NULL,
        version integer NOT NULL
      );
      CREATE UNIQUE INDEX IF NOT EXISTS tenants_code_unique ON "${schema}".tenants (lower(code));
      CREATE TABLE IF NOT EXISTS "${schema}".agencies (
        tenant_id text NOT NULL,
        id text NOT NULL,
        code text NOT NULL,
        names jsonb NOT NULL,
        parent_agency_id text,
        valid_from text,
        valid_until text,
        predecessor_agency_id text,
        version integer NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      DROP INDEX IF EXISTS "${schema}".agencies_by_predecessor;
      CREATE UNIQUE INDEX IF NOT EXISTS agencies_successor_unique
        ON "${schema}".agencies (tenant_id, predecessor_agency_id)
        WHERE predecessor_agency_id IS NOT NULL;
      CREATE TABLE IF NOT EXISTS "${schema}".units (
        tenant_id text NOT NULL,
        id text NOT NULL,
        agency_id text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        is_secretariat boolean NOT NULL,
        parent_unit_id text,
        version integer NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE UNIQUE INDEX IF NOT EXISTS units_code_unique
        ON "${schema}".units (tenant_id, agency_id, lower(code));
      CREATE TABLE IF NOT EXISTS "${schema}".people (
        tenant_id text NOT NULL,
        id text NOT NULL,
        agency_id text NOT NULL,
        unit_id text NOT NULL,
        code text,
        full_name text NOT NULL,
        folded_name text NOT NULL,
        date_of_birth text NOT NULL,
        on_hold boolean NOT NULL,
        view jsonb NOT NULL,
        version integer NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE UNIQUE INDEX IF NOT EXISTS people_code_unique
        ON "${schema}".people (tenant_id, agency_id, code) WHERE code IS NOT NULL;
      CREATE INDEX IF NOT EXISTS people_by_identity
        ON "${schema}".people (tenant_id, agency_id, unit_id, full_name, date_of_birth);
      CREATE TABLE IF NOT EXISTS "${schema}".holds (
        tenant_id text NOT NULL,
        person_id text NOT NULL,
        hold_id text NOT NULL,
        agency_id text NOT NULL,
        kind text NOT NULL,
        status text NOT NULL,
        opened_on text NOT NULL,
        closed_on text,
        PRIMARY KEY (tenant_id, person_id, hold_id)
      );
      CREATE INDEX IF NOT EXISTS holds_open_by_agency
        ON "${schema}".holds (tenant_id, agency_id) WHERE status = 'open';
      CREATE TABLE IF NOT EXISTS "${schema}".users (
        id text PRIMARY KEY,
        tenant_id text,
        username text NOT NULL,
        password_hash text NOT NULL,
        view jsonb NOT NULL,
        version integer NOT NULL
      );
      CREATE TABLE IF NOT EXISTS "${schema}".usernames (
        username_key text NOT NULL,
        user_id text NOT NULL,
        CONSTRAINT usernames_pkey PRIMARY KEY (username_key)
      );
    `);
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lock]).catch(() => undefined);
    client.release();
  }
}
