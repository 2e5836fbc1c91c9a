import { Inject, Injectable } from '@nestjs/common';
import type { ProposalView } from '@ttkt/contracts';
import type { AppendMetadata, AppendResult, EventStore, StoredEvent } from '@ttkt/event-store';
import { EVENT_STORE, PG_POOL } from '@ttkt/messaging';
import type { Pool, PoolClient } from 'pg';
import { AwardReadTable } from '../quota/award-reads';
import { appendAt, readFolded, type Folded, type StreamFold } from '../quota/award-streams';
import { proposalStreamId, type ProposalEvent } from './proposal.events';
import {
  evolveProposal,
  foldProposal,
  initialProposalState,
  toProposalView,
  type ProposalState,
} from './proposal.state';

const FOLD: StreamFold<ProposalState, ProposalEvent> = {
  streamId: proposalStreamId,
  initial: initialProposalState,
  evolve: evolveProposal,
};

/** The proposals' read table (`review_proposals`). */
@Injectable()
export class ProposalReads extends AwardReadTable<ProposalView> {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super(pool, 'review_proposals');
  }
}

/**
 * The proposals' streams (`proposal-<id>`): folded on read, appended at the version read in the
 * caller's transaction together with the proposal's row of `review_proposals`.
 */
@Injectable()
export class ProposalStreams {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reads: ProposalReads,
  ) {}

  /** The proposal folded (in `client`'s transaction when given). */
  read(tenantId: string, proposalId: string, client?: PoolClient): Promise<Folded<ProposalState>> {
    return readFolded(this.store, FOLD, tenantId, proposalId, client);
  }

  /** Appends at the version read and writes the proposal's row; null when there is nothing to append. */
  async append(
    client: PoolClient,
    tenantId: string,
    before: Folded<ProposalState>,
    proposalId: string,
    events: readonly ProposalEvent[],
    metadata: AppendMetadata,
  ): Promise<{ state: ProposalState; result: AppendResult | null }> {
    const result = await appendAt(
      this.store,
      client,
      tenantId,
      proposalStreamId(proposalId),
      before.version,
      events,
      metadata,
    );
    const state = foldProposal(events, before.state);
    if (result !== null && state.status !== 'none') {
      await this.reads.save(client, tenantId, toProposalView(state));
    }
    return { state, result };
  }

  /** The stream's events after `fromVersion` (polled while a command waits for the number). */
  eventsAfter(tenantId: string, proposalId: string, fromVersion: number): Promise<StoredEvent[]> {
    return this.store.readStream(
      { tenantId, streamId: proposalStreamId(proposalId) },
      { fromVersion },
    );
  }
}
