import { Inject, Injectable } from '@nestjs/common';
import {
  comparePositions,
  parsePosition,
  type IntegrationEvent,
  type ParsedPosition,
} from '@ttkt/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@ttkt/messaging';
import type { PoolClient } from 'pg';

/**
 * Keeps every integration event the dashboard received (so any read model can be rebuilt from
 * scratch), with its position and the position of the event its source published before it
 * (`source.previousPosition`): the links `SourcePositions` follows to tell how far each source's
 * events have all been received. Runs inside the consumer's transaction, beside the projection's
 * write, and only inserts the event's own row: handlers never wait for one another here.
 */
@Injectable()
export class ReceivedEventsRecorder {
  private readonly schema: string;

  constructor(@Inject(SERVICE_INFRASTRUCTURE) infrastructure: ServiceInfrastructure) {
    this.schema = infrastructure.schema;
  }

  async record(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const { source } = event;
    const position = parsePosition(source.position);
    if (!position || position.service !== source.service) {
      throw new Error(`event ${event.id} carries no position of ${source.service}`);
    }
    const previous = previousOf(event, position);
    await client.query(
      `INSERT INTO "${this.schema}".received_events
         (message_id, type, tenant_id, source_service, source_stream, source_version,
          position_xid, position_gp, previous_xid, previous_gp, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (message_id) DO NOTHING`,
      [
        event.id,
        event.type,
        event.tenantId,
        source.service,
        source.streamId,
        source.streamVersion,
        position.transactionId.toString(),
        position.globalPosition.toString(),
        previous?.transactionId.toString() ?? null,
        previous?.globalPosition.toString() ?? null,
        JSON.stringify(event),
      ],
    );
  }
}

/** The event's link to its source's previous published event; undefined for the first one. */
function previousOf(event: IntegrationEvent, position: ParsedPosition): ParsedPosition | undefined {
  const token = event.source.previousPosition;
  if (token === undefined) return undefined;
  const previous = parsePosition(token);
  if (!previous || previous.service !== position.service) {
    throw new Error(
      `event ${event.id} links to ${token}, not a position of ${event.source.service}`,
    );
  }
  if (comparePositions(previous, position) >= 0) {
    throw new Error(
      `event ${event.id} at ${event.source.position} links to ${token}, which is not before it`,
    );
  }
  return previous;
}
