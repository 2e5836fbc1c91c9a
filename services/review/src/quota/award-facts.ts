import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { CampaignCopy } from '../copies/campaign-copy';
import { HoldsCopy } from '../copies/holds-copy';
import { DossierReads } from '../dossiers/dossier-reads';
import { SessionResults } from '../sessions/session-results';
import type { AwardSelectionFacts } from './award-selection';
import type { Folded } from './award-streams';
import { QuotaLedgers, type LedgerKey } from './quota-ledgers';
import type { QuotaLedgerState } from './quota.state';

/** The facts of a selection and the ledger's version (to append at). */
export interface LoadedAwardFacts {
  facts: AwardSelectionFacts;
  ledger: Folded<QuotaLedgerState>;
}

/**
 * Loads what a decision or proposal is decided on, inside the command's transaction and after the
 * ledger's lock: the campaign copy, the selected dossiers (`review_dossiers`, written with each
 * dossier append, so consistent with the streams), their nominees' open holds, the form's closed
 * sessions (the latest one, and every tie the chair has not broken), and the ledger.
 */
@Injectable()
export class AwardFacts {
  constructor(
    private readonly campaigns: CampaignCopy,
    private readonly dossiers: DossierReads,
    private readonly holds: HoldsCopy,
    private readonly sessions: SessionResults,
    private readonly ledgers: QuotaLedgers,
  ) {}

  /** Takes the ledger's lock, then loads the facts (in `client`'s transaction). */
  async lockAndLoad(
    client: PoolClient,
    key: LedgerKey,
    nominationIds: readonly string[],
  ): Promise<LoadedAwardFacts> {
    await this.ledgers.lock(client, key);
    const { tenantId, campaignId, awardFormCode } = key;
    const campaign = await this.campaigns.get(tenantId, campaignId, client);
    const dossiers = await this.dossiers.getMany(tenantId, nominationIds, client);
    const personIds = dossiers.flatMap((dossier) =>
      dossier.nomineeRef.kind === 'individual' && dossier.nomineeRef.personId !== undefined
        ? [dossier.nomineeRef.personId]
        : [],
    );
    const openHolds = await this.holds.openFor(tenantId, personIds, client);
    const sessions = await this.sessions.forForm(tenantId, campaignId, awardFormCode, client);
    const ledger = await this.ledgers.read(key, client);
    return {
      facts: { campaign, dossiers, openHolds, sessions, ledger: ledger.state },
      ledger,
    };
  }

  /** Waits (holding no transaction) up to `timeoutMs` for a just-issued campaign to reach the copy. */
  async awaitCampaign(tenantId: string, campaignId: string, timeoutMs?: number): Promise<void> {
    await this.campaigns.await(tenantId, campaignId, timeoutMs);
  }
}
