import { Inject, Injectable } from '@nestjs/common';
import type { QuotaLedgerView } from '@ttkt/contracts';
import type { AppendMetadata, AppendResult, EventStore } from '@ttkt/event-store';
import { EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import type { AwardCampaignFacts } from './award-selection';
import { appendAt, lockStream, readFolded, type Folded, type StreamFold } from './award-streams';
import { decideReleasePlaces, type ReleasePlaces } from './quota.decide';
import { QUOTA_STREAM_TYPE, quotaStreamId, type QuotaEvent } from './quota.events';
import { evolveQuota, initialQuotaState, placesUsed, type QuotaLedgerState } from './quota.state';

/** Which ledger: one per campaign and award form. */
export interface LedgerKey {
  tenantId: string;
  campaignId: string;
  awardFormCode: string;
}

const FOLD: StreamFold<QuotaLedgerState, QuotaEvent> = {
  streamId: (id) => `${QUOTA_STREAM_TYPE}-${id}`,
  initial: initialQuotaState,
  evolve: evolveQuota,
};

/** The ledger's id in its stream id (`<campaignId>:<awardFormCode>`). */
function idOf(key: LedgerKey): string {
  return `${key.campaignId}:${key.awardFormCode}`;
}

/**
 * The quota ledgers (`quota-<campaignId>:<awardFormCode>`). Every writer of a ledger — a decision
 * or proposal taking places, a refusal or revocation releasing them — first takes the ledger's
 * transaction-scoped advisory lock ({@link QuotaLedgers.lock}), then reads it and appends at the
 * version read. The lock serialises concurrent commands across processes (two instances of the
 * service on one schema): the second reads the first's places once the first has committed, so
 * the quota is never exceeded; the expected version is the second guard.
 */
@Injectable()
export class QuotaLedgers {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Takes the ledger's lock until the caller's transaction ends. */
  lock(client: PoolClient, key: LedgerKey): Promise<void> {
    return lockStream(client, key.tenantId, quotaStreamId(key.campaignId, key.awardFormCode));
  }

  /** The ledger folded (in `client`'s transaction when given). */
  read(key: LedgerKey, client?: PoolClient): Promise<Folded<QuotaLedgerState>> {
    return readFolded(this.store, FOLD, key.tenantId, idOf(key), client);
  }

  /** Appends at the version read (the caller holds the lock). */
  append(
    client: PoolClient,
    key: LedgerKey,
    version: number,
    events: readonly QuotaEvent[],
    metadata: AppendMetadata,
  ): Promise<AppendResult | null> {
    return appendAt(
      this.store,
      client,
      key.tenantId,
      quotaStreamId(key.campaignId, key.awardFormCode),
      version,
      events,
      metadata,
    );
  }

  /** Locks the ledger and gives a holder's places back (nothing when it holds none). */
  async release(
    client: PoolClient,
    key: LedgerKey,
    release: Omit<ReleasePlaces, 'type' | 'campaignId' | 'awardFormCode'>,
    metadata: AppendMetadata,
  ): Promise<AppendResult | null> {
    await this.lock(client, key);
    const ledger = await this.read(key, client);
    const events = decideReleasePlaces(
      {
        type: 'ReleasePlaces',
        campaignId: key.campaignId,
        awardFormCode: key.awardFormCode,
        ...release,
      },
      ledger.state,
    );
    return this.append(client, key, ledger.version, events, metadata);
  }

  /** The campaign's ledgers, one per award form of its plan. */
  async view(tenantId: string, campaign: AwardCampaignFacts): Promise<QuotaLedgerView> {
    const forms = await Promise.all(
      campaign.awardForms.map(async (form) => {
        const { state } = await this.read({
          tenantId,
          campaignId: campaign.campaignId,
          awardFormCode: form.code,
        });
        return {
          awardFormCode: form.code,
          max: form.quota,
          used: placesUsed(state),
          entries: state.entries,
        };
      }),
    );
    return { campaignId: campaign.campaignId, forms };
  }
}
