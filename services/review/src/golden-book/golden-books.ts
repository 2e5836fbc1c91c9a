import { Inject, Injectable } from '@nestjs/common';
import type { AppendMetadata, EventStore } from '@ttkt/event-store';
import { EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { appendAt, lockStream, readFolded, type StreamFold } from '../quota/award-streams';
import { decideGoldenBookNumbers } from './golden-book.decide';
import {
  goldenBookStreamId,
  type GoldenBookEntry,
  type GoldenBookEvent,
} from './golden-book.events';
import {
  evolveGoldenBook,
  foldGoldenBook,
  initialGoldenBookState,
  type GoldenBookState,
} from './golden-book.state';

const FOLD: StreamFold<GoldenBookState, GoldenBookEvent> = {
  streamId: goldenBookStreamId,
  initial: initialGoldenBookState,
  evolve: evolveGoldenBook,
};

/**
 * The agencies' golden books (`goldenbook-<agencyId>`): numbers are given under the book's
 * transaction-scoped advisory lock, so two decisions of one agency numbered at once (two
 * consumers, two instances) never get the same number.
 */
@Injectable()
export class GoldenBooks {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * The decision's awardees' numbers, given now (after the last one of the agency) unless the
   * decision has them already; in the caller's transaction.
   */
  async assign(
    client: PoolClient,
    tenantId: string,
    agencyId: string,
    decisionId: string,
    nominationIds: readonly string[],
    now: Date,
    metadata: AppendMetadata,
  ): Promise<GoldenBookEntry[]> {
    await lockStream(client, tenantId, goldenBookStreamId(agencyId));
    const book = await readFolded(this.store, FOLD, tenantId, agencyId, client);
    const events = decideGoldenBookNumbers(
      {
        type: 'AssignGoldenBookNumbers',
        agencyId,
        decisionId,
        nominationIds: [...nominationIds],
        now,
      },
      book.state,
    );
    await appendAt(
      this.store,
      client,
      tenantId,
      goldenBookStreamId(agencyId),
      book.version,
      events,
      metadata,
    );
    return foldGoldenBook(events, book.state).byDecision[decisionId] ?? [];
  }
}
