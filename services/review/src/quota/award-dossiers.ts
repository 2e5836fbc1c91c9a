import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@ttkt/contracts';
import type { AppendMetadata, AppendResult } from '@ttkt/event-store';
import type { PoolClient } from 'pg';
import { decideDossierOutcome, type DossierOutcome } from '../dossiers/dossier-outcomes';
import { DossierStreams } from '../dossiers/dossier-streams';
import { lastOf } from './award-streams';

/** One dossier's outcome of a decision, proposal or revocation. */
export interface AwardDossierOutcome {
  nominationId: string;
  outcome: DossierOutcome;
}

/**
 * Records what a decision, proposal or revocation does to its dossiers (awarded, proposed,
 * not-approved, award-revoked) on their review streams, in the caller's transaction.
 */
@Injectable()
export class AwardDossiers {
  private readonly logger = new Logger('review-awards');

  constructor(private readonly streams: DossierStreams) {}

  /**
   * Applies each outcome. A command (`strict`) fails on a dossier the outcome does not fit; a
   * reaction to the register's answer (not strict) must not be stuck on one: it leaves such a
   * dossier as it is (a dossier withdrawn or closed out meanwhile) and says so in the log.
   * Returns the last append (null when nothing was written).
   */
  async apply(
    client: PoolClient,
    tenantId: string,
    outcomes: readonly AwardDossierOutcome[],
    metadata: AppendMetadata,
    strict: boolean,
  ): Promise<AppendResult | null> {
    let last: AppendResult | null = null;
    for (const { nominationId, outcome } of outcomes) {
      const run = await this.streams.run(
        tenantId,
        nominationId,
        (state) => {
          try {
            return decideDossierOutcome(state, outcome);
          } catch (error) {
            if (strict || !(error instanceof DomainError)) throw error;
            this.logger.warn(
              `dossier ${nominationId} left as it is: ${outcome.kind} refused (${JSON.stringify(error.params)})`,
            );
            return [];
          }
        },
        { client, metadata },
      );
      last = lastOf(last, run.result);
    }
    return last;
  }
}
