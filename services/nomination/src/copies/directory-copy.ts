import { Inject, Injectable } from '@nestjs/common';
import type {
  HoldClosedV1,
  HoldOpenedV1,
  IntegrationEvent,
  NomineeRef,
  PersonChangedV1,
  PersonRegisteredV1,
  UnitCreatedV1,
} from '@ttkt/contracts';
import { PG_POOL } from '@ttkt/messaging';
import type { Pool, PoolClient } from 'pg';
import type { HoldFacts, NomineeFacts } from '../nominations/nomination-rules';

/** What the copy knows of a unit. */
export interface UnitFacts {
  unitId: string;
  agencyId: string;
  parentUnitId: string | null;
  name: string;
}

/** What the copy knows of a person: the fields a dossier's snapshot takes. */
export interface PersonFacts {
  personId: string;
  agencyId: string;
  unitId: string;
  fullName: string;
  dateOfBirth: string;
  gender: string;
  position: string;
}

/**
 * The nomination service's copy of the directory's facts it needs: units with their parents (who
 * may nominate whom), people as they stand now (the snapshot taken at submission) and people's
 * holds. Kept from the directory's events, each in the inbox's transaction.
 */
@Injectable()
export class DirectoryCopy {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** `directory.unit-created.v1`. */
  async onUnitCreated(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as UnitCreatedV1;
    await client.query(
      `INSERT INTO directory_units (tenant_id, unit_id, agency_id, parent_unit_id, code, name)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, unit_id) DO UPDATE SET parent_unit_id = EXCLUDED.parent_unit_id,
         code = EXCLUDED.code, name = EXCLUDED.name`,
      [
        event.tenantId,
        data.unitId,
        data.agencyId,
        data.parentUnitId ?? null,
        data.code.normalize('NFC'),
        data.name.normalize('NFC'),
      ],
    );
  }

  /** `directory.person-registered.v1` and `directory.person-changed.v1`: the person after it. */
  async onPerson(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as PersonRegisteredV1 | PersonChangedV1;
    await client.query(
      `INSERT INTO directory_people
         (tenant_id, person_id, agency_id, unit_id, full_name, date_of_birth, gender, position, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, person_id) DO UPDATE
         SET agency_id = EXCLUDED.agency_id, unit_id = EXCLUDED.unit_id,
             full_name = EXCLUDED.full_name, date_of_birth = EXCLUDED.date_of_birth,
             gender = EXCLUDED.gender, position = EXCLUDED.position, version = EXCLUDED.version
         WHERE directory_people.version < EXCLUDED.version`,
      [
        event.tenantId,
        data.personId,
        data.agencyId,
        data.unitId,
        data.fullName.normalize('NFC'),
        data.dateOfBirth,
        data.gender,
        data.position.normalize('NFC'),
        event.source.streamVersion,
      ],
    );
  }

  /** `directory.hold-opened.v1`: records the hold (a close that overtook it keeps it closed). */
  async onHoldOpened(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as HoldOpenedV1;
    await client.query(
      `INSERT INTO directory_holds (tenant_id, hold_id, person_id, kind, opened_on)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, hold_id) DO UPDATE SET kind = EXCLUDED.kind, opened_on = EXCLUDED.opened_on`,
      [event.tenantId, data.holdId, data.personId, data.kind, data.openedOn],
    );
  }

  /** `directory.hold-closed.v1`. */
  async onHoldClosed(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as HoldClosedV1;
    await client.query(
      `INSERT INTO directory_holds (tenant_id, hold_id, person_id, closed_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, hold_id) DO UPDATE SET closed_on = EXCLUDED.closed_on`,
      [event.tenantId, data.holdId, data.personId, data.closedOn],
    );
  }

