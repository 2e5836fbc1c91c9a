import type { PoolClient } from 'pg';

/** The tenant and stream an event belongs to. Streams are named `<type>-<id>`. */
export interface StreamRef {
  /** The tenant (province or ministry). Part of every key and every predicate. */
  tenantId: string;
  /** `<type>-<id>`, e.g. `campaign-0b6e…`. The type is the part before the first `-`. */
  streamId: string;
}

/** An event to append. `eventId` defaults to a new UUID; pass one to make a retried append harmless. */
export interface NewEvent<TType extends string = string, TData = unknown> {
  type: TType;
  data: TData;
  /** Defaults to the registry's current version of `type` (1 when unknown). */
  schemaVersion?: number;
  eventId?: string;
}

/** Who did it and why, stored with each event of one append. */
export interface AppendMetadata {
  actor?: { kind: 'user' | 'api-key' | 'system'; id: string };
  correlationId?: string;
  causationId?: string;
  idempotencyKey?: string;
  /** W3C trace context, when there is one. */
  traceparent?: string;
}

/** What an event carries beside its data; `occurredAt` comes from the store's injected clock. */
export interface StoredMetadata extends AppendMetadata {
  tenantId: string;
  occurredAt: string;
}

/**
 * The expected version of a stream before an append: a number (the count of events already in it;
 * 0 = the stream must not exist yet), `'no-stream'` (same as 0) or `'any'` (no check).
 */
export type ExpectedVersion = number | 'no-stream' | 'any';

/** A position in one service's log, in the order the log is read: (transactionId, globalPosition). */
export interface LogPosition {
  transactionId: bigint;
  globalPosition: bigint;
}

/** An event as read back (after upcasting to the current schema version). */
export interface StoredEvent<TType extends string = string, TData = unknown> {
  tenantId: string;
  streamId: string;
  /** 1-based version of the stream after this event. */
  streamPosition: number;
  globalPosition: bigint;
  transactionId: bigint;
  eventId: string;
  type: TType;
  schemaVersion: number;
  data: TData;
  metadata: StoredMetadata;
  recordedAt: Date;
}

/** The outcome of an append. */
export interface AppendResult {
  /** The stream's version after the append. */
  nextVersion: number;
  /** The position of the last event appended. */
  lastPosition: LogPosition;
  /** Global positions of the appended events, in order. */
  globalPositions: bigint[];
}

/** A transaction's client, passed by callers that write events and other rows atomically. */
export type Tx = PoolClient;
