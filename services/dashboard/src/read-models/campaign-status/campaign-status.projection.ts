import { Inject, Injectable } from '@nestjs/common';
import {
  CAMPAIGN_CLOSED_V1,
  CAMPAIGN_DRAFT_UPDATED_V1,
  CAMPAIGN_DRAFTED_V1,
  CAMPAIGN_ISSUE_CANCELLED_V1,
  CAMPAIGN_ISSUE_REFUSED_V1,
  CAMPAIGN_ISSUE_REQUESTED_V1,
  CAMPAIGN_ISSUED_V1,
  type CampaignClosedV1,
  type CampaignDraftedV1,
  type CampaignDraftUpdatedV1,
  type CampaignIssuedV1,
  type IntegrationEvent,
} from '@ttkt/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@ttkt/messaging';
import type { PoolClient } from 'pg';

/** What one campaign event changes in its row; absent fields are left as they are. */
export interface CampaignStatusChange {
  agencyId: string;
  status: 'draft' | 'issuing' | 'issued' | 'closed';
  title?: string;
  planNumber?: string;
  issuedOn?: string;
  closedAt?: string;
}

/**
 * The row change a campaign event makes, or null for an event that changes no status field
 * (`issue-number-released`, `amended`: the dashboard records them, the row stays).
 */
export function campaignStatusChange(event: IntegrationEvent): CampaignStatusChange | null {
  switch (event.type) {
    case CAMPAIGN_DRAFTED_V1: {
      const data = event.data as CampaignDraftedV1;
      return { agencyId: data.agencyId, status: 'draft', title: data.title };
    }
    case CAMPAIGN_DRAFT_UPDATED_V1: {
      const data = event.data as CampaignDraftUpdatedV1;
      return { agencyId: data.agencyId, status: 'draft', title: data.title };
    }
    case CAMPAIGN_ISSUE_REQUESTED_V1:
      return { agencyId: agencyOf(event), status: 'issuing' };
    case CAMPAIGN_ISSUE_REFUSED_V1:
    case CAMPAIGN_ISSUE_CANCELLED_V1:
      return { agencyId: agencyOf(event), status: 'draft' };
    case CAMPAIGN_ISSUED_V1: {
      const data = event.data as CampaignIssuedV1;
      return {
        agencyId: data.agencyId,
        status: 'issued',
        title: data.title,
        planNumber: data.planNumber,
        issuedOn: data.issuedOn,
      };
    }
    case CAMPAIGN_CLOSED_V1: {
      const data = event.data as CampaignClosedV1;
      return { agencyId: data.agencyId, status: 'closed', closedAt: data.closedAt };
    }
    default:
      return null;
  }
}

function agencyOf(event: IntegrationEvent): string {
  return (event.data as { agencyId: string }).agencyId;
}

/** The campaign an event of the campaign stream is about. */
function campaignOf(event: IntegrationEvent): string {
  return (event.data as { campaignId: string }).campaignId;
}

/**
 * Campaign status rows, one per campaign, each field taken from its owning stream and guarded by
 * that stream's version: a stale or duplicate event changes nothing. The status follows the
 * campaign's life (draft → issuing → issued or back to draft → closed); the title follows the
 * events that carry one, under its own version, so events may arrive in any order. The plan's
 * number and date, once issued, never change (an amendment keeps them).
 */
@Injectable()
export class CampaignStatusProjection {
  private readonly schema: string;

  constructor(@Inject(SERVICE_INFRASTRUCTURE) infrastructure: ServiceInfrastructure) {
    this.schema = infrastructure.schema;
  }

  /** Applies one campaign event (any of the campaign's; those that change nothing are skipped). */
  async onCampaignEvent(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const change = campaignStatusChange(event);
    if (change === null) return;
    const version = event.source.streamVersion;
    await client.query(
      `INSERT INTO "${this.schema}".campaign_status AS cs
         (tenant_id, campaign_id, agency_id, title, title_version, status, plan_number, issued_on,
          closed_at, source_version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (tenant_id, campaign_id) DO UPDATE SET
         agency_id = CASE WHEN cs.source_version < EXCLUDED.source_version
                          THEN EXCLUDED.agency_id ELSE cs.agency_id END,
         status = CASE WHEN cs.source_version < EXCLUDED.source_version
                       THEN EXCLUDED.status ELSE cs.status END,
         updated_at = CASE WHEN cs.source_version < EXCLUDED.source_version
                           THEN EXCLUDED.updated_at ELSE cs.updated_at END,
         source_version = GREATEST(cs.source_version, EXCLUDED.source_version),
         title = CASE WHEN EXCLUDED.title IS NOT NULL AND cs.title_version < EXCLUDED.title_version
                      THEN EXCLUDED.title ELSE cs.title END,
         title_version = CASE WHEN EXCLUDED.title IS NOT NULL
                              THEN GREATEST(cs.title_version, EXCLUDED.title_version)
                              ELSE cs.title_version END,
         plan_number = COALESCE(cs.plan_number, EXCLUDED.plan_number),
         issued_on = COALESCE(cs.issued_on, EXCLUDED.issued_on),
         closed_at = COALESCE(cs.closed_at, EXCLUDED.closed_at)`,
      [
        event.tenantId,
        campaignOf(event),
        change.agencyId,
        change.title ?? null,
        change.title === undefined ? 0 : version,
        change.status,
        change.planNumber ?? null,
        change.issuedOn ?? null,
        change.closedAt ?? null,
        version,
        event.occurredAt,
      ],
    );
  }
}
