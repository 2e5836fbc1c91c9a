import { Inject, Injectable } from '@nestjs/common';
import type { CouncilSessionView } from '@ttkt/contracts';
import { PG_POOL } from '@ttkt/messaging';
import type { Pool, PoolClient } from 'pg';
import type { CouncilSession } from './session.state';
import { toSessionView } from './session.view';

/**
 * The sessions' read table `review_sessions`: a row per session with its view, written in the
 * transaction of each append to the session's stream (a row is never overwritten by an earlier
 * version). The view holds no secret ballot's choice (see {@link toSessionView}).
 */
@Injectable()
export class SessionReads {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Writes the session's row (in the append's transaction). */
  async save(client: PoolClient, tenantId: string, session: CouncilSession): Promise<void> {
    await client.query(
      `INSERT INTO review_sessions
         (tenant_id, session_id, campaign_id, agency_id, held_on, status, opened_at, closed_at, view, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (tenant_id, session_id) DO UPDATE SET
         status = EXCLUDED.status, closed_at = EXCLUDED.closed_at, view = EXCLUDED.view,
         version = EXCLUDED.version
       WHERE review_sessions.version < EXCLUDED.version`,
      [
        tenantId,
        session.sessionId,
        session.campaignId,
        session.agencyId,
        session.heldOn,
        session.status,
        session.openedAt,
        session.result?.closedAt ?? null,
        JSON.stringify(toSessionView(session)),
        session.version,
      ],
    );
  }

  /** One session's view, or null. */
  async get(tenantId: string, sessionId: string): Promise<CouncilSessionView | null> {
    const { rows } = await this.pool.query<{ view: CouncilSessionView }>(
      'SELECT view FROM review_sessions WHERE tenant_id = $1 AND session_id = $2',
      [tenantId, sessionId],
    );
    return rows[0]?.view ?? null;
  }

  /** A campaign's sessions, by the day held, then opening. */
  async listByCampaign(tenantId: string, campaignId: string): Promise<CouncilSessionView[]> {
    const { rows } = await this.pool.query<{ view: CouncilSessionView }>(
      `SELECT view FROM review_sessions WHERE tenant_id = $1 AND campaign_id = $2
        ORDER BY held_on, opened_at, session_id`,
      [tenantId, campaignId],
    );
    return rows.map((row) => row.view);
  }

  /** The sessions whose agenda holds the dossier, by opening. */
  async sessionIdsWithDossier(tenantId: string, nominationId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ session_id: string }>(
      `SELECT session_id FROM review_sessions
        WHERE tenant_id = $1 AND view -> 'agenda' @> $2::jsonb
        ORDER BY opened_at, session_id`,
      [tenantId, JSON.stringify([{ dossiers: [{ nominationId }] }])],
    );
    return rows.map((row) => row.session_id);
  }

  /**
   * Every closed session of a campaign whose agenda had the award form, by the day held, then
   * closing (the latest last).
   */
  async closedWithForm(
    tenantId: string,
    campaignId: string,
    awardFormCode: string,
    client?: PoolClient,
  ): Promise<CouncilSessionView[]> {
    const { rows } = await (client ?? this.pool).query<{ view: CouncilSessionView }>(
      `SELECT view FROM review_sessions
        WHERE tenant_id = $1 AND campaign_id = $2 AND status = 'closed'
          AND view -> 'agenda' @> $3::jsonb
        ORDER BY held_on, closed_at, session_id`,
      [tenantId, campaignId, JSON.stringify([{ awardFormCode }])],
    );
    return rows.map((row) => row.view);
  }
}
