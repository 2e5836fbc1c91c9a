import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  type DocumentList,
  type DocumentProgress,
  type DocumentView,
  type GeneratedDocumentKind,
  type GeneratedDocumentStatus,
} from '@ttkt/contracts';
import { decodePageCursor, encodePageCursor, PG_POOL } from '@ttkt/messaging';
import type { Pool, PoolClient } from 'pg';

/** Filters of a campaign's list. */
export interface DocumentListFilter {
  tenantId: string;
  campaignId: string;
  kind?: GeneratedDocumentKind;
  status?: GeneratedDocumentStatus;
  limit?: number;
  cursor?: string;
}

/** A document a worker claimed. */
export interface ClaimedDocument {
  tenantId: string;
  documentId: string;
}

/** The default page size of a campaign's list. */
const DEFAULT_LIMIT = 50;

/**
 * The read table of generated documents (one row per document with its view, written in the
 * transaction of each append to its stream) and its files' blobs. It is also the worker's queue:
 * a `pending` row carries when it may next be attempted and until when a worker holds it.
 */
@Injectable()
export class DocumentReads {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * Writes the document's view (in the append's transaction). A `pending` document may be
   * attempted `retryAfterMs` from now; any write releases a worker's lease.
   */
  async save(
    client: PoolClient,
    tenantId: string,
    view: DocumentView,
    retryAfterMs: number,
  ): Promise<void> {
    await client.query(
      `INSERT INTO documents (tenant_id, document_id, campaign_id, agency_id, kind, status,
         subject_person_id, created_at, version, attempts, next_attempt_at, lease_until, view)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
         CASE WHEN $6 = 'pending' THEN now() + $11::bigint * interval '1 millisecond' END, NULL, $12)
       ON CONFLICT (tenant_id, document_id) DO UPDATE
         SET status = EXCLUDED.status, version = EXCLUDED.version, attempts = EXCLUDED.attempts,
             next_attempt_at = EXCLUDED.next_attempt_at, lease_until = NULL, view = EXCLUDED.view
         WHERE documents.version < EXCLUDED.version`,
      [
        tenantId,
        view.id,
        view.campaignId,
        view.agencyId,
        view.kind,
        view.status,
        view.subjectPersonId,
        view.createdAt,
        view.version,
        view.attempts,
        retryAfterMs,
        JSON.stringify(view),
      ],
    );
    if (view.formats.length > 0) {
      await client.query(
        `INSERT INTO document_files (tenant_id, document_id, format, sha256)
         SELECT $1, $2, format, sha256 FROM unnest($3::text[], $4::text[]) AS f(format, sha256)
         ON CONFLICT (tenant_id, document_id, format) DO UPDATE SET sha256 = EXCLUDED.sha256`,
        [
          tenantId,
          view.id,
          view.formats.map((file) => file.format),
          view.formats.map((file) => file.sha256),
        ],
      );
    }
  }

  /** One document; `not-found` when the tenant has none with the id. */
  async get(tenantId: string, documentId: string): Promise<DocumentView> {
    const { rows } = await this.pool.query<{ view: DocumentView }>(
      `SELECT view FROM documents WHERE tenant_id = $1 AND document_id = $2`,
      [tenantId, documentId],
    );
    const row = rows[0];
    if (!row) throw new DomainError('not-found', { documentId });
    return row.view;
  }

  /**
   * A page of a campaign's documents in the order they were requested, and the progress of all
   * the campaign's documents (whatever the filters), both read in one statement (so one snapshot:
   * a document listed as pending is counted pending). A campaign without documents has an empty
   * list (its documents may not be requested yet).
   */
  async list(filter: DocumentListFilter): Promise<DocumentList> {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const where = ['tenant_id = $1', 'campaign_id = $2'];
    const params: unknown[] = [filter.tenantId, filter.campaignId];
    if (filter.kind !== undefined) {
      params.push(filter.kind);
      where.push(`kind = $${params.length}`);
    }
    if (filter.status !== undefined) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    if (filter.cursor !== undefined) {
      const after = decodePageCursor(filter.cursor);
      params.push(after.id);
      // The cursor names the last row seen; its insertion number places it (ties of instant).
      where.push(
        `(created_at, row_no) > (SELECT created_at, row_no FROM documents
            WHERE tenant_id = $1 AND document_id = $${params.length})`,
      );
    }
    params.push(limit + 1);
    const { rows } = await this.pool.query<{
      items: DocumentView[];
      progress: Partial<Record<GeneratedDocumentStatus, number>>;
    }>(
      `SELECT
         (SELECT coalesce(jsonb_agg(page.view ORDER BY page.created_at, page.row_no), '[]'::jsonb)
            FROM (SELECT view, created_at, row_no FROM documents WHERE ${where.join(' AND ')}
                   ORDER BY created_at, row_no LIMIT $${params.length}) AS page) AS items,
         (SELECT coalesce(jsonb_object_agg(counted.status, counted.n), '{}'::jsonb)
            FROM (SELECT status, count(*) AS n FROM documents
                   WHERE tenant_id = $1 AND campaign_id = $2 GROUP BY status) AS counted) AS progress`,
      params,
    );
    const found = rows[0]?.items ?? [];
    const counts = rows[0]?.progress ?? {};
    const items = found.slice(0, limit);
    const last = items[items.length - 1];
    const progress: DocumentProgress = {
      total: 0,
      ready: Number(counts.ready ?? 0),
      pending: Number(counts.pending ?? 0),
      failed: Number(counts.failed ?? 0),
    };
    progress.total = progress.ready + progress.pending + progress.failed;
    return {
      items,
      nextCursor:
        found.length > limit && last ? encodePageCursor(new Date(last.createdAt), last.id) : null,
      progress,
    };
  }

  /** Which of `sha256s` a ready document's file is, in any tenant. */
  async referencedBlobs(sha256s: readonly string[]): Promise<string[]> {
    if (sha256s.length === 0) return [];
    const { rows } = await this.pool.query<{ sha256: string }>(
      `SELECT DISTINCT sha256 FROM document_files WHERE sha256 = ANY($1::text[])`,
      [sha256s],
    );
    return rows.map((row) => row.sha256);
  }

  /**
   * Claims up to `limit` pending documents due for an attempt and not held by a worker, holding
   * them for `leaseMs`, in one statement (its own short transaction). Rows other workers are
   * claiming are skipped, not waited for; a worker that dies loses its lease when it runs out.
   */
  async claim(limit: number, leaseMs: number): Promise<ClaimedDocument[]> {
    const { rows } = await this.pool.query<{ tenant_id: string; document_id: string }>(
      `UPDATE documents AS d SET lease_until = now() + $2::bigint * interval '1 millisecond'
         FROM (SELECT tenant_id, document_id FROM documents
                WHERE status = 'pending' AND next_attempt_at <= now()
                  AND (lease_until IS NULL OR lease_until <= now())
                ORDER BY next_attempt_at, row_no
                LIMIT $1
                FOR UPDATE SKIP LOCKED) AS due
        WHERE d.tenant_id = due.tenant_id AND d.document_id = due.document_id
        RETURNING d.tenant_id, d.document_id`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({ tenantId: row.tenant_id, documentId: row.document_id }));
  }
}
