import { Inject, Injectable, Logger } from '@nestjs/common';
import type {
  IntegrationEvent,
  RegisterNumberAssignedV1,
  RegisterNumberRefusedV1,
} from '@ttkt/contracts';
import type { AppendMetadata, Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { GoldenBooks } from '../../golden-book/golden-books';
import { CampaignCloseRule } from '../../dossiers/campaign-close-rule';
import { AwardDossiers } from '../../quota/award-dossiers';
import { QuotaLedgers } from '../../quota/quota-ledgers';
import { DecisionStreams } from '../decision-streams';
import {
  awaitsAnswer,
  decideDecisionNumber,
  decideDecisionRefusal,
} from './decision-number.decide';

/**
 * The register saga's decision side, each answer in the inbox's transaction: a number issues the
 * decision (golden-book numbers given, each dossier awarded; a dossier withdrawn while the decision
 * waited is left out and its place given back); a refusal fails it and gives its places back. An
 * answer to no waiting request (a redelivery) changes nothing.
 */
@Injectable()
export class DecisionNumbering {
  private readonly logger = new Logger('review-awards');

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly decisions: DecisionStreams,
    private readonly goldenBooks: GoldenBooks,
    private readonly ledgers: QuotaLedgers,
    private readonly dossiers: AwardDossiers,
    private readonly closeRule: CampaignCloseRule,
  ) {}

  /**
   * `register.number-assigned.v1` for a decision. Under the ledger's lock (as every writer of the
   * ledger, before the golden book's): the awardees' dossiers are read; those withdrawn since the
   * decision was made get no golden-book number, are left out of the issued decision's awardees,
   * and their places go back to the quota. The decision is issued even with no awardee left (the
   * number is the register's and is not lost; the log says so). A dossier withdrawn by a
   * transaction that commits while this one runs makes this one fail and run again (redelivery).
   */
  async onAssigned(
    event: IntegrationEvent,
    data: RegisterNumberAssignedV1,
    client: PoolClient,
    metadata: AppendMetadata,
  ): Promise<void> {
    const { tenantId } = event;
    const decisionId = data.requestedBy.id;
    const peek = await this.decisions.read(tenantId, decisionId, client);
    if (peek.state.status === 'none' || !awaitsAnswer(peek.state, data.requestId)) return;
    const key = {
      tenantId,
      campaignId: peek.state.campaignId,
      awardFormCode: peek.state.awardFormCode,
    };
    await this.ledgers.lock(client, key);
    const before = await this.decisions.read(tenantId, decisionId, client);
    if (before.state.status === 'none' || !awaitsAnswer(before.state, data.requestId)) return;
    const decision = before.state;
    const now = this.clock.now();
    const requested = decision.awardees.map((awardee) => awardee.nominationId);
    const withdrawn = await this.dossiers.withdrawnAmong(client, tenantId, requested);
    const kept = requested.filter((nominationId) => !withdrawn.includes(nominationId));
    const goldenBook = await this.goldenBooks.assign(
      client,
      tenantId,
      decision.agencyId,
      decisionId,
      kept,
      now,
      metadata,
    );
    const events = decideDecisionNumber(
      {
        type: 'RecordDecisionNumber',
        requestId: data.requestId,
        formatted: data.formatted,
        number: data.number,
        year: data.year,
        assignedAt: data.assignedAt,
        goldenBook,
        withdrawnNominationIds: withdrawn,
        now,
      },
      decision,
    );
    await this.decisions.append(client, tenantId, before, decisionId, events, metadata);
    const [issued] = events;
    if (issued?.type !== 'DecisionIssued') return;
    if (withdrawn.length > 0) {
      await this.ledgers.release(
        client,
        key,
        { kind: 'decision', id: decisionId, reason: 'withdrawn', nominationIds: withdrawn, now },
        metadata,
      );
      this.logger.warn(
        kept.length === 0
          ? `decision ${decisionId} issued as ${issued.data.number} with no awardee: every dossier (${withdrawn.join(', ')}) was withdrawn while it waited for its number`
          : `decision ${decisionId} issued as ${issued.data.number} without the dossiers withdrawn while it waited for its number: ${withdrawn.join(', ')}`,
      );
    }
    await this.dossiers.apply(
      client,
      tenantId,
      issued.data.awardees.map(({ nominationId }) => ({
        nominationId,
        outcome: {
          kind: 'awarded' as const,
          decisionId,
          decisionNumber: issued.data.number,
          at: issued.data.at,
          by: decision.requestedBy,
        },
      })),
      metadata,
      false,
      { withdrawnMeanwhileConflicts: true },
    );
  }

  /**
   * `register.number-refused.v1` for a decision: fails it and gives its places back; when the
   * campaign closed while it waited (the close skipped its dossiers: they held places), its
   * dossiers, `approved` again, end `not-approved` (`campaign-closed`) in the same transaction.
   */
  async onRefused(
    event: IntegrationEvent,
    data: RegisterNumberRefusedV1,
    client: PoolClient,
    metadata: AppendMetadata,
  ): Promise<void> {
    const { tenantId } = event;
    const decisionId = data.requestedBy.id;
    const peek = await this.decisions.read(tenantId, decisionId, client);
    if (peek.state.status === 'none' || !awaitsAnswer(peek.state, data.requestId)) return;
    const key = {
      tenantId,
      campaignId: peek.state.campaignId,
      awardFormCode: peek.state.awardFormCode,
    };
    // The campaign's close lock before the ledger's (the close takes them in that order); the
    // ledger's before the decision's stream, as every writer of the ledger takes it.
    const closed = await this.closeRule.isClosed(client, tenantId, key.campaignId);
    await this.ledgers.lock(client, key);
    const before = await this.decisions.read(tenantId, decisionId, client);
    const now = this.clock.now();
    const events = decideDecisionRefusal(
      {
        type: 'RecordDecisionRefusal',
        requestId: data.requestId,
        code: data.code,
        params: data.params ?? {},
        now,
      },
      before.state,
    );
    const { result } = await this.decisions.append(
      client,
      tenantId,
      before,
      decisionId,
      events,
      metadata,
    );
    if (result === null || before.state.status === 'none') return;
    await this.ledgers.release(
      client,
      key,
      { kind: 'decision', id: decisionId, reason: 'number-refused', now },
      metadata,
    );
    // Its dossiers are `approved` again: after the campaign's close, they end as the close left
    // the others.
    if (closed) {
      await this.closeRule.closeOut(
        client,
        tenantId,
        before.state.awardees.map((item) => item.nominationId),
        now.toISOString(),
        null,
        metadata,
      );
    }
  }
}
