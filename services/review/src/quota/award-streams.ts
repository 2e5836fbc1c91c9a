import {
  VersionConflict,
  type AppendMetadata,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type StoredEvent,
} from '@ttkt/event-store';
import type { PoolClient } from 'pg';

/**
 * Plumbing the awards' streams share (ledgers, decisions, proposals, golden books): folding a
 * stream, appending at the version read, serialising the writers of one stream with a
 * transaction-scoped advisory lock, and retrying a whole transaction that lost a race.
 */

/** How a kind of stream folds. */
export interface StreamFold<State, Event> {
  /** The stream id of an entity. */
  streamId(id: string): string;
  initial(): State;
  evolve(state: State, event: Event): State;
}

/** A folded stream and the version it was read at. */
export interface Folded<State> {
  state: State;
  version: number;
}

/** Folds a stream (in `client`'s transaction when given). */
export async function readFolded<State, Event>(
  store: EventStore,
  fold: StreamFold<State, Event>,
  tenantId: string,
  id: string,
  client?: PoolClient,
): Promise<Folded<State>> {
  const stored = await store.readStream(
    { tenantId, streamId: fold.streamId(id) },
    client ? { client } : {},
  );
  return foldStored(fold, stored);
}

/** Folds stored events of one stream. */
export function foldStored<State, Event>(
  fold: StreamFold<State, Event>,
  stored: readonly StoredEvent[],
): Folded<State> {
  let state = fold.initial();
  for (const event of stored)
    state = fold.evolve(state, { type: event.type, data: event.data } as Event);
  return { state, version: stored[stored.length - 1]?.streamPosition ?? 0 };
}

/** Appends events at the version read, in the caller's transaction; null when there are none. */
export async function appendAt<Event extends NewEvent>(
  store: EventStore,
  client: PoolClient,
  tenantId: string,
  streamId: string,
  version: number,
  events: readonly Event[],
  metadata: AppendMetadata,
): Promise<AppendResult | null> {
  if (events.length === 0) return null;
  return store.append({ tenantId, streamId }, version, [...events], metadata, { client });
}

/**
 * Serialises the writers of one stream until the caller's transaction ends
 * (`pg_advisory_xact_lock`). Taken first in a command's transaction (before any write gives it an
 * xid), the stream is then read fresh and appended at that version with no concurrent writer.
 */
export async function lockStream(
  client: PoolClient,
  tenantId: string,
  streamId: string,
): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${tenantId}|${streamId}`]);
}

/** Whole transactions tried after a lost race. */
const ATTEMPTS = 3;

/**
 * Runs `work` in a transaction of its own, tried again (whole, on a fresh transaction) when an
 * append lost a race (`VersionConflict`), up to 3 times in all.
 */
export async function inTransaction<T>(
  store: EventStore,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await store.transaction(work);
    } catch (error) {
      if (!(error instanceof VersionConflict) || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/** The later of two appends (the last event a transaction wrote). */
export function lastOf(...results: readonly (AppendResult | null)[]): AppendResult | null {
  return results.reduce<AppendResult | null>((last, result) => result ?? last, null);
}
