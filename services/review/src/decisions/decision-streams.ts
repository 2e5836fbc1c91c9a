import { Inject, Injectable } from '@nestjs/common';
import type { DecisionView } from '@ttkt/contracts';
import type { AppendMetadata, AppendResult, EventStore, StoredEvent } from '@ttkt/event-store';
import { EVENT_STORE, PG_POOL } from '@ttkt/messaging';
import type { Pool, PoolClient } from 'pg';
import { AwardReadTable } from '../quota/award-reads';
import { appendAt, readFolded, type Folded, type StreamFold } from '../quota/award-streams';
import { decisionStreamId, type DecisionEvent } from './decision.events';
import {
  evolveDecision,
  foldDecision,
  initialDecisionState,
  toDecisionView,
  type DecisionState,
} from './decision.state';

const FOLD: StreamFold<DecisionState, DecisionEvent> = {
  streamId: decisionStreamId,
  initial: initialDecisionState,
  evolve: evolveDecision,
};

/** The decisions' read table (`review_decisions`). */
@Injectable()
export class DecisionReads extends AwardReadTable<DecisionView> {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super(pool, 'review_decisions');
  }
}

/**
 * The decisions' streams (`decision-<id>`): folded on read, appended at the version read in the
 * caller's transaction together with the decision's row of `review_decisions`.
 */
@Injectable()
export class DecisionStreams {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reads: DecisionReads,
  ) {}

  /** The decision folded (in `client`'s transaction when given). */
  read(tenantId: string, decisionId: string, client?: PoolClient): Promise<Folded<DecisionState>> {
    return readFolded(this.store, FOLD, tenantId, decisionId, client);
  }

  /** Appends at `version` and writes the decision's row; null when there is nothing to append. */
  async append(
    client: PoolClient,
    tenantId: string,
    before: Folded<DecisionState>,
    decisionId: string,
    events: readonly DecisionEvent[],
    metadata: AppendMetadata,
  ): Promise<{ state: DecisionState; result: AppendResult | null }> {
    const result = await appendAt(
      this.store,
      client,
      tenantId,
      decisionStreamId(decisionId),
      before.version,
      events,
      metadata,
    );
    const state = foldDecision(events, before.state);
    if (result !== null && state.status !== 'none') {
      await this.reads.save(client, tenantId, toDecisionView(state));
    }
    return { state, result };
  }

  /** The stream's events after `fromVersion` (polled while a command waits for the number). */
  eventsAfter(tenantId: string, decisionId: string, fromVersion: number): Promise<StoredEvent[]> {
    return this.store.readStream(
      { tenantId, streamId: decisionStreamId(decisionId) },
      { fromVersion },
    );
  }
}
