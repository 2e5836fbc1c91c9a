import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  type CommandResult,
  type NumberedCommandResult,
  type ProposalView,
  type ProposeCommand,
  type RecordProposalOutcomeCommand,
} from '@ttkt/contracts';
import type { Clock, EventStore } from '@ttkt/event-store';
import { CLOCK, EVENT_STORE } from '@ttkt/messaging';
import { randomUUID } from 'node:crypto';
import { AwardDossiers } from '../quota/award-dossiers';
import { AwardFacts } from '../quota/award-facts';
import { actorOf, localDay, metadataOf } from '../quota/award-rpc';
import { inTransaction, lastOf } from '../quota/award-streams';
import { awaitNumber } from '../quota/numbered-answer';
import { QuotaLedgers } from '../quota/quota-ledgers';
import { decideProposalOutcome, nomineeOutcomes } from './proposal-outcome/proposal-outcome.decide';
import { ProposalStreams } from './proposal-streams';
import { foldProposal, toProposalView } from './proposal.state';
import { decidePropose } from './propose/propose.decide';

/**
 * The agency's proposals to the higher authority: proposing (places taken and the `TTr` number
 * requested in one transaction under the ledger's lock, then the register's answer awaited
 * holding no transaction) and recording the higher authority's outcome.
 */
@Injectable()
export class ProposalCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly facts: AwardFacts,
    private readonly ledgers: QuotaLedgers,
    private readonly proposals: ProposalStreams,
    private readonly dossiers: AwardDossiers,
  ) {}

  /**
   * Proposes, then waits up to `waitMs` for the register: `issued` (numbered, the dossiers
   * proposed), `refused` (failed, places back) or `pending`.
   */
  async propose(message: ProposeCommand): Promise<NumberedCommandResult<ProposalView>> {
    const { tenantId } = message.context;
    const metadata = metadataOf(message.context);
    const key = { tenantId, campaignId: message.campaignId, awardFormCode: message.awardFormCode };
    await this.facts.awaitCampaign(tenantId, message.campaignId);
    const requestId = randomUUID();
    const requested = await inTransaction(this.store, async (client) => {
      const { facts, ledger } = await this.facts.lockAndLoad(client, key, message.nominationIds);
      const before = await this.proposals.read(tenantId, message.proposalId, client);
      const now = this.clock.now();
      const outcome = decidePropose(
        {
          type: 'Propose',
          proposalId: message.proposalId,
          requestId,
          campaignId: message.campaignId,
          awardFormCode: message.awardFormCode,
          nominationIds: message.nominationIds,
          proposedOn: message.proposedOn ?? localDay(now),
          ...(message.signer ? { signer: message.signer } : {}),
          ...(message.recipients ? { recipients: message.recipients } : {}),
          actor: actorOf(message.context),
          now,
        },
        before.state,
        facts,
      );
      await this.ledgers.append(client, key, ledger.version, outcome.ledger, metadata);
      return this.proposals.append(
        client,
        tenantId,
        before,
        message.proposalId,
        outcome.proposal,
        metadata,
      );
    });
    const { state, result } = requested;
    if (result === null || state.status === 'none')
      throw new Error('a proposal appends its request');
    return awaitNumber(
      this.store,
      {
        issued: 'ProposalIssued',
        failed: 'ProposalFailed',
        eventsAfter: (tenantId, id, fromVersion) =>
          this.proposals.eventsAfter(tenantId, id, fromVersion),
        fold: foldProposal,
        view: toProposalView,
      },
      { tenantId, id: message.proposalId, requestId, waitMs: message.waitMs },
      { state, result },
    );
  }

  /**
   * Records the higher authority's outcome: the approved dossiers `awarded`, the rest
   * `not-approved`; the places stay taken. A nominee withdrawn since the proposal cannot be among
   * the approved (`validation-failed`); one withdrawn while this runs makes it run again.
   */
  async recordOutcome(message: RecordProposalOutcomeCommand): Promise<CommandResult<ProposalView>> {
    const { tenantId } = message.context;
    const metadata = metadataOf(message.context);
    return inTransaction(this.store, async (client) => {
      const before = await this.proposals.read(tenantId, message.proposalId, client);
      const withdrawn =
        before.state.status === 'none'
          ? []
          : await this.dossiers.withdrawnAmong(
              client,
              tenantId,
              before.state.nominees.map((nominee) => nominee.nominationId),
            );
      const events = decideProposalOutcome(
        {
          type: 'RecordProposalOutcome',
          proposalId: message.proposalId,
          approvedNominationIds: message.approvedNominationIds,
          decisionNumber: message.decisionNumber,
          decidedOn: message.decidedOn,
          withdrawnNominationIds: withdrawn,
          actor: actorOf(message.context),
          now: this.clock.now(),
        },
        before.state,
      );
      const { state, result } = await this.proposals.append(
        client,
        tenantId,
        before,
        message.proposalId,
        events,
        metadata,
      );
      const [recorded] = events;
      if (
        result === null ||
        state.status === 'none' ||
        recorded?.type !== 'ProposalOutcomeRecorded'
      ) {
        throw new DomainError('invalid-state', { proposalId: message.proposalId });
      }
      const dossiers = await this.dossiers.apply(
        client,
        tenantId,
        // A withdrawn dossier keeps its status: nothing to record on it.
        nomineeOutcomes(recorded.data).filter(
          ({ nominationId }) => !withdrawn.includes(nominationId),
        ),
        metadata,
        true,
        { withdrawnMeanwhileConflicts: true },
      );
      const last = lastOf(result, dossiers) ?? result;
      return {
        body: toProposalView(state),
        version: result.nextVersion,
        position: this.store.toToken(last.lastPosition),
      };
    });
  }
}
