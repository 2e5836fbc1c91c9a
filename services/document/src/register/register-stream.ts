import { DomainError } from '@ttkt/contracts';
import { handleCommand, type AppendMetadata, type EventStore } from '@ttkt/event-store';
import { PermanentError } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { registerStreamId, type RegisterEvent } from './register.events';
import { evolveRegister, initialRegisterState, type RegisterState } from './register.state';

/** The register's decider parts, shared by its commands. */
const REGISTER_FOLD = { initialState: initialRegisterState, evolve: evolveRegister };

/**
 * Runs one register command in the consumer's transaction (`client`). Requests for one
 * agency-year all write one stream; they queue on a transaction-scoped advisory lock of that
 * stream first, so they append one after another in the order they took their transaction ids
 * instead of colliding on the stream's version. A collision that still happens (an xid-order
 * conflict cannot be retried inside the transaction) is thrown as `VersionConflict`, and the
 * consumer retries the message in a fresh transaction. A domain error here can never succeed on
 * a retry: it becomes a `PermanentError` (dead letter with its reason, at once).
 */
export async function handleRegisterCommand<Command>(
  store: EventStore,
  client: PoolClient,
  target: { tenantId: string; agencyId: string; year: number },
  decide: (command: Command, state: RegisterState) => RegisterEvent[],
  command: Command,
  metadata: AppendMetadata,
): Promise<RegisterEvent[]> {
  const streamId = registerStreamId(target.agencyId, target.year);
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `ttkt-register:${target.tenantId}:${streamId}`,
  ]);
  try {
    const { events } = await handleCommand<Command, RegisterState, RegisterEvent>(
      store,
      { ...REGISTER_FOLD, decide },
      { tenantId: target.tenantId, streamId },
      command,
      { client, metadata },
    );
    return events;
  } catch (error) {
    if (error instanceof DomainError) {
      throw new PermanentError(
        `register ${streamId}: ${error.code} ${JSON.stringify(error.toPayload())}`,
      );
    }
    throw error;
  }
}

/** Reads a register's stream (no transaction) and folds it. */
export async function loadRegister(
  store: EventStore,
  tenantId: string,
  agencyId: string,
  year: number,
): Promise<RegisterState> {
  const stored = await store.readStream({ tenantId, streamId: registerStreamId(agencyId, year) });
  return stored.reduce(
    (state, event) =>
      evolveRegister(state, { type: event.type, data: event.data } as RegisterEvent),
    initialRegisterState(),
  );
}
