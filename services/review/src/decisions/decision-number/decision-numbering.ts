import { Inject, Injectable } from '@nestjs/common';
import type {
  IntegrationEvent,
  RegisterNumberAssignedV1,
  RegisterNumberRefusedV1,
} from '@ttkt/contracts';
import type { AppendMetadata, Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { GoldenBooks } from '../../golden-book/golden-books';
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
 * decision (golden-book numbers given, each dossier awarded); a refusal fails it and gives its
 * places back. An answer to no waiting request (a redelivery) changes nothing.
 */
@Injectable()
export class DecisionNumbering {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly decisions: DecisionStreams,
    private readonly goldenBooks: GoldenBooks,
    private readonly ledgers: QuotaLedgers,
    private readonly dossiers: AwardDossiers,
  ) {}

  /** `register.number-assigned.v1` for a decision. */
  async onAssigned(
    event: IntegrationEvent,
    data: RegisterNumberAssignedV1,
    client: PoolClient,
    metadata: AppendMetadata,
  ): Promise<void> {
    const { tenantId } = event;
    const decisionId = data.requestedBy.id;
    const before = await this.decisions.read(tenantId, decisionId, client);
    if (before.state.status === 'none' || !awaitsAnswer(before.state, data.requestId)) return;
    const decision = before.state;
    const now = this.clock.now();
    const goldenBook = await this.goldenBooks.assign(
      client,
      tenantId,
      decision.agencyId,
      decisionId,
      decision.awardees.map((awardee) => awardee.nominationId),
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
        now,
      },
      decision,
    );
    await this.decisions.append(client, tenantId, before, decisionId, events, metadata);
    const [issued] = events;
    if (issued?.type !== 'DecisionIssued') return;
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
    );
  }

  /** `register.number-refused.v1` for a decision. */
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
    // The ledger's lock first, as every writer of the ledger takes it before the decision's stream.
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
    if (result === null) return;
    await this.ledgers.release(
      client,
      key,
      { kind: 'decision', id: decisionId, reason: 'number-refused', now },
      metadata,
    );
  }
}
