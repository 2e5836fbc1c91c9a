import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type CommandContext } from '@ttkt/contracts';
import {
  handleCommand,
  VersionConflict,
  type AppendMetadata,
  type DecidedEvent,
  type EventStore,
  type StreamRef,
} from '@ttkt/event-store';
import { EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';

/** One command's write: facts read in the transaction, the decision, the read tables kept. */
export interface StreamWrite<State, Event extends DecidedEvent, Facts> {
  context: CommandContext | null;
  ref: StreamRef;
  stream: { initialState: () => State; evolve: (state: State, event: Event) => State };
  /** Facts of other streams, read from the read tables in the write's transaction. */
  facts: (client: PoolClient) => Promise<Facts>;
  /** The pure decision. */
  decide: (state: State, facts: Facts) => Event[];
  /** Keeps the read tables in step with the stream, in the same transaction. */
  save: (client: PoolClient, state: State) => Promise<void>;
}

/** What a write left: the state, the events appended and the last event's token. */
export interface Written<State, Event> {
  state: State;
  events: Event[];
  /** The token of the stream's last event (the one just written, else the last stored). */
  position: string;
}

/** Constraint (index) names of the read tables → the request path whose value is taken. */
const UNIQUE_PATHS: Record<string, string> = {
  tenants_code_unique: 'code',
  units_code_unique: 'code',
  agencies_successor_unique: 'predecessorAgencyId',
  people_code_unique: 'code',
  usernames_pkey: 'username',
};

const MAX_ATTEMPTS = 3;

/**
 * Appends a command's events and updates the directory's read tables in one transaction, so a
 * query never sees a fact the log does not hold (or the reverse), and a uniqueness rule held by a
 * read table (a username, a unit code) refuses the command together with its events. A lost
 * race with another writer retries the whole transaction.
 */
@Injectable()
export class StreamWriter {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async write<State, Event extends DecidedEvent, Facts>(
    command: StreamWrite<State, Event, Facts>,
  ): Promise<Written<State, Event>> {
    return this.transaction((client) => this.writeIn(client, command));
  }

  /**
   * Runs `work` in a transaction (several streams may be written in it with {@link writeIn}),
   * retried whole when it lost a race; a taken unique value becomes `invalid-state`.
   */
  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.store.transaction(work);
      } catch (error) {
        if (error instanceof VersionConflict && attempt < MAX_ATTEMPTS) continue;
        throw uniqueViolationAsDomainError(error);
      }
    }
  }

  /** One stream's write inside the caller's {@link transaction}. */
  async writeIn<State, Event extends DecidedEvent, Facts>(
    client: PoolClient,
    command: StreamWrite<State, Event, Facts>,
  ): Promise<Written<State, Event>> {
    const facts = await command.facts(client);
    const outcome = await handleCommand<null, State, Event>(
      this.store,
      {
        initialState: command.stream.initialState,
        evolve: command.stream.evolve,
        decide: (_none, state) => command.decide(state, facts),
      },
      command.ref,
      null,
      { client, metadata: metadataOf(command.context) },
    );
    if (outcome.result !== null) {
      await command.save(client, outcome.state);
      return {
        state: outcome.state,
        events: outcome.events,
        position: this.store.toToken(outcome.result.lastPosition),
      };
    }
    const stored = await this.store.readStream(command.ref, { client });
    const last = stored[stored.length - 1];
    return {
      state: outcome.state,
      events: [],
      position: last ? this.store.toToken(last) : '',
    };
  }
}

/** The stored metadata of a command sent with `context` (none: the platform itself). */
export function metadataOf(context: CommandContext | null): AppendMetadata {
  if (context === null) return { actor: { kind: 'system', id: 'directory' } };
  return {
    actor: { kind: context.actor.kind, id: context.actor.id },
    correlationId: context.correlationId,
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
  };
}

/** A unique index of a read table refused the row: the value is taken (`invalid-state`). */
function uniqueViolationAsDomainError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code !== '23505' || typeof constraint !== 'string') return error;
  const path = UNIQUE_PATHS[constraint];
  if (path === undefined) return error;
  return new DomainError('invalid-state', { reason: 'already-taken', field: path }, [
    { path, message: 'alreadyTaken' },
  ]);
}
