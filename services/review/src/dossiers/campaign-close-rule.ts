import { Injectable } from '@nestjs/common';
import type { AppendMetadata, AppendResult } from '@ttkt/event-store';
import type { PoolClient } from 'pg';
import { CampaignCopy } from '../copies/campaign-copy';
import { decideDossierOutcome } from './dossier-outcomes';
import { DossierStreams } from './dossier-streams';
import type { DossierActor } from './dossier.events';

/**
 * The campaign's close rule: an `approved` dossier left out of every decision and proposal when
 * its campaign closes ends `not-approved` (`campaign-closed`). The campaign's close applies it to
 * the dossiers approved then; a dossier that becomes `approved` after the close — its decision or
 * proposal refused a number, its decision revoked, its session closed late — gets it at once, in
 * the same transaction, through {@link CampaignCloseRule.isClosed} and
 * {@link CampaignCloseRule.closeOut}.
 *
 * The close and those writers are serialised per campaign by a transaction-scoped advisory lock
 * (no row lock: it would give a command's transaction its id before its ledger's lock, and lose
 * the event store's transaction-order races): the close takes it exclusively
 * ({@link CampaignCloseRule.lockForClose}) before it updates the copy, the writers shared
 * ({@link CampaignCloseRule.isClosed}) before they read it. Lock order: this lock before any quota
 * ledger's (the close locks the ledgers after it).
 */
@Injectable()
export class CampaignCloseRule {
  constructor(
    private readonly campaigns: CampaignCopy,
    private readonly streams: DossierStreams,
  ) {}

  /**
   * Whether the campaign is closed, under the campaign's close lock (shared) until the caller's
   * transaction ends: a close in progress is waited for and then seen; a close arriving later
   * waits for this transaction, and then sees what it wrote.
   */
  async isClosed(client: PoolClient, tenantId: string, campaignId: string): Promise<boolean> {
    await client.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [
      closeLockKey(tenantId, campaignId),
    ]);
    return this.campaigns.isClosed(tenantId, campaignId, client);
  }

  /** The campaign's close lock, exclusive until the caller's transaction ends (the close's). */
  async lockForClose(client: PoolClient, tenantId: string, campaignId: string): Promise<void> {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      closeLockKey(tenantId, campaignId),
    ]);
  }

  /**
   * Each of these dossiers still `approved` becomes `not-approved` (`campaign-closed`), in the
   * caller's transaction; any other (awarded, proposed, withdrawn, not approved) is left as it is.
   * Returns the last append (null when nothing was written).
   */
  async closeOut(
    client: PoolClient,
    tenantId: string,
    nominationIds: readonly string[],
    at: string,
    by: DossierActor | null,
    metadata: AppendMetadata,
  ): Promise<AppendResult | null> {
    let last: AppendResult | null = null;
    for (const nominationId of nominationIds) {
      const run = await this.streams.run(
        tenantId,
        nominationId,
        (state) =>
          state.status === 'approved'
            ? decideDossierOutcome(state, {
                kind: 'not-approved',
                cause: 'campaign-closed',
                refId: null,
                at,
                by,
              })
            : [],
        { client, metadata },
      );
      last = run.result ?? last;
    }
    return last;
  }
}

/** The key of a campaign's close lock. */
function closeLockKey(tenantId: string, campaignId: string): string {
  return `${tenantId}|review-campaign-close|${campaignId}`;
}
