import type { UnitView } from '@ttkt/contracts';
import type { Pool, PoolClient } from 'pg';
import type { UnitState } from './unit.state';

type Db = Pool | PoolClient;

interface UnitRow {
  id: string;
  agency_id: string;
  code: string;
  name: string;
  is_secretariat: boolean;
  parent_unit_id: string | null;
  version: number;
}

/** Writes a unit's row (in the write's transaction). */
export async function saveUnit(
  client: PoolClient,
  schema: string,
  tenantId: string,
  state: UnitState,
): Promise<void> {
  if (state.status !== 'created') return;
  await client.query(
    `INSERT INTO "${schema}".units (tenant_id, id, agency_id, code, name, is_secretariat,
       parent_unit_id, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tenant_id, id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name,
       is_secretariat = EXCLUDED.is_secretariat, parent_unit_id = EXCLUDED.parent_unit_id,
       version = EXCLUDED.version`,
    [
      tenantId,
      state.id,
      state.agencyId,
      state.code,
      state.name,
      state.isSecretariat,
      state.parentUnitId,
      state.version,
    ],
  );
}

/** The agency of a unit, or null when there is no such unit in the tenant. */
export async function agencyOfUnit(
  db: Db,
  schema: string,
  tenantId: string,
  unitId: string | undefined,
): Promise<string | null> {
  if (unitId === undefined) return null;
  const { rows } = await db.query<{ agency_id: string }>(
    `SELECT agency_id FROM "${schema}".units WHERE tenant_id = $1 AND id = $2`,
    [tenantId, unitId],
  );
  return rows[0]?.agency_id ?? null;
}

/** An agency's units, by code. */
export async function listUnits(
  db: Db,
  schema: string,
  tenantId: string,
  agencyId: string,
): Promise<UnitView[]> {
  const { rows } = await db.query<UnitRow>(
    `SELECT id, agency_id, code, name, is_secretariat, parent_unit_id, version
       FROM "${schema}".units WHERE tenant_id = $1 AND agency_id = $2 ORDER BY code, id`,
    [tenantId, agencyId],
  );
  return rows.map(unitView);
}

/** The view of a unit's row. */
export function unitView(row: UnitRow): UnitView {
  return {
    id: row.id,
    agencyId: row.agency_id,
    code: row.code,
    name: row.name,
    isSecretariat: row.is_secretariat,
    parentUnitId: row.parent_unit_id,
    version: row.version,
  };
}
