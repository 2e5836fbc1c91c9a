import { Inject, Injectable } from '@nestjs/common';
import { parsePosition, type IntegrationEvent } from '@ttkt/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@ttkt/messaging';
import type { PoolClient } from 'pg';

/**
 * Keeps every integration event the dashboard received (so any read model can be rebuilt from
 * scratch) and, per source service, the furthest log position received, which `minPosition`
 * reads wait on. Runs inside the consumer's transaction, beside the projection's write.
 */
@Injectable()
export class ReceivedEventsRecorder {
  private readonly schema: string;

  constructor(@Inject(SERVICE_INFRASTRUCTURE) infrastructure: ServiceInfrastructure) {
    this.schema = infrastructure.schema;
  }

  async record(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const position = parsePosition(event.source.position);
    if (!position || position.service !== event.source.service) {
      throw new Error(`event ${event.id} carries no position of ${event.source.service}`);
    }
    const xid = position.transactionId.toString();
    const gp = position.globalPosition.toString();
    await client.query(
      `INSERT INTO "${this.schema}".received_events
         (message_id, type, tenant_id, source_service, source_stream, source_version, position_xid, position_gp, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (message_id) DO NOTHING`,
      [
        event.id,
        event.type,
        event.tenantId,
        event.source.service,
        event.source.streamId,
        event.source.streamVersion,
        xid,
        gp,
        JSON.stringify(event),
      ],
    );
    await client.query(
      `INSERT INTO "${this.schema}".source_positions (service, position_xid, position_gp)
       VALUES ($1, $2, $3)
       ON CONFLICT (service) DO UPDATE SET position_xid = EXCLUDED.position_xid, position_gp = EXCLUDED.position_gp, updated_at = now()
       WHERE (source_positions.position_xid, source_positions.position_gp) < (EXCLUDED.position_xid, EXCLUDED.position_gp)`,
      [event.source.service, xid, gp],
    );
  }
}
