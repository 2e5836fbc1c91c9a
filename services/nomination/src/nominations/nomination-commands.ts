import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, CommandResult, NominationView } from '@ttkt/contracts';
import {
  handleCommand,
  VersionConflict,
  type AppendMetadata,
  type AppendResult,
  type EventStore,
  type StreamRef,
} from '@ttkt/event-store';
import { EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { NominationReadRepository } from '../read-model/nomination-read.repository';
import { withDossierContext, type StoredNominationEvent } from './dossier-context';
import {
  nominationStreamId,
  type NominationActor,
  type NominationEvent,
} from './nomination.events';
import {
  evolveNomination,
  initialNominationState,
  type ExistingNomination,
  type NominationState,
} from './nomination.state';
import { toNominationView } from './nomination.view';

/** What a run produced. */
export interface NominationRun {
  events: StoredNominationEvent[];
  state: NominationState;
  result: AppendResult | null;
}

/** One command on one dossier: facts loaded in the transaction, then the pure decision. */
export interface NominationWrite<Facts> {
  /** Facts of other services, read in the write's transaction once the dossier is loaded. */
  facts?: (client: PoolClient, state: NominationState) => Promise<Facts>;
  decide: (state: NominationState, facts: Facts) => NominationEvent[];
  metadata: AppendMetadata;
  /** Run inside the caller's transaction (a consumer's inbox); otherwise a new one. */
  client?: PoolClient;
}

/** Whole transactions retried after a lost race that could not be re-decided inside one. */
const MAX_ATTEMPTS = 3;

/** The metadata of a command sent over RPC. */
export function metadataOf(context: CommandContext): AppendMetadata {
  return {
    actor: { kind: context.actor.kind, id: context.actor.id },
    correlationId: context.correlationId,
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
  };
}

/** The actor the deciders record in each event. */
export function actorOf(metadata: AppendMetadata): NominationActor | null {
  return metadata.actor ? { kind: metadata.actor.kind, id: metadata.actor.id } : null;
}

/**
 * Runs a dossier decider: load the stream, load the facts, decide, append, and write the
 * dossier's row of the read table — all in one transaction. A concurrent writer of the same
 * dossier makes the append fail with `VersionConflict`; the command is then re-decided against
 * the fresh stream (so of two concurrent submits one appends and the other is refused
 * `invalid-state`). A second live dossier of a nominee is refused by the read table's unique
 * index (`duplicate-nomination`) together with its events.
 */
@Injectable()
export class NominationCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reads: NominationReadRepository,
  ) {}

  /** Decides and appends (in `write.client`'s transaction, or a new one retried on a lost race). */
  async run<Facts>(
    tenantId: string,
    nominationId: string,
    write: NominationWrite<Facts>,
  ): Promise<NominationRun> {
    const ref: StreamRef = { tenantId, streamId: nominationStreamId(nominationId) };
    if (write.client) return this.runIn(write.client, ref, write);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.store.transaction((client) => this.runIn(client, ref, write));
      } catch (error) {
        if (error instanceof VersionConflict && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /** Runs a command sent over RPC and answers with the dossier's view. */
  async answer<Facts>(
    context: CommandContext,
    nominationId: string,
    write: Omit<NominationWrite<Facts>, 'metadata' | 'client'>,
  ): Promise<CommandResult<NominationView>> {
    const { state, result } = await this.run(context.tenantId, nominationId, {
      ...write,
      metadata: metadataOf(context),
    });
    if (state.status === 'none')
      throw new Error('a dossier command must leave the dossier existing');
    if (result !== null) {
      return {
        body: toNominationView(state),
        version: result.nextVersion,
        position: this.store.toToken(result.lastPosition),
      };
    }
    // Nothing new (a retried command): the dossier as it stands, at its last event.
    const stored = await this.store.readStream({
      tenantId: context.tenantId,
      streamId: nominationStreamId(nominationId),
    });
    const last = stored[stored.length - 1];
    return {
      body: toNominationView(state),
      version: state.version,
      position: last ? this.store.toToken(last) : '',
    };
  }

  private async runIn<Facts>(
    client: PoolClient,
    ref: StreamRef,
    write: NominationWrite<Facts>,
  ): Promise<NominationRun> {
    const facts = write.facts
      ? await write.facts(client, await this.current(client, ref))
      : (undefined as Facts);
    const outcome = await handleCommand<null, NominationState, StoredNominationEvent>(
      this.store,
      {
        initialState: initialNominationState,
        evolve: evolveNomination,
        decide: (_none, state) => withDossierContext(state, write.decide(state, facts)),
      },
      ref,
      null,
      { client, metadata: write.metadata },
    );
    if (outcome.result !== null && outcome.state.status !== 'none') {
      await this.save(client, ref.tenantId, outcome.state);
    }
    return outcome;
  }

  private async current(client: PoolClient, ref: StreamRef): Promise<NominationState> {
    const stored = await this.store.readStream(ref, { client });
    return stored.reduce(
      (state, event) =>
        evolveNomination(state, { type: event.type, data: event.data } as NominationEvent),
      initialNominationState(),
    );
  }

  private save(client: PoolClient, tenantId: string, state: ExistingNomination): Promise<void> {
    return this.reads.save(client, tenantId, toNominationView(state), state.draftedAt);
  }
}
