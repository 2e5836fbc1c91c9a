import { decodePageCursor, encodePageCursor } from '@ttkt/messaging';
import type { Pool, PoolClient } from 'pg';

/** What the awards' read rows index of a view. */
export interface AwardRowView {
  id: string;
  campaignId: string;
  agencyId: string;
  awardFormCode: string;
  status: string;
  /** ISO-8601. */
  createdAt: string;
  version: number;
}

/** The default page size of a list. */
export const DEFAULT_PAGE = 20;

/**
 * A read table of the awards (`review_decisions`, `review_proposals`): one row per decision or
 * proposal with its view, written in the transaction of each append to its stream (a row is never
 * overwritten by an earlier version), listed per campaign by creation with a keyset cursor.
 */
export class AwardReadTable<View extends AwardRowView> {
  constructor(
    private readonly pool: Pool,
    private readonly table: 'review_decisions' | 'review_proposals',
  ) {}

  /** Writes the view's row (in the append's transaction). */
  async save(client: PoolClient, tenantId: string, view: View): Promise<void> {
    await client.query(
      `INSERT INTO ${this.table}
         (tenant_id, id, campaign_id, agency_id, award_form_code, status, created_at, version, view)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, id) DO UPDATE SET
         status = EXCLUDED.status, version = EXCLUDED.version, view = EXCLUDED.view
       WHERE ${this.table}.version < EXCLUDED.version`,
      [
        tenantId,
        view.id,
        view.campaignId,
        view.agencyId,
        view.awardFormCode,
        view.status,
        view.createdAt,
        view.version,
        JSON.stringify(view),
      ],
    );
  }

  /** One view, or null. */
  async get(tenantId: string, id: string): Promise<View | null> {
    const { rows } = await this.pool.query<{ view: View }>(
      `SELECT view FROM ${this.table} WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return rows[0]?.view ?? null;
  }

  /**
   * A page of a campaign's views, oldest first (by creation, then id), after `cursor` (a page's
   * `nextCursor`; a malformed one is `validation-failed` at `cursor`).
   */
  async list(
    tenantId: string,
    campaignId: string,
    limit: number = DEFAULT_PAGE,
    cursor?: string,
  ): Promise<{ items: View[]; nextCursor: string | null }> {
    const after = cursor === undefined ? null : decodePageCursor(cursor);
    const { rows } = await this.pool.query<{ view: View; created_at: Date; id: string }>(
      `SELECT view, created_at, id FROM ${this.table}
        WHERE tenant_id = $1 AND campaign_id = $2
          AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::text))
        ORDER BY created_at, id
        LIMIT $5`,
      [tenantId, campaignId, after?.at ?? null, after?.id ?? '', limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => row.view),
      nextCursor: rows.length > limit && last ? encodePageCursor(last.created_at, last.id) : null,
    };
  }
}
