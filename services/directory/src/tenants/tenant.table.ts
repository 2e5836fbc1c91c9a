import { DomainError, type NamePeriod, type TenantView } from '@ttkt/contracts';
import type { Pool, PoolClient } from 'pg';
import { nameOn } from '../names-over-time';
import type { TenantState } from './tenant.state';

interface TenantRow {
  id: string;
  code: string;
  names: NamePeriod[];
  version: number;
}

/** Writes a tenant's row (in the write's transaction). */
export async function saveTenant(
  client: PoolClient,
  schema: string,
  state: TenantState,
): Promise<void> {
  if (state.status !== 'registered') return;
  await client.query(
    `INSERT INTO "${schema}".tenants (id, code, names, version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, names = EXCLUDED.names,
       version = EXCLUDED.version`,
    [state.id, state.code, JSON.stringify(state.names), state.version],
  );
}

/** True when the tenant is registered. */
export async function tenantExists(
  db: Pool | PoolClient,
  schema: string,
  id: string,
): Promise<boolean> {
  const { rowCount } = await db.query(`SELECT 1 FROM "${schema}".tenants WHERE id = $1`, [id]);
  return (rowCount ?? 0) > 0;
}

/** A tenant's view, with the name in force on `asOf`; `not-found` when unknown. */
export async function readTenant(
  db: Pool | PoolClient,
  schema: string,
  id: string,
  asOf: string,
): Promise<TenantView> {
  const { rows } = await db.query<TenantRow>(
    `SELECT id, code, names, version FROM "${schema}".tenants WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new DomainError('not-found', { tenantId: id });
  return tenantView(row, asOf);
}

/** Every tenant, by code. */
export async function listTenants(db: Pool, schema: string, asOf: string): Promise<TenantView[]> {
  const { rows } = await db.query<TenantRow>(
    `SELECT id, code, names, version FROM "${schema}".tenants ORDER BY code, id`,
  );
  return rows.map((row) => tenantView(row, asOf));
}

/** The view of a state or a row on a day. */
export function tenantView(tenant: TenantRow, asOf: string): TenantView {
  return {
    id: tenant.id,
    code: tenant.code,
    name: nameOn(tenant.names, asOf),
    names: tenant.names,
    version: tenant.version,
  };
}
