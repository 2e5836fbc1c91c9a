import type { PoolClient } from 'pg';

/**
 * The sessions' tables (councils need none: their streams are folded on each read):
 * - `review_sessions`: one row per council session, its view (`CouncilSessionView`) written in the
 *   transaction of each append to the session's stream. The view never holds a secret ballot's
 *   choice. Indexed by campaign, and by the view's content for the sessions whose agenda holds a
 *   dossier or a form.
 * - `review_secret_tallies`: the secret ballots' choices, apart from the event log and from the
 *   voters — one row of counters per session and dossier, incremented in the ballot's transaction;
 *   no row per ballot, no voter, no instant.
 */
export async function migrateSessions(client: PoolClient, schema: string): Promise<void> {
  await client.query(`
    CREATE TABLE IF NOT EXISTS "${schema}".review_sessions (
      tenant_id text NOT NULL,
      session_id text NOT NULL,
      campaign_id text NOT NULL,
      agency_id text NOT NULL,
      held_on text NOT NULL,
      status text NOT NULL,
      opened_at timestamptz NOT NULL,
      closed_at timestamptz,
      view jsonb NOT NULL,
      version integer NOT NULL,
      PRIMARY KEY (tenant_id, session_id)
    );
    CREATE INDEX IF NOT EXISTS review_sessions_by_campaign
      ON "${schema}".review_sessions (tenant_id, campaign_id, held_on, opened_at);
    CREATE INDEX IF NOT EXISTS review_sessions_by_agenda
      ON "${schema}".review_sessions USING gin ((view -> 'agenda') jsonb_path_ops);
    CREATE TABLE IF NOT EXISTS "${schema}".review_secret_tallies (
      tenant_id text NOT NULL,
      session_id text NOT NULL,
      nomination_id text NOT NULL,
      yes integer NOT NULL DEFAULT 0,
      no integer NOT NULL DEFAULT 0,
      PRIMARY KEY (tenant_id, session_id, nomination_id)
    );
  `);
}
