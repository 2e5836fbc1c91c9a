import { Inject, Injectable } from '@nestjs/common';
import {
  handleCommand,
  type AppendMetadata,
  type AppendResult,
  type EventStore,
  type StoredEvent,
  type StreamRef,
} from '@ttkt/event-store';
import { EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { saveDossierRow } from './dossier-reads';
import { dossierStreamId, type DossierEvent } from './dossier.events';
import {
  evolveDossier,
  foldDossier,
  initialDossierState,
  type DossierState,
} from './dossier.state';

/** What a run on a dossier stream produced. */
export interface DossierRun {
  /** The dossier after the run. */
  state: DossierState;
  /** The append's result; null when the decider recorded nothing. */
  result: AppendResult | null;
  /** The events appended (empty when none). */
  events: DossierEvent[];
}

/** Options of {@link DossierStreams.run}. */
export interface DossierRunOptions {
  /** The caller's transaction: the run reads, appends and writes the read row in it. */
  client: PoolClient;
  /** Stored with the events. */
  metadata: AppendMetadata;
}

/**
 * The dossiers' review streams (`review-<nominationId>`): every writer — accept and return, the
 * intake of nomination's events, a session's close, decisions, proposals, the campaign's close —
 * goes through {@link DossierStreams.run}, which folds the stream, decides, appends and writes the
 * dossier's row of `review_dossiers`, all in the caller's transaction.
 */
@Injectable()
export class DossierStreams {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * Decides against the dossier's state and appends, in `opts.client`'s transaction. A concurrent
   * writer of the same dossier makes the append fail with `VersionConflict`; the decision is then
   * taken again on the fresh stream (or the conflict is rethrown: the caller retries its whole
   * transaction).
   */
  async run(
    tenantId: string,
    nominationId: string,
    decide: (state: DossierState) => DossierEvent[],
    opts: DossierRunOptions,
  ): Promise<DossierRun> {
    const ref = this.ref(tenantId, nominationId);
    const outcome = await handleCommand<null, DossierState, DossierEvent>(
      this.store,
      {
        initialState: initialDossierState,
        evolve: evolveDossier,
        decide: (_none, state) => decide(state),
      },
      ref,
      null,
      { client: opts.client, metadata: opts.metadata },
    );
    if (outcome.result !== null && outcome.state.status !== 'none') {
      await saveDossierRow(opts.client, tenantId, outcome.state);
    }
    return { state: outcome.state, result: outcome.result, events: outcome.events };
  }

  /** The dossier's state folded from its stream (in `client`'s transaction when given). */
  async read(tenantId: string, nominationId: string, client?: PoolClient): Promise<DossierState> {
    const stored = await this.stored(tenantId, nominationId, client);
    return foldDossier(
      stored.map((event) => ({ type: event.type, data: event.data }) as DossierEvent),
    );
  }

  /** The dossier stream's stored events, oldest first (for the history, and an answer's position). */
  stored(tenantId: string, nominationId: string, client?: PoolClient): Promise<StoredEvent[]> {
    return this.store.readStream(this.ref(tenantId, nominationId), client ? { client } : {});
  }

  private ref(tenantId: string, nominationId: string): StreamRef {
    return { tenantId, streamId: dossierStreamId(nominationId) };
  }
}
