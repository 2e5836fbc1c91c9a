import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  type CommandResult,
  type DecideCommand,
  type DecisionView,
  type NumberedCommandResult,
  type RevokeDecisionCommand,
} from '@ttkt/contracts';
import type { Clock, EventStore } from '@ttkt/event-store';
import { CLOCK, EVENT_STORE } from '@ttkt/messaging';
import { randomUUID } from 'node:crypto';
import { CampaignCloseRule } from '../dossiers/campaign-close-rule';
import { AwardDossiers } from '../quota/award-dossiers';
import { AwardFacts } from '../quota/award-facts';
import { actorOf, metadataOf } from '../quota/award-rpc';
import { inTransaction, lastOf } from '../quota/award-streams';
import { awaitNumber } from '../quota/numbered-answer';
import { QuotaLedgers } from '../quota/quota-ledgers';
import { decideDecide } from './decide/decide.decide';
import { DecisionStreams } from './decision-streams';
import { foldDecision, toDecisionView } from './decision.state';
import { decideRevokeDecision } from './revoke-decision/revoke-decision.decide';

/**
 * The agency head's decisions: deciding (places taken and the number requested in one
 * transaction under the ledger's lock, then the register's answer awaited holding no
 * transaction) and revoking (the places and the dossiers given back in one transaction).
 */
@Injectable()
export class DecisionCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly facts: AwardFacts,
    private readonly ledgers: QuotaLedgers,
    private readonly decisions: DecisionStreams,
    private readonly dossiers: AwardDossiers,
    private readonly closeRule: CampaignCloseRule,
  ) {}

  /**
   * Decides, then waits up to `waitMs` for the register: `issued` (numbered, golden-book numbers
   * given, the dossiers awarded), `refused` (failed, places back) or `pending`.
   */
  async decide(message: DecideCommand): Promise<NumberedCommandResult<DecisionView>> {
    const { tenantId } = message.context;
    const metadata = metadataOf(message.context);
    const key = { tenantId, campaignId: message.campaignId, awardFormCode: message.awardFormCode };
    // A plan issued a moment ago may not have reached the copy yet.
    await this.facts.awaitCampaign(tenantId, message.campaignId);
    const requestId = randomUUID();
    const requested = await inTransaction(this.store, async (client) => {
      const { facts, ledger } = await this.facts.lockAndLoad(client, key, message.nominationIds);
      const before = await this.decisions.read(tenantId, message.decisionId, client);
      const outcome = decideDecide(
        {
          type: 'Decide',
          decisionId: message.decisionId,
          requestId,
          campaignId: message.campaignId,
          awardFormCode: message.awardFormCode,
          nominationIds: message.nominationIds,
          decidedOn: message.decidedOn,
          ...(message.signer ? { signer: message.signer } : {}),
          ...(message.recipients ? { recipients: message.recipients } : {}),
          actor: actorOf(message.context),
          now: this.clock.now(),
        },
        before.state,
        facts,
      );
      await this.ledgers.append(client, key, ledger.version, outcome.ledger, metadata);
      return this.decisions.append(
        client,
        tenantId,
        before,
        message.decisionId,
        outcome.decision,
        metadata,
      );
    });
    const { state, result } = requested;
    if (result === null || state.status === 'none')
      throw new Error('a decision appends its request');
    return awaitNumber(
      this.store,
      {
        issued: 'DecisionIssued',
        failed: 'DecisionFailed',
        eventsAfter: (tenantId, id, fromVersion) =>
          this.decisions.eventsAfter(tenantId, id, fromVersion),
        fold: foldDecision,
        view: toDecisionView,
      },
      { tenantId, id: message.decisionId, requestId, waitMs: message.waitMs },
      { state, result },
    );
  }

  /**
   * Revokes an issued decision: its places back to the quota, its dossiers back to `approved` —
   * and, when the campaign has closed meanwhile, on to `not-approved` (`campaign-closed`) in the
   * same transaction, as the close would have left them.
   */
  async revoke(message: RevokeDecisionCommand): Promise<CommandResult<DecisionView>> {
    const { tenantId } = message.context;
    const metadata = metadataOf(message.context);
    const current = await this.decisions.read(tenantId, message.decisionId);
    if (current.state.status === 'none') {
      throw new DomainError('not-found', { decisionId: message.decisionId });
    }
    const key = {
      tenantId,
      campaignId: current.state.campaignId,
      awardFormCode: current.state.awardFormCode,
    };
    return inTransaction(this.store, async (client) => {
      // The campaign's close lock before the ledger's (the close takes them in that order).
      const closed = await this.closeRule.isClosed(client, tenantId, key.campaignId);
      await this.ledgers.lock(client, key);
      const before = await this.decisions.read(tenantId, message.decisionId, client);
      const now = this.clock.now();
      const events = decideRevokeDecision(
        {
          type: 'RevokeDecision',
          decisionId: message.decisionId,
          reason: message.reason,
          actor: actorOf(message.context),
          now,
        },
        before.state,
      );
      const { state, result } = await this.decisions.append(
        client,
        tenantId,
        before,
        message.decisionId,
        events,
        metadata,
      );
      const [revoked] = events;
      if (result === null || state.status === 'none' || revoked?.type !== 'DecisionRevoked') {
        throw new Error('a revocation appends DecisionRevoked');
      }
      const released = await this.ledgers.release(
        client,
        key,
        { kind: 'decision', id: message.decisionId, reason: 'revoked', now },
        metadata,
      );
      const dossiers = await this.dossiers.apply(
        client,
        tenantId,
        revoked.data.nominationIds.map((nominationId) => ({
          nominationId,
          outcome: {
            kind: 'award-revoked' as const,
            decisionId: message.decisionId,
            at: revoked.data.at,
            by: revoked.data.by,
          },
        })),
        metadata,
        true,
      );
      const closedOut = closed
        ? await this.closeRule.closeOut(
            client,
            tenantId,
            revoked.data.nominationIds,
            revoked.data.at,
            revoked.data.by,
            metadata,
          )
        : null;
      const last = lastOf(result, released, dossiers, closedOut) ?? result;
      return {
        body: toDecisionView(state),
        version: result.nextVersion,
        position: this.store.toToken(last.lastPosition),
      };
    });
  }
}
