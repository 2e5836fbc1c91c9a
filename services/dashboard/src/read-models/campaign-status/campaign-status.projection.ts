import { Inject, Injectable } from '@nestjs/common';
import type { CampaignDraftedV1, IntegrationEvent } from '@ttkt/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@ttkt/messaging';
import type { PoolClient } from 'pg';

/**
 * Campaign status rows, one per campaign, each field taken from its owning stream and guarded by
 * that stream's version: a stale or duplicate event changes nothing.
 */
@Injectable()
export class CampaignStatusProjection {
  private readonly schema: string;

  constructor(@Inject(SERVICE_INFRASTRUCTURE) infrastructure: ServiceInfrastructure) {
    this.schema = infrastructure.schema;
  }

  async onCampaignDrafted(
    event: IntegrationEvent<CampaignDraftedV1>,
    client: PoolClient,
  ): Promise<void> {
    const { data } = event;
    await client.query(
      `INSERT INTO "${this.schema}".campaign_status
         (tenant_id, campaign_id, agency_id, title, status, source_version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, campaign_id) DO UPDATE SET
         agency_id = EXCLUDED.agency_id, title = EXCLUDED.title, status = EXCLUDED.status,
         source_version = EXCLUDED.source_version, updated_at = EXCLUDED.updated_at
       WHERE campaign_status.source_version < EXCLUDED.source_version`,
      [
        event.tenantId,
        data.campaignId,
        data.agencyId,
        data.title,
        data.status,
        event.source.streamVersion,
        event.occurredAt,
      ],
    );
  }
}
