import { Inject, Injectable } from '@nestjs/common';
import type { CampaignClosedV1, IntegrationEvent } from '@ttkt/contracts';
import type { EventStore } from '@ttkt/event-store';
import { EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { CampaignCopy } from '../copies/campaign-copy';
import { CampaignCloseRule } from '../dossiers/campaign-close-rule';
import { actorOf } from '../dossiers/dossier-commands';
import { DossierReads } from '../dossiers/dossier-reads';
import { QuotaLedgers } from '../quota/quota-ledgers';
import { holderOf } from '../quota/quota.state';
import { metadataOfEvent } from './event-metadata';

/**
 * The campaign's events: kept in the campaign copy, and the close rule — when a campaign closes,
 * every dossier of it still `approved` (left out of every decision and proposal) becomes
 * `not-approved` (`campaign-closed`), in the inbox's transaction. A dossier that holds a place in
 * its form's quota ledger (a decision or proposal still waiting for its number) is not left out:
 * it is skipped, and the ledger is locked meanwhile so no decision takes places half-way. Its
 * dossiers meet the rule later, if they come back to `approved` (a refused number, a revoked
 * decision) — as do those a session closed after the campaign approves (see
 * {@link CampaignCloseRule}): the close takes the campaign's close lock before it updates the copy,
 * so such a writer (which checks the copy under that lock, shared) either waits for this close
 * and sees it, or is waited for and its dossiers are seen here.
 */
@Injectable()
export class CampaignEventsHandler {
  constructor(
    private readonly campaigns: CampaignCopy,
    private readonly reads: DossierReads,
    private readonly closeRule: CampaignCloseRule,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** `campaign.issued.v1`. */
  onIssued(event: IntegrationEvent, client: PoolClient): Promise<void> {
    return this.campaigns.onIssued(event, client);
  }

  /** `campaign.amended.v1`. */
  onAmended(event: IntegrationEvent, client: PoolClient): Promise<void> {
    return this.campaigns.onAmended(event, client);
  }

  /** `campaign.closed.v1`: the copy, then the close rule. */
  async onClosed(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as CampaignClosedV1;
    await this.closeRule.lockForClose(client, event.tenantId, data.campaignId);
    await this.campaigns.onClosed(event, client);
    const metadata = metadataOfEvent(event, 'campaign');
    const approved = await this.reads.listByCampaign(
      event.tenantId,
      data.campaignId,
      ['approved'],
      client,
    );
    const held = await this.heldPlaces(event.tenantId, data.campaignId, approved, client);
    // Each dossier is read again in the transaction: one awarded meanwhile is left as it is.
    await this.closeRule.closeOut(
      client,
      event.tenantId,
      approved.map((dossier) => dossier.nominationId).filter((id) => !held.has(id)),
      data.closedAt,
      actorOf(metadata),
      metadata,
    );
  }

  /** The dossiers among `dossiers` that hold a place in their form's ledger (each ledger locked). */
  private async heldPlaces(
    tenantId: string,
    campaignId: string,
    dossiers: readonly { nominationId: string; awardFormCode: string }[],
    client: PoolClient,
  ): Promise<Set<string>> {
    // The ledgers' own reader (it needs only the store; the awards module is not a dependency
    // of this one, so it is not injected).
    const ledgers = new QuotaLedgers(this.store);
    const held = new Set<string>();
    const forms = [...new Set(dossiers.map((dossier) => dossier.awardFormCode))].sort();
    for (const awardFormCode of forms) {
      const key = { tenantId, campaignId, awardFormCode };
      await ledgers.lock(client, key);
      const { state } = await ledgers.read(key, client);
      for (const dossier of dossiers) {
        if (dossier.awardFormCode === awardFormCode && holderOf(state, dossier.nominationId))
          held.add(dossier.nominationId);
      }
    }
    return held;
  }
}
