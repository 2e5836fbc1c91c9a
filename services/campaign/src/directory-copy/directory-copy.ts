import { Inject, Injectable } from '@nestjs/common';
import type { IntegrationEvent } from '@ttkt/contracts';
import { PG_POOL } from '@ttkt/messaging';
import type { Pool, PoolClient } from 'pg';
import type { AgencyRegistered, AgencyRenamed, UnitCreated } from '../integration/consumed-events';
import type { DirectoryFacts } from '../campaigns/plan/validate-plan';

/** What the copy knows of an agency. */
export interface AgencyFacts extends DirectoryFacts {
  agencyCode: string | null;
  /** First day the agency exists (`YYYY-MM-DD`), null for since always (or not known). */
  validFrom: string | null;
  /** Last day it exists, null while it exists (or not known). */
  validUntil: string | null;
}

/** How long a command waits for a directory fact the copy does not hold yet. */
export const DIRECTORY_WAIT_MS = 3_000;
const POLL_MS = 50;

/**
 * The campaign service's copy of the directory's facts it needs: each agency's code (for the
 * plan's number) and validity (a plan is issued on a day the agency exists), and its units' codes
 * (to check the units a plan names). Kept from the
 * directory's events, each in the inbox's transaction.
 *
 * The copy may lag the directory by a moment: an agency registered (or a unit created) an
 * instant before a plan names it may not have arrived yet. Refusing then would make a client
 * that did everything in order see a spurious `unknownAgency`/`unknownUnit`, so a command that
 * misses a fact polls the local tables (no transaction held) for at most
 * {@link DIRECTORY_WAIT_MS} before it refuses; a fact that is truly absent costs that wait once.
 */
@Injectable()
export class DirectoryCopy {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Records a registered agency. */
  async onAgencyRegistered(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as AgencyRegistered;
    await client.query(
      `INSERT INTO directory_agencies (tenant_id, agency_id, code, name, valid_from, valid_until)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, agency_id) DO UPDATE SET code = EXCLUDED.code,
         valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until`,
      [
        event.tenantId,
        data.agencyId,
        data.code.normalize('NFC'),
        data.name.normalize('NFC'),
        data.validFrom ?? null,
        data.validUntil ?? null,
      ],
    );
  }

  /** Records an agency's new name (its code stays). */
  async onAgencyRenamed(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as AgencyRenamed;
    await client.query(
      `UPDATE directory_agencies SET name = $3 WHERE tenant_id = $1 AND agency_id = $2`,
      [event.tenantId, data.agencyId, data.name.normalize('NFC')],
    );
  }

  /** Records a created unit. */
  async onUnitCreated(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as UnitCreated;
    await client.query(
      `INSERT INTO directory_units (tenant_id, unit_id, agency_id, code, name) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, unit_id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name`,
      [
        event.tenantId,
        data.unitId,
        data.agencyId,
        data.code.normalize('NFC'),
        data.name.normalize('NFC'),
      ],
    );
  }

  /** The agency's facts as the copy holds them now. */
  async read(tenantId: string, agencyId: string): Promise<AgencyFacts> {
    const agency = await this.pool.query<{
      code: string;
      valid_from: string | null;
      valid_until: string | null;
    }>(
      `SELECT code, valid_from, valid_until FROM directory_agencies
        WHERE tenant_id = $1 AND agency_id = $2`,
      [tenantId, agencyId],
    );
    const units = await this.pool.query<{ code: string }>(
      `SELECT code FROM directory_units WHERE tenant_id = $1 AND agency_id = $2`,
      [tenantId, agencyId],
    );
    const row = agency.rows[0];
    const code = row?.code ?? null;
    return {
      agencyExists: code !== null,
      agencyCode: code,
      validFrom: row?.valid_from ?? null,
      validUntil: row?.valid_until ?? null,
      unitCodes: new Set(units.rows.map((row) => row.code)),
    };
  }

  /**
   * The agency's facts once the copy holds the agency and every unit code in `unitCodes`, or as
   * they are after `waitMs` (default {@link DIRECTORY_WAIT_MS}) — the caller then refuses.
   */
  async await(
    tenantId: string,
    agencyId: string,
    unitCodes: string[] = [],
    waitMs = DIRECTORY_WAIT_MS,
  ): Promise<AgencyFacts> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const facts = await this.read(tenantId, agencyId);
      const complete = facts.agencyExists && unitCodes.every((code) => facts.unitCodes.has(code));
      if (complete || Date.now() >= deadline) return facts;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
