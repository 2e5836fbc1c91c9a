import type { UpcasterRegistry } from './upcaster-registry';
import type { StoredEvent, StoredMetadata } from './types';

/**
 * The columns every event read selects, from `events AS e`. 64-bit numbers travel as text so
 * they reach BigInt exactly. The text columns keep their names, so an ORDER BY must qualify
 * (`e.global_position`): an unqualified name would sort by the text output column ("10" < "9").
 */
export const EVENT_COLUMNS = `
  e.tenant_id, e.stream_id, e.stream_position::text AS stream_position,
  e.global_position::text AS global_position, e.transaction_id::text AS transaction_id,
  e.event_id::text AS event_id, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at`;

/** A row as selected by {@link EVENT_COLUMNS}. */
export interface EventRow {
  tenant_id: string;
  stream_id: string;
  stream_position: string;
  global_position: string;
  transaction_id: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: StoredMetadata;
  recorded_at: Date;
}

/** Maps a row to a stored event, upcast to the current version of its type. */
export function toStoredEvent(row: EventRow, upcasters: UpcasterRegistry): StoredEvent {
  const { schemaVersion, data } = upcasters.upcast(row.event_type, row.schema_version, row.data);
  return {
    tenantId: row.tenant_id,
    streamId: row.stream_id,
    streamPosition: Number(row.stream_position),
    globalPosition: BigInt(row.global_position),
    transactionId: BigInt(row.transaction_id),
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion,
    data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}
