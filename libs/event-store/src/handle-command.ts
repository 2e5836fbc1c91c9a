import type { PoolClient } from 'pg';
import type { DecidedEvent, Decider } from './decider';
import type { EventStore } from './event-store';
import type { AppendMetadata, AppendResult, StreamRef } from './types';
import { VersionConflict } from './version-conflict.error';

/**
 * What {@link handleCommand} needs of a store: reading a stream and appending to it. An
 * `EventStore` is one; tests and decorators (tracing, metrics) can supply their own.
 */
export type CommandStore = Pick<EventStore, 'readStream' | 'append'>;

/** Options of {@link handleCommand}. */
export interface HandleCommandOptions {
  /** Stored with every event appended. */
  metadata?: AppendMetadata;
  /** Attempts in total, the first included (default 3). */
  maxAttempts?: number;
  /** Run inside the caller's transaction (reads and the append); the caller commits. */
  client?: PoolClient;
  /**
   * Upper bound of the random pause before a retry, multiplied by the attempt number (default
   * 10 ms). Spreads writers that collided so they do not collide again in lockstep.
   */
  retryJitterMs?: number;
}

/** What a handled command produced. */
export interface HandledCommand<State, Event> {
  /** The events appended (empty when the command changed nothing). */
  events: Event[];
  /** The stream's state after those events. */
  state: State;
  /** The append's result; null when `decide` returned no events and nothing was written. */
  result: AppendResult | null;
}

/**
 * Load → fold → decide → append at the version read. A concurrent writer makes the append fail
 * with `VersionConflict`; the command is then re-decided against the fresh state, because the
 * other writer may have changed what the command should do (or whether it is allowed at all).
 * After `maxAttempts` the conflict is rethrown. Domain errors from `decide` pass through at once.
 *
 * Stored events are handed to `evolve` as `{ type, data }` after upcasting; the stream is trusted
 * to hold only events of `Event`'s union (the store has one writer per stream type).
 */
export async function handleCommand<Command, State, Event extends DecidedEvent>(
  store: CommandStore,
  decider: Decider<Command, State, Event>,
  ref: StreamRef,
  command: Command,
  options: HandleCommandOptions = {},
): Promise<HandledCommand<State, Event>> {
  const maxAttempts = options.maxAttempts ?? 3;
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  for (let attempt = 1; ; attempt += 1) {
    const stored = await store.readStream(ref, options.client ? { client: options.client } : {});
    let state = decider.initialState();
    for (const event of stored)
      state = decider.evolve(state, { type: event.type, data: event.data } as Event);
    const version = stored[stored.length - 1]?.streamPosition ?? 0;

    const events = decider.decide(command, state);
    if (events.length === 0) return { events, state, result: null };
    try {
      const result = await store.append(
        ref,
        version,
        events,
        options.metadata ?? {},
        options.client ? { client: options.client } : {},
      );
      const after = events.reduce((current, event) => decider.evolve(current, event), state);
      return { events, state: after, result };
    } catch (error) {
      // Inside a caller's transaction the xid cannot change, so an xid-order conflict would
      // only repeat; the caller has to retry the whole transaction.
      const futile =
        options.client !== undefined &&
        error instanceof VersionConflict &&
        error.reason === 'xid-order';
      if (!(error instanceof VersionConflict) || attempt >= maxAttempts || futile) throw error;
      await pause(Math.random() * (options.retryJitterMs ?? 10) * attempt);
    }
  }
}

function pause(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
