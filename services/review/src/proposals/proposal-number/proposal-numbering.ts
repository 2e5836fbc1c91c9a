import { Inject, Injectable } from '@nestjs/common';
import type {
  IntegrationEvent,
  RegisterNumberAssignedV1,
  RegisterNumberRefusedV1,
} from '@ttkt/contracts';
import type { AppendMetadata, Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { CampaignCloseRule } from '../../dossiers/campaign-close-rule';
import { AwardDossiers } from '../../quota/award-dossiers';
import { QuotaLedgers } from '../../quota/quota-ledgers';
import { ProposalStreams } from '../proposal-streams';
import {
  decideProposalNumber,
  decideProposalRefusal,
  proposalAwaitsAnswer,
} from './proposal-number.decide';

/**
 * The register saga's proposal side, each answer in the inbox's transaction: a number sends the
 * letter (each dossier `proposed`); a refusal fails it and gives its places back. An answer to no
 * waiting request (a redelivery) changes nothing.
 */
@Injectable()
export class ProposalNumbering {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly proposals: ProposalStreams,
    private readonly ledgers: QuotaLedgers,
    private readonly dossiers: AwardDossiers,
    private readonly closeRule: CampaignCloseRule,
  ) {}

  /** `register.number-assigned.v1` for a proposal. */
  async onAssigned(
    event: IntegrationEvent,
    data: RegisterNumberAssignedV1,
    client: PoolClient,
    metadata: AppendMetadata,
  ): Promise<void> {
    const { tenantId } = event;
    const proposalId = data.requestedBy.id;
    const before = await this.proposals.read(tenantId, proposalId, client);
    if (before.state.status === 'none' || !proposalAwaitsAnswer(before.state, data.requestId))
      return;
    const proposal = before.state;
    const events = decideProposalNumber(
      {
        type: 'RecordProposalNumber',
        requestId: data.requestId,
        formatted: data.formatted,
        number: data.number,
        year: data.year,
        assignedAt: data.assignedAt,
        now: this.clock.now(),
      },
      proposal,
    );
    await this.proposals.append(client, tenantId, before, proposalId, events, metadata);
    const [issued] = events;
    if (issued?.type !== 'ProposalIssued') return;
    await this.dossiers.apply(
      client,
      tenantId,
      issued.data.nominees.map(({ nominationId }) => ({
        nominationId,
        outcome: {
          kind: 'proposed' as const,
          proposalId,
          at: issued.data.at,
          by: proposal.requestedBy,
        },
      })),
      metadata,
      false,
    );
  }

  /**
   * `register.number-refused.v1` for a proposal: fails it and gives its places back; when the
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
    const proposalId = data.requestedBy.id;
    const peek = await this.proposals.read(tenantId, proposalId, client);
    if (peek.state.status === 'none' || !proposalAwaitsAnswer(peek.state, data.requestId)) return;
    const key = {
      tenantId,
      campaignId: peek.state.campaignId,
      awardFormCode: peek.state.awardFormCode,
    };
    // The campaign's close lock before the ledger's (the close takes them in that order).
    const closed = await this.closeRule.isClosed(client, tenantId, key.campaignId);
    await this.ledgers.lock(client, key);
    const before = await this.proposals.read(tenantId, proposalId, client);
    const now = this.clock.now();
    const events = decideProposalRefusal(
      {
        type: 'RecordProposalRefusal',
        requestId: data.requestId,
        code: data.code,
        params: data.params ?? {},
        now,
      },
      before.state,
    );
    const { result } = await this.proposals.append(
      client,
      tenantId,
      before,
      proposalId,
      events,
      metadata,
    );
    if (result === null || before.state.status === 'none') return;
    await this.ledgers.release(
      client,
      key,
      { kind: 'proposal', id: proposalId, reason: 'number-refused', now },
      metadata,
    );
    // Its dossiers are `approved` again: after the campaign's close, they end as the close left
    // the others.
    if (closed) {
      await this.closeRule.closeOut(
        client,
        tenantId,
        before.state.nominees.map((item) => item.nominationId),
        now.toISOString(),
        null,
        metadata,
      );
    }
  }
}
