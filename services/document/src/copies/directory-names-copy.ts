import { Injectable } from '@nestjs/common';
import type {
  AgencyRegisteredV1,
  AgencyRenamedV1,
  IntegrationEvent,
  TenantRegisteredV1,
  TenantRenamedV1,
} from '@ttkt/contracts';
import type { PoolClient } from 'pg';
import type { AgencyNames } from '../documents/document-inputs';
import { nameInForce, type NameFrom } from './names-in-force';

/**
 * The document service's copy of the directory's names over time: each tenant's and agency's
 * names with the day each started, and each agency's parent. A document prints those in force on
 * its date (a 2021 plan: Bắc Kạn; a 2026 one: Thái Nguyên). Kept from the directory's events in
 * the inbox's transaction; a rename that overtakes its registration is kept all the same.
 */
@Injectable()
export class DirectoryNamesCopy {
  /** `directory.tenant-registered.v1`: the tenant's first name, since always. */
  async onTenantRegistered(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as TenantRegisteredV1;
    await this.saveTenantName(client, data.tenantId, '', data.name);
  }

  /** `directory.tenant-renamed.v1`: a name from `effectiveFrom`. */
  async onTenantRenamed(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as TenantRenamedV1;
    await this.saveTenantName(client, data.tenantId, data.effectiveFrom, data.name);
  }

  /** `directory.agency-registered.v1`: its parent, code and first name (from `validFrom`). */
  async onAgencyRegistered(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as AgencyRegisteredV1;
    await client.query(
      `INSERT INTO agency_copies (tenant_id, agency_id, parent_agency_id, code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, agency_id) DO UPDATE
         SET parent_agency_id = EXCLUDED.parent_agency_id, code = EXCLUDED.code`,
      [event.tenantId, data.agencyId, data.parentAgencyId ?? null, data.code],
    );
    await this.saveAgencyName(
      client,
      event.tenantId,
      data.agencyId,
      data.validFrom ?? '',
      data.name,
    );
  }

  /** `directory.agency-renamed.v1`: a name from `effectiveFrom`. */
  async onAgencyRenamed(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as AgencyRenamedV1;
    await this.saveAgencyName(client, event.tenantId, data.agencyId, data.effectiveFrom, data.name);
  }

  /**
   * The names in force on `day` (`YYYY-MM-DD`) for an agency's documents: its own, its parent's
   * (null when it has no parent) and its tenant's. Null while the copy lacks the agency, its
   * tenant, or its parent.
   */
  async namesOn(
    client: PoolClient,
    tenantId: string,
    agencyId: string,
    day: string,
  ): Promise<AgencyNames | null> {
    const { rows } = await client.query<{ parent_agency_id: string | null }>(
      `SELECT parent_agency_id FROM agency_copies WHERE tenant_id = $1 AND agency_id = $2`,
      [tenantId, agencyId],
    );
    const agency = rows[0];
    if (!agency) return null;
    const agencyName = nameInForce(await this.agencyNames(client, tenantId, agencyId), day);
    const tenantName = nameInForce(await this.tenantNames(client, tenantId), day);
    const parentName =
      agency.parent_agency_id === null
        ? null
        : nameInForce(await this.agencyNames(client, tenantId, agency.parent_agency_id), day);
    if (agencyName === null || tenantName === null) return null;
    if (agency.parent_agency_id !== null && parentName === null) return null;
    return { agencyName, parentName, tenantName };
  }

  private async saveTenantName(
    client: PoolClient,
    tenantId: string,
    validFrom: string,
    name: string,
  ): Promise<void> {
    await client.query(
      `INSERT INTO tenant_names (tenant_id, valid_from, name) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, valid_from) DO UPDATE SET name = EXCLUDED.name`,
      [tenantId, validFrom, name.normalize('NFC')],
    );
  }

  private async saveAgencyName(
    client: PoolClient,
    tenantId: string,
    agencyId: string,
    validFrom: string,
    name: string,
  ): Promise<void> {
    await client.query(
      `INSERT INTO agency_names (tenant_id, agency_id, valid_from, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, agency_id, valid_from) DO UPDATE SET name = EXCLUDED.name`,
      [tenantId, agencyId, validFrom, name.normalize('NFC')],
    );
  }

  private async tenantNames(client: PoolClient, tenantId: string): Promise<NameFrom[]> {
    const { rows } = await client.query<{ valid_from: string; name: string }>(
      `SELECT valid_from, name FROM tenant_names WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows.map((row) => ({ validFrom: row.valid_from, name: row.name }));
  }

  private async agencyNames(
    client: PoolClient,
    tenantId: string,
    agencyId: string,
  ): Promise<NameFrom[]> {
    const { rows } = await client.query<{ valid_from: string; name: string }>(
      `SELECT valid_from, name FROM agency_names WHERE tenant_id = $1 AND agency_id = $2`,
      [tenantId, agencyId],
    );
    return rows.map((row) => ({ validFrom: row.valid_from, name: row.name }));
  }
}
