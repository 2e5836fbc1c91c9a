import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DomainError,
  GET_CAMPAIGN_STATUS,
  GetCampaignStatusQuery,
  parsePosition,
  type CampaignStatusView,
  type ParsedPosition,
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
/** Positions are xid8 (unsigned 64 bits) and bigint: a token beyond them names no position. */
const MAX_XID = 2n ** 64n - 1n;
const MAX_GLOBAL_POSITION = 2n ** 63n - 1n;

/** The position `minPosition` names; a token that names none is `validation-failed`, never 503. */
function minPositionOf(minPosition: string): ParsedPosition {
  const token = parsePosition(minPosition);
  if (!token || token.transactionId > MAX_XID || token.globalPosition > MAX_GLOBAL_POSITION) {
    throw new DomainError('validation-failed', {}, [{ path: 'minPosition', message: 'matches' }]);
  }
  return token;
}

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
        const token = minPositionOf(query.minPosition);
        // validateCommand bounds waitMs already; the clamp keeps the wait bounded regardless.
        const waitMs = Math.min(Math.max(query.waitMs ?? DEFAULT_WAIT_MS, 0), MAX_WAIT_MS);
        if (!(await this.positions.waitFor(token, waitMs))) {
          throw new DomainError('position-not-reached', { minPosition: query.minPosition });
        }
      }
      const { rows } = await this.infrastructure.pool.query<{
        campaign_id: string;
        agency_id: string;
        title: string | null;
        status: string;
        source_version: number;
        plan_number: string | null;
        issued_on: string | null;
        updated_at: Date;
      }>(
        `SELECT campaign_id, agency_id, title, status, source_version, plan_number, issued_on,
                updated_at
           FROM "${this.infrastructure.schema}".campaign_status WHERE tenant_id = $1 AND campaign_id = $2`,
        [query.tenantId, query.campaignId],
      );
      const row = rows[0];
      if (!row) throw new DomainError('not-found', { campaignId: query.campaignId });
      // planNumber and issuedOn (null until issued) go beyond CampaignStatusView's fields so far.
      const campaign = {
        id: row.campaign_id,
        agencyId: row.agency_id,
        title: row.title ?? '',
        status: row.status,
        version: row.source_version,
        planNumber: row.plan_number,
        issuedOn: row.issued_on,
      };
      return {
        campaign,
        position: await this.positions.tokens(),
        updatedAt: row.updated_at.toISOString(),
      };
    });
  }
}
