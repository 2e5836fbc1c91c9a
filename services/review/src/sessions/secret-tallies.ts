import type { PoolClient } from 'pg';

/**
 * The secret ballots' counters (`review_secret_tallies`): per session and dossier only how many
 * yes and no — no row per ballot, no voter, no instant — so a choice cannot be linked to the
 * member whose `BallotCast` the session's stream records. Every function runs in the caller's
 * transaction (the ballot's, the opening's, the close's).
 */

/** Creates the zero counters of a session's secret-ballot dossiers (at its opening). */
export async function openSecretTallies(
  client: PoolClient,
  tenantId: string,
  sessionId: string,
  nominationIds: readonly string[],
): Promise<void> {
  if (nominationIds.length === 0) return;
  await client.query(
    `INSERT INTO review_secret_tallies (tenant_id, session_id, nomination_id, yes, no)
     SELECT $1, $2, nomination_id, 0, 0 FROM unnest($3::text[]) AS nomination_id
     ON CONFLICT DO NOTHING`,
    [tenantId, sessionId, [...nominationIds]],
  );
}

/** Counts one secret ballot's choice (in the transaction that appends its `BallotCast`). */
export async function countSecretBallot(
  client: PoolClient,
  tenantId: string,
  sessionId: string,
  nominationId: string,
  approve: boolean,
): Promise<void> {
  const result = await client.query(
    approve
      ? `UPDATE review_secret_tallies SET yes = yes + 1
          WHERE tenant_id = $1 AND session_id = $2 AND nomination_id = $3`
      : `UPDATE review_secret_tallies SET no = no + 1
          WHERE tenant_id = $1 AND session_id = $2 AND nomination_id = $3`,
    [tenantId, sessionId, nominationId],
  );
  // The opening created the counters of every secret-ballot dossier of its agenda.
  if (result.rowCount !== 1) throw new Error('secret ballot counters missing for the session');
}

/** A session's counters by dossier. */
export async function readSecretTallies(
  client: PoolClient,
  tenantId: string,
  sessionId: string,
): Promise<Record<string, { yes: number; no: number }>> {
  const { rows } = await client.query<{ nomination_id: string; yes: number; no: number }>(
    `SELECT nomination_id, yes, no FROM review_secret_tallies
      WHERE tenant_id = $1 AND session_id = $2`,
    [tenantId, sessionId],
  );
  return Object.fromEntries(rows.map((row) => [row.nomination_id, { yes: row.yes, no: row.no }]));
}
