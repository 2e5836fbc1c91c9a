import type { NumberedCommandResult } from '@ttkt/contracts';
import type { AppendResult, EventStore, StoredEvent } from '@ttkt/event-store';
import { pollFor, positionOf } from './award-rpc';

/** A kind of award numbered through the register (a decision, a proposal), as its answer is awaited. */
export interface NumberedAward<Event, Entity extends { version: number }, View> {
  /** The event that issues it with its number, and the one that fails it on a refusal. */
  issued: string;
  failed: string;
  /** Its stream's stored events after `fromVersion`. */
  eventsAfter(tenantId: string, id: string, fromVersion: number): Promise<StoredEvent[]>;
  fold(events: readonly Event[]): { status: 'none' } | Entity;
  view(entity: Entity): View;
}

/**
 * Waits up to `waitMs` for the register's answer to `requestId`, holding no transaction:
 * `issued` or `refused` once the stream holds it, else `pending` with what the request appended.
 */
export async function awaitNumber<Event, Entity extends { version: number }, View>(
  store: EventStore,
  award: NumberedAward<Event, Entity, View>,
  request: { tenantId: string; id: string; requestId: string; waitMs: number },
  requested: { state: Entity; result: AppendResult },
): Promise<NumberedCommandResult<View>> {
  const { result } = requested;
  const answered = await pollFor(request.waitMs, () =>
    answerTo(store, award, request, result.nextVersion),
  );
  return (
    answered ?? {
      outcome: 'pending',
      body: award.view(requested.state),
      version: result.nextVersion,
      position: store.toToken(result.lastPosition),
    }
  );
}

/** The register's answer to the request, once the award's stream holds it. */
async function answerTo<Event, Entity extends { version: number }, View>(
  store: EventStore,
  award: NumberedAward<Event, Entity, View>,
  { tenantId, id, requestId }: { tenantId: string; id: string; requestId: string },
  fromVersion: number,
): Promise<NumberedCommandResult<View> | undefined> {
  const after = await award.eventsAfter(tenantId, id, fromVersion);
  const found = after.find(
    (stored) =>
      (stored.type === award.issued || stored.type === award.failed) &&
      (stored.data as { requestId?: unknown }).requestId === requestId,
  );
  if (!found) return undefined;
  const all = await award.eventsAfter(tenantId, id, 0);
  const state = award.fold(
    all.map((stored) => ({ type: stored.type, data: stored.data }) as Event),
  );
  if ((state as { status: string }).status === 'none') return undefined;
  const entity = state as Entity;
  return {
    outcome: found.type === award.issued ? 'issued' : 'refused',
    body: award.view(entity),
    version: entity.version,
    position: store.toToken(positionOf(found)),
  };
}
