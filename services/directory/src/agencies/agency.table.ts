import { DomainError, type AgencyView, type NamePeriod } from '@ttkt/contracts';
import type { Pool, PoolClient } from 'pg';
import { nameOn } from '../names-over-time';
import type { AgencyState } from './agency.state';
import type { PredecessorFacts } from './register-agency/register-agency.decide';

type Db = Pool | PoolClient;

interface AgencyRow {
  id: string;
  tenant_id: string;
  code: string;
  names: NamePeriod[];
  parent_agency_id: string | null;
  valid_from: string | null;
  valid_until: string | null;
  predecessor_agency_id: string | null;
  version: number;
  successor_agency_id: string | null;
}

/** Writes an agency's row (in the write's transaction). */
export async function saveAgency(
  client: PoolClient,
  schema: string,
  state: AgencyState,
): Promise<void> {
  if (state.status !== 'registered') return;
  await client.query(
    `INSERT INTO "${schema}".agencies (tenant_id, id, code, names, parent_agency_id, valid_from,
       valid_until, predecessor_agency_id, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (tenant_id, id) DO UPDATE SET code = EXCLUDED.code, names = EXCLUDED.names,
       parent_agency_id = EXCLUDED.parent_agency_id, valid_from = EXCLUDED.valid_from,
       valid_until = EXCLUDED.valid_until, predecessor_agency_id = EXCLUDED.predecessor_agency_id,
       version = EXCLUDED.version`,
    [
      state.tenantId,
      state.id,
      state.code,
      JSON.stringify(state.names),
      state.parentAgencyId,
      state.validFrom,
      state.validUntil,
      state.predecessorAgencyId,
      state.version,
    ],
  );
}

/** True when the agency is registered in the tenant. */
export async function agencyExists(
  db: Db,
  schema: string,
  tenantId: string,
  agencyId: string | undefined | null,
): Promise<boolean> {
  if (agencyId === undefined || agencyId === null) return false;
  const { rowCount } = await db.query(
    `SELECT 1 FROM "${schema}".agencies WHERE tenant_id = $1 AND id = $2`,
    [tenantId, agencyId],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * The predecessor an agency would succeed, with its end and its successor, if any; null when it
 * is not an agency of the tenant.
 */
export async function predecessorFacts(
  db: Db,
  schema: string,
  tenantId: string,
  agencyId: string | undefined,
): Promise<PredecessorFacts | null> {
  if (agencyId === undefined) return null;
  const { rows } = await db.query<{
    valid_until: string | null;
    successor_agency_id: string | null;
  }>(`${SELECT(schema)} WHERE a.tenant_id = $1 AND a.id = $2`, [tenantId, agencyId]);
  const row = rows[0];
  return row ? { validUntil: row.valid_until, successorAgencyId: row.successor_agency_id } : null;
}

const SELECT = (schema: string): string => `
  SELECT a.id, a.tenant_id, a.code, a.names, a.parent_agency_id, a.valid_from, a.valid_until,
         a.predecessor_agency_id, a.version,
         (SELECT s.id FROM "${schema}".agencies s
           WHERE s.tenant_id = a.tenant_id AND s.predecessor_agency_id = a.id
           LIMIT 1) AS successor_agency_id
    FROM "${schema}".agencies a`;

/** An agency's view with the name in force on `asOf`; `not-found` when not in the tenant. */
export async function readAgency(
  db: Db,
  schema: string,
  tenantId: string,
  agencyId: string,
  asOf: string,
): Promise<AgencyView> {
  const { rows } = await db.query<AgencyRow>(
    `${SELECT(schema)} WHERE a.tenant_id = $1 AND a.id = $2`,
    [tenantId, agencyId],
  );
  const row = rows[0];
  if (!row) throw new DomainError('not-found', { agencyId });
  return agencyView(row, asOf);
}

/**
 * A tenant's agencies (optionally only some), by code then first validity. With `inForceOn`, only
 * those that exist that day (`validFrom ≤ day ≤ validUntil`, open ends included); names are those
 * in force on `asOf`.
 */
export async function listAgencies(
  db: Db,
  schema: string,
  tenantId: string,
  asOf: string,
  agencyIds: string[] | undefined,
  inForceOn?: string,
): Promise<AgencyView[]> {
  const { rows } = await db.query<AgencyRow>(
    `${SELECT(schema)} WHERE a.tenant_id = $1 AND ($2::text[] IS NULL OR a.id = ANY($2::text[]))
        AND ($3::text IS NULL OR ((a.valid_from IS NULL OR a.valid_from <= $3::text)
                             AND (a.valid_until IS NULL OR a.valid_until >= $3::text)))
      ORDER BY a.code, a.valid_from NULLS FIRST, a.id`,
    [tenantId, agencyIds ?? null, inForceOn ?? null],
  );
  return rows.map((row) => agencyView(row, asOf));
}

function agencyView(row: AgencyRow, asOf: string): AgencyView {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    code: row.code,
    name: nameOn(row.names, asOf),
    names: row.names,
    parentAgencyId: row.parent_agency_id,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    predecessorAgencyId: row.predecessor_agency_id,
    successorAgencyId: row.successor_agency_id,
    version: row.version,
  };
}
