import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type CampaignList, type CampaignView } from '@ttkt/contracts';
import { decodePageCursor, encodePageCursor, PG_POOL } from '@ttkt/messaging';
import type { Pool, PoolClient } from 'pg';

/** Filters of a list. */
export interface CampaignListFilter {
  tenantId: string;
  agencyIds?: string[];
  agencyId?: string;
  status?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The read table of campaigns: one row per campaign with its view, written in the transaction
 * of each append to its stream (so a read after a command's answer sees the command).
 */
@Injectable()
export class CampaignReadRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Writes the campaign's view (in the append's transaction). */
  async save(client: PoolClient, tenantId: string, view: CampaignView): Promise<void> {
    await client.query(
      `INSERT INTO campaigns (tenant_id, campaign_id, agency_id, status, title, version, drafted_at, view)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id, campaign_id) DO UPDATE
         SET status = EXCLUDED.status, title = EXCLUDED.title, version = EXCLUDED.version,
             view = EXCLUDED.view
         WHERE campaigns.version < EXCLUDED.version`,
      [
        tenantId,
        view.id,
        view.agencyId,
        view.status,
        view.title,
        view.version,
        view.draftedAt,
        JSON.stringify(view),
      ],
    );
  }

  /** Records which campaign a register request belongs to (in the append's transaction). */
  async saveIssueRequest(
    client: PoolClient,
    tenantId: string,
    requestId: string,
    campaignId: string,
  ): Promise<void> {
    await client.query(
      `INSERT INTO issue_requests (tenant_id, request_id, campaign_id) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [tenantId, requestId, campaignId],
    );
  }

  /** The campaign a register request belongs to, if it is one of ours. */
  async campaignOfRequest(
    client: PoolClient,
    tenantId: string,
    requestId: string,
  ): Promise<string | undefined> {
    const { rows } = await client.query<{ campaign_id: string }>(
      `SELECT campaign_id FROM issue_requests WHERE tenant_id = $1 AND request_id = $2`,
      [tenantId, requestId],
    );
    return rows[0]?.campaign_id;
  }

  /** One campaign; `not-found` when the tenant has none with the id. */
  async get(tenantId: string, campaignId: string): Promise<CampaignView> {
    const { rows } = await this.pool.query<{ view: CampaignView }>(
      `SELECT view FROM campaigns WHERE tenant_id = $1 AND campaign_id = $2`,
      [tenantId, campaignId],
    );
    const row = rows[0];
    if (!row) throw new DomainError('not-found', { campaignId });
    return row.view;
  }

  /**
   * One campaign that is still a draft, as a command that reads the directory's copy before
   * deciding checks it first; `invalid-state` naming where it stands otherwise.
   */
  async getDraft(tenantId: string, campaignId: string): Promise<CampaignView> {
    const current = await this.get(tenantId, campaignId);
    if (current.status !== 'draft') {
      throw new DomainError('invalid-state', { campaignId, status: current.status });
    }
    return current;
  }

  /** A page, newest first (by when drafted, then id). */
  async list(filter: CampaignListFilter): Promise<CampaignList> {
    const limit = filter.limit ?? 20;
    const where = ['tenant_id = $1'];
    const params: unknown[] = [filter.tenantId];
    const add = (sql: (n: number) => string, value: unknown): void => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (filter.agencyIds !== undefined)
      add((n) => `agency_id = ANY($${n}::text[])`, filter.agencyIds);
    if (filter.agencyId !== undefined) add((n) => `agency_id = $${n}`, filter.agencyId);
    if (filter.status !== undefined) add((n) => `status = $${n}`, filter.status);
    if (filter.cursor !== undefined) {
      const after = decodePageCursor(filter.cursor);
      params.push(after.at, after.id);
      where.push(
        `(drafted_at, campaign_id) < ($${params.length - 1}::timestamptz, $${params.length})`,
      );
    }
    params.push(limit + 1);
    const { rows } = await this.pool.query<{ view: CampaignView; drafted_at: Date }>(
      `SELECT view, drafted_at FROM campaigns WHERE ${where.join(' AND ')}
        ORDER BY drafted_at DESC, campaign_id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((row) => row.view),
      nextCursor:
        rows.length > limit && last ? encodePageCursor(last.drafted_at, last.view.id) : null,
    };
  }
}
