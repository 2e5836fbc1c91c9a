import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, CommandResult, CouncilSessionView } from '@ttkt/contracts';
import {
  VersionConflict,
  type AppendMetadata,
  type EventStore,
  type StreamRef,
} from '@ttkt/event-store';
import { EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { metadataOf } from '../council/command-context';
import { sessionStreamId, type SessionEvent } from './session.events';
import { SessionReads } from './session-reads';
import {
  evolveSession,
  foldSession,
  type CouncilSession,
  type SessionState,
} from './session.state';
import { toSessionView } from './session.view';

/** One command on one session. */
export interface SessionWrite {
  /** Loads what the decision needs in the transaction (under the session's lock), then decides. */
  decide: (state: SessionState, client: PoolClient) => Promise<SessionEvent[]>;
  /**
   * What else the events change, in the same transaction after their append: a secret ballot's
   * counter, the dossiers' outcomes at closing.
   */
  apply?: (
    client: PoolClient,
    events: SessionEvent[],
    after: CouncilSession,
    metadata: AppendMetadata,
  ) => Promise<void>;
}

/** Whole transactions retried after a lost race on a stream the session's lock does not cover. */
const MAX_ATTEMPTS = 3;

/**
 * Runs a session command in one transaction: the session's advisory lock (every writer of the
 * session waits its turn, so two ballots of one member cannot both pass the check), the stream
 * folded, the facts loaded and the decision taken, the append, its effects (counters, dossier
 * outcomes) and the session's row of `review_sessions`. A lost race on another stream (a dossier
 * written meanwhile) rolls it all back and runs it again.
 */
@Injectable()
export class SessionCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reads: SessionReads,
  ) {}

  /** Runs the command and answers with the session's view. */
  async run(
    context: CommandContext,
    sessionId: string,
    write: SessionWrite,
  ): Promise<CommandResult<CouncilSessionView>> {
    const ref: StreamRef = { tenantId: context.tenantId, streamId: sessionStreamId(sessionId) };
    const metadata = metadataOf(context);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.store.transaction((client) => this.runIn(client, ref, write, metadata));
      } catch (error) {
        if (error instanceof VersionConflict && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  private async runIn(
    client: PoolClient,
    ref: StreamRef,
    write: SessionWrite,
    metadata: AppendMetadata,
  ): Promise<CommandResult<CouncilSessionView>> {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `${ref.tenantId}:${ref.streamId}`,
    ]);
    const stored = await this.store.readStream(ref, { client });
    const state = foldSession(
      stored.map((event) => ({ type: event.type, data: event.data }) as SessionEvent),
    );
    const events = await write.decide(state, client);
    if (events.length === 0) {
      if (state.status === 'none') throw new Error('a session command must leave it existing');
      const last = stored[stored.length - 1];
      return {
        body: toSessionView(state),
        version: state.version,
        position: last ? this.store.toToken(last) : '',
      };
    }
    const result = await this.store.append(ref, state.version, events, metadata, { client });
    const after = events.reduce(evolveSession, state);
    if (after.status === 'none') throw new Error('a session command must leave it existing');
    await write.apply?.(client, events, after, metadata);
    await this.reads.save(client, ref.tenantId, after);
    return {
      body: toSessionView(after),
      version: result.nextVersion,
      position: this.store.toToken(result.lastPosition),
    };
  }
}
