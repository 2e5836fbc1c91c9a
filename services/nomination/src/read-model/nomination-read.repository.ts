import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  type MyNominations,
  type NominationList,
  type NominationStatus,
  type NominationView,
} from '@ttkt/contracts';
import { decodePageCursor, encodePageCursor, PG_POOL } from '@ttkt/messaging';
import type { Pool, PoolClient } from 'pg';

/** The unique index that keeps one live dossier per nominee, award form and campaign. */
export const LIVE_NOMINEE_INDEX = 'nominations_live_nominee_unique';

/** Filters of a campaign's list. */
export interface NominationListFilter {
  tenantId: string;
  campaignId: string;
  status?: NominationStatus;
  /** One nominating unit. */
  unitId?: string;
  /** The nominating units the caller may see; absent = every unit. */
  unitIds?: string[];
  awardFormCode?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The read table of dossiers: one row per dossier with its view, written in the transaction of
 * each append to its stream (a read after a command's answer sees the command). Its partial
 * unique index refuses a second live dossier of a nominee for a form of a campaign together with
 * the events of the command that tried it.
 */
@Injectable()
export class NominationReadRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * Writes the dossier's view (in the append's transaction); a second live dossier of the same
   * nominee is `duplicate-nomination` (the transaction is then aborted: the caller lets it fail).
   */
  async save(
    client: PoolClient,
    tenantId: string,
    view: NominationView,
    draftedAt: string,
  ): Promise<void> {
    const nomineeId =
      view.nominee.kind === 'individual' ? view.nominee.personId : view.nominee.unitId;
    try {
      await client.query(
        `INSERT INTO nominations (tenant_id, nomination_id, campaign_id, agency_id, award_form_code,
           nominating_unit_id, nominee_kind, nominee_id, status, version, drafted_at, view)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (tenant_id, nomination_id) DO UPDATE
           SET status = EXCLUDED.status, version = EXCLUDED.version, view = EXCLUDED.view
           WHERE nominations.version < EXCLUDED.version`,
        [
          tenantId,
          view.id,
          view.campaignId,
          view.agencyId,
          view.awardFormCode,
          view.nominatingUnitId,
          view.nominee.kind,
          nomineeId,
          view.status,
          view.version,
          draftedAt,
          JSON.stringify(view),
        ],
      );
    } catch (error) {
      throw duplicateAsDomainError(error, view);
    }
  }

  /** One dossier; `not-found` when the tenant has none with the id. */
  async get(tenantId: string, nominationId: string): Promise<NominationView> {
    const { rows } = await this.pool.query<{ view: NominationView }>(
      `SELECT view FROM nominations WHERE tenant_id = $1 AND nomination_id = $2`,
      [tenantId, nominationId],
    );
    const row = rows[0];
    if (!row) throw new DomainError('not-found', { nominationId });
    return row.view;
  }

  /** The ids of a person's dossiers that are not withdrawn (a new hold is flagged on them). */
  async liveOfPerson(client: PoolClient, tenantId: string, personId: string): Promise<string[]> {
    const { rows } = await client.query<{ nomination_id: string }>(
      `SELECT nomination_id FROM nominations
        WHERE tenant_id = $1 AND nominee_kind = 'individual' AND nominee_id = $2
          AND status <> 'withdrawn'
        ORDER BY drafted_at, nomination_id`,
      [tenantId, personId],
    );
    return rows.map((row) => row.nomination_id);
  }

  /** The live (not withdrawn) dossiers of a nominee for a form of a campaign. */
  async liveDuplicates(
    client: PoolClient,
    tenantId: string,
    key: { campaignId: string; awardFormCode: string; nomineeKind: string; nomineeId: string },
  ): Promise<string[]> {
    const { rows } = await client.query<{ nomination_id: string }>(
      `SELECT nomination_id FROM nominations
        WHERE tenant_id = $1 AND campaign_id = $2 AND award_form_code = $3
          AND nominee_kind = $4 AND nominee_id = $5 AND status <> 'withdrawn'`,
      [tenantId, key.campaignId, key.awardFormCode, key.nomineeKind, key.nomineeId],
    );
    return rows.map((row) => row.nomination_id);
  }

  /** A page of a campaign's dossiers, oldest first (by when drafted, then id). */
  async list(filter: NominationListFilter): Promise<NominationList> {
    const limit = filter.limit ?? 20;
    const where = ['tenant_id = $1', 'campaign_id = $2'];
    const params: unknown[] = [filter.tenantId, filter.campaignId];
    const add = (sql: (n: number) => string, value: unknown): void => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (filter.status !== undefined) add((n) => `status = $${n}`, filter.status);
    if (filter.unitId !== undefined) add((n) => `nominating_unit_id = $${n}`, filter.unitId);
    if (filter.unitIds !== undefined)
      add((n) => `nominating_unit_id = ANY($${n}::text[])`, filter.unitIds);
    if (filter.awardFormCode !== undefined)
      add((n) => `award_form_code = $${n}`, filter.awardFormCode);
    if (filter.cursor !== undefined) {
      const after = decodePageCursor(filter.cursor);
      params.push(after.at, after.id);
      where.push(
        `(drafted_at, nomination_id) > ($${params.length - 1}::timestamptz, $${params.length})`,
      );
    }
    params.push(limit + 1);
    const { rows } = await this.pool.query<{ view: NominationView; drafted_at: Date }>(
      `SELECT view, drafted_at FROM nominations WHERE ${where.join(' AND ')}
        ORDER BY drafted_at, nomination_id LIMIT $${params.length}`,
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

  /**
   * Which of `sha256s` a document of any dossier, in any tenant, holds (withdrawn dossiers
   * included; a removed document is no longer in the view, so no longer counts). One read of the
   * table per call: the blob sweep asks in batches of at most 500.
   */
  async referencedBlobs(sha256s: readonly string[]): Promise<string[]> {
    if (sha256s.length === 0) return [];
    const { rows } = await this.pool.query<{ sha256: string }>(
      `SELECT DISTINCT document->>'sha256' AS sha256
         FROM nominations, jsonb_array_elements(view->'documents') AS document
        WHERE document->>'sha256' = ANY($1::text[])`,
      [sha256s],
    );
    return rows.map((row) => row.sha256);
  }

  /** The dossiers naming a person as nominee, newest first. */
  async listMine(tenantId: string, personId: string): Promise<MyNominations> {
    const { rows } = await this.pool.query<{ view: NominationView }>(
      `SELECT view FROM nominations
        WHERE tenant_id = $1 AND nominee_kind = 'individual' AND nominee_id = $2
        ORDER BY drafted_at DESC, nomination_id DESC`,
      [tenantId, personId],
    );
    return { items: rows.map((row) => row.view) };
  }
}

/** The live-nominee index refused the row: the nominee already has a live dossier for the form. */
export function duplicateAsDomainError(
  error: unknown,
  view: Pick<NominationView, 'campaignId' | 'awardFormCode'>,
): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code !== '23505' || constraint !== LIVE_NOMINEE_INDEX) return error;
  return new DomainError('duplicate-nomination', {
    campaignId: view.campaignId,
    awardFormCode: view.awardFormCode,
  });
}
