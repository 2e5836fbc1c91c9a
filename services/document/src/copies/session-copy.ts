import { Injectable } from '@nestjs/common';
import type { SessionClosedV1 } from '@ttkt/contracts';
import type { PoolClient } from 'pg';

/**
 * The document service's copy of closed council sessions' days, for the decisions and proposals
 * that cite the session their dossiers passed (their events name it by id). Kept from
 * `review.session-closed.v1` in the inbox's transaction.
 */
@Injectable()
export class SessionCopy {
  /** Records the session's day. */
  async save(client: PoolClient, tenantId: string, session: SessionClosedV1): Promise<void> {
    await client.query(
      `INSERT INTO session_copies (tenant_id, session_id, held_on) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, session_id) DO UPDATE SET held_on = EXCLUDED.held_on`,
      [tenantId, session.sessionId, session.heldOn],
    );
  }

  /** The session's day (`YYYY-MM-DD`); null without a session or when the copy lacks it. */
  async heldOn(
    client: PoolClient,
    tenantId: string,
    sessionId: string | null | undefined,
  ): Promise<string | null> {
    if (!sessionId) return null;
    const { rows } = await client.query<{ held_on: string }>(
      `SELECT held_on FROM session_copies WHERE tenant_id = $1 AND session_id = $2`,
      [tenantId, sessionId],
    );
    return rows[0]?.held_on ?? null;
  }
}