  /** A unit, if the copy holds it. */
  async unit(
    tenantId: string,
    unitId: string,
    client?: PoolClient,
  ): Promise<UnitFacts | undefined> {
    const { rows } = await (client ?? this.pool).query<{
      agency_id: string;
      parent_unit_id: string | null;
      name: string;
    }>(
      `SELECT agency_id, parent_unit_id, name FROM directory_units WHERE tenant_id = $1 AND unit_id = $2`,
      [tenantId, unitId],
    );
    const row = rows[0];
    return row
      ? { unitId, agencyId: row.agency_id, parentUnitId: row.parent_unit_id, name: row.name }
      : undefined;
  }

  /** Every unit of an agency with its parent (who may nominate whom). */
  async agencyUnits(
    tenantId: string,
    agencyId: string,
    client?: PoolClient,
  ): Promise<{ unitId: string; parentUnitId: string | null }[]> {
    const { rows } = await (client ?? this.pool).query<{
      unit_id: string;
      parent_unit_id: string | null;
    }>(
      `SELECT unit_id, parent_unit_id FROM directory_units WHERE tenant_id = $1 AND agency_id = $2`,
      [tenantId, agencyId],
    );
    return rows.map((row) => ({ unitId: row.unit_id, parentUnitId: row.parent_unit_id }));
  }

  /** The nominee as the copy holds it now (a person with their unit's name, or a unit); null when unknown. */
  async nominee(
    tenantId: string,
    nominee: NomineeRef,
    client?: PoolClient,
  ): Promise<NomineeFacts | null> {
    if (nominee.kind === 'collective') {
      const unit = await this.unit(tenantId, nominee.unitId, client);
      return unit ? { kind: 'collective', unitId: unit.unitId, unitName: unit.name } : null;
    }
    const person = await this.person(tenantId, nominee.personId, client);
    if (!person) return null;
    const unit = await this.unit(tenantId, person.unitId, client);
    return {
      kind: 'individual',
      personId: person.personId,
      fullName: person.fullName,
      dateOfBirth: person.dateOfBirth,
      gender: person.gender,
      position: person.position,
      unitId: person.unitId,
      unitName: unit?.name ?? '',
    };
  }

  /** A person as the copy holds them now. */
  async person(
    tenantId: string,
    personId: string,
    client?: PoolClient,
  ): Promise<PersonFacts | undefined> {
    const { rows } = await (client ?? this.pool).query<{
      agency_id: string;
      unit_id: string;
      full_name: string;
      date_of_birth: string;
      gender: string;
      position: string;
    }>(
      `SELECT agency_id, unit_id, full_name, date_of_birth, gender, position FROM directory_people
        WHERE tenant_id = $1 AND person_id = $2`,
      [tenantId, personId],
    );
    const row = rows[0];
    return row
      ? {
          personId,
          agencyId: row.agency_id,
          unitId: row.unit_id,
          fullName: row.full_name,
          dateOfBirth: row.date_of_birth,
          gender: row.gender,
          position: row.position,
        }
      : undefined;
  }

  /** The person's open holds (opened and not closed), oldest first. */
  async openHolds(tenantId: string, personId: string, client?: PoolClient): Promise<HoldFacts[]> {
    const { rows } = await (client ?? this.pool).query<{
      hold_id: string;
      kind: string;
      opened_on: string;
    }>(
      `SELECT hold_id, kind, opened_on FROM directory_holds
        WHERE tenant_id = $1 AND person_id = $2 AND opened_on IS NOT NULL AND closed_on IS NULL
        ORDER BY opened_on, hold_id`,
      [tenantId, personId],
    );
    return rows.map((row) => ({ holdId: row.hold_id, kind: row.kind, openedOn: row.opened_on }));
  }
}

/**
 * Serialises, for one person, a nomination being created and a hold of that person being opened
 * or closed (a transaction-level advisory lock, released at commit): otherwise a hold opened while
 * the dossier is being created would find no dossier to flag, and the new dossier would not see
 * the hold either.
 */
export async function lockPerson(
  client: PoolClient,
  tenantId: string,
  personId: string,
): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
    `nomination-person:${tenantId}:${personId}`,
  ]);
}
