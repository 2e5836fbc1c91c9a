import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@ttkt/contracts';
import { VersionConflict, type AppendMetadata, type AppendResult } from '@ttkt/event-store';
import type { PoolClient } from 'pg';
import { decideDossierOutcome, type DossierOutcome } from '../dossiers/dossier-outcomes';
import { DossierStreams } from '../dossiers/dossier-streams';
import { dossierStreamId } from '../dossiers/dossier.events';
import { lastOf } from './award-streams';

/** One dossier's outcome of a decision, proposal or revocation. */
export interface AwardDossierOutcome {
  nominationId: string;
  outcome: DossierOutcome;
}

/** Options of {@link AwardDossiers.apply}. */
export interface ApplyOptions {
  /**
   * The caller left the withdrawn dossiers out after reading them in its transaction: one found
   * withdrawn now was withdrawn by a transaction that committed since, so the whole transaction
   * must run again (it fails with `VersionConflict`) rather than write an award it no longer fits.
   */
  withdrawnMeanwhileConflicts?: boolean;
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
    options: ApplyOptions = {},
  ): Promise<AppendResult | null> {
    let last: AppendResult | null = null;
    for (const { nominationId, outcome } of outcomes) {
      const run = await this.streams.run(
        tenantId,
        nominationId,
        (state) => {
          if (options.withdrawnMeanwhileConflicts && state.status === 'withdrawn') {
            throw new VersionConflict(
              tenantId,
              dossierStreamId(nominationId),
              'any',
              state.version,
            );
          }
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

  /** The dossiers among these that are withdrawn, read in the caller's transaction. */
  async withdrawnAmong(
    client: PoolClient,
    tenantId: string,
    nominationIds: readonly string[],
  ): Promise<string[]> {
    const withdrawn: string[] = [];
    for (const nominationId of nominationIds) {
      const state = await this.streams.read(tenantId, nominationId, client);
      if (state.status === 'withdrawn') withdrawn.push(nominationId);
    }
    return withdrawn;
  }
}
