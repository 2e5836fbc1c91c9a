import { DomainError, type PersonView } from '@ttkt/contracts';
import type { Pool, PoolClient } from 'pg';
import { foldAccents } from '../vietnamese-name';
import type { PersonState } from './person.state';

type Db = Pool | PoolClient;

/** Writes a person's row and their holds' rows (in the write's transaction). */
export async function savePerson(
  client: PoolClient,
  schema: string,
  tenantId: string,
  state: PersonState,
): Promise<void> {
  if (state.status !== 'registered') return;
  const { person } = state;
  await client.query(
    `INSERT INTO "${schema}".people (tenant_id, id, agency_id, unit_id, code, full_name,
       folded_name, date_of_birth, on_hold, view, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (tenant_id, id) DO UPDATE SET unit_id = EXCLUDED.unit_id, code = EXCLUDED.code,
       full_name = EXCLUDED.full_name, folded_name = EXCLUDED.folded_name,
       date_of_birth = EXCLUDED.date_of_birth, on_hold = EXCLUDED.on_hold, view = EXCLUDED.view,
       version = EXCLUDED.version`,
    [
      tenantId,
      person.id,
      person.agencyId,
      person.unitId,
      person.code,
      person.fullName,
      foldAccents(person.fullName),
      person.dateOfBirth,
      person.onHold,
      JSON.stringify(person),
      person.version,
    ],
  );
  for (const hold of person.holds) {
    await client.query(
      `INSERT INTO "${schema}".holds (tenant_id, person_id, hold_id, agency_id, kind, status,
         opened_on, closed_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id, person_id, hold_id) DO UPDATE SET status = EXCLUDED.status,
         closed_on = EXCLUDED.closed_on`,
      [
        tenantId,
        person.id,
        hold.id,
        person.agencyId,
        hold.kind,
        hold.status,
        hold.openedOn,
        hold.closedOn,
      ],
    );
  }
}

/** A person's view; `not-found` when not in the tenant. */
export async function readPerson(
  db: Db,
  schema: string,
  tenantId: string,
  personId: string,
): Promise<PersonView> {
  const { rows } = await db.query<{ view: PersonView }>(
    `SELECT view FROM "${schema}".people WHERE tenant_id = $1 AND id = $2`,
    [tenantId, personId],
  );
  const row = rows[0];
  if (!row) throw new DomainError('not-found', { personId });
  return row.view;
}

/** True when the person belongs to the agency. */
export async function personInAgency(
  db: Db,
  schema: string,
  tenantId: string,
  agencyId: string,
  personId: string | undefined,
): Promise<boolean> {
  if (personId === undefined) return false;
  const { rowCount } = await db.query(
    `SELECT 1 FROM "${schema}".people WHERE tenant_id = $1 AND id = $2 AND agency_id = $3`,
    [tenantId, personId, agencyId],
  );
  return (rowCount ?? 0) > 0;
}

/** An agency's people (optionally of one unit) whose folded name holds every word of `q`. */
export async function selectPeople(
  db: Db,
  schema: string,
  filter: { tenantId: string; agencyId: string; unitId?: string; q?: string },
): Promise<PersonView[]> {
  const words = foldAccents(filter.q ?? '')
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const { rows } = await db.query<{ view: PersonView }>(
    `SELECT view FROM "${schema}".people
      WHERE tenant_id = $1 AND agency_id = $2 AND ($3::text IS NULL OR unit_id = $3)
        AND folded_name LIKE ALL ($4::text[])`,
    [filter.tenantId, filter.agencyId, filter.unitId ?? null, words],
  );
  return rows.map((row) => row.view);
}
