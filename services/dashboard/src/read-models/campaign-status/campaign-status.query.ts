import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DomainError,
  GET_CAMPAIGN_STATUS,
  GetCampaignStatusQuery,
  parsePosition,
  type CampaignStatusView,
} from '@ttkt/contracts';
import {
  answer,
  SERVICE_INFRASTRUCTURE,
  validateCommand,
  type ServiceInfrastructure,
} from '@ttkt/messaging';
import { SourcePositions } from '../../received-events/source-positions';

const DEFAULT_WAIT_MS = 5_000;
const MAX_WAIT_MS = 30_000;

/** Answers `GET /campaigns/{id}/status` for the gateway, after waiting for `minPosition`. */
@Controller()
export class CampaignStatusQueryController {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    private readonly positions: SourcePositions,
  ) {}

  @MessagePattern(GET_CAMPAIGN_STATUS)
  async status(@Payload() payload: unknown): Promise<CampaignStatusView> {
    const query = validateCommand(GetCampaignStatusQuery, payload);
    return answer(async () => {
      if (query.minPosition !== undefined) {
        const token = parsePosition(query.minPosition);
        const waitMs = Math.min(Math.max(query.waitMs ?? DEFAULT_WAIT_MS, 0), MAX_WAIT_MS);
        if (!token || !(await this.positions.waitFor(token, waitMs))) {
          throw new DomainError('position-not-reached', { minPosition: query.minPosition });
        }
      }
      const { rows } = await this.infrastructure.pool.query<{
        campaign_id: string;
        agency_id: string;
        title: string;
        status: string;
        source_version: number;
        updated_at: Date;
      }>(
        `SELECT campaign_id, agency_id, title, status, source_version, updated_at
           FROM "${this.infrastructure.schema}".campaign_status WHERE tenant_id = $1 AND campaign_id = $2`,
        [query.tenantId, query.campaignId],
      );
      const row = rows[0];
      if (!row) throw new DomainError('not-found', { campaignId: query.campaignId });
      return {
        campaign: {
          id: row.campaign_id,
          agencyId: row.agency_id,
          title: row.title,
          status: row.status,
          version: row.source_version,
        },
        position: await this.positions.tokens(),
        updatedAt: row.updated_at.toISOString(),
      };
    });
  }
}
