import { Injectable, Logger, Module } from '@nestjs/common';
import {
  REGISTER_NUMBER_ASSIGNED_V1,
  REGISTER_NUMBER_REFUSED_V1,
  type IntegrationEvent,
  type RegisterNumberAssignedV1,
  type RegisterNumberRefusedV1,
} from '@ttkt/contracts';
import type { IntegrationHandlers } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { DecideController } from './decisions/decide/decide.controller';
import { DecisionNumbering } from './decisions/decision-number/decision-numbering';
import { DecisionCommands } from './decisions/decision-commands';
import { DecisionQueriesController } from './decisions/decision-queries.controller';
import { DecisionReads, DecisionStreams } from './decisions/decision-streams';
import { RevokeDecisionController } from './decisions/revoke-decision/revoke-decision.controller';
import { DossiersModule } from './dossiers/dossiers.module';
import { GoldenBooks } from './golden-book/golden-books';
import { metadataOfEvent } from './integration/event-metadata';
import { ProposalCommands } from './proposals/proposal-commands';
import { ProposalNumbering } from './proposals/proposal-number/proposal-numbering';
import { ProposalOutcomeController } from './proposals/proposal-outcome/proposal-outcome.controller';
import { ProposalQueriesController } from './proposals/proposal-queries.controller';
import { ProposalReads, ProposalStreams } from './proposals/proposal-streams';
import { ProposeController } from './proposals/propose/propose.controller';
import { AwardDossiers } from './quota/award-dossiers';
import { AwardFacts } from './quota/award-facts';
import { QuotaLedgerController } from './quota/quota-ledger.controller';
import { QuotaLedgers } from './quota/quota-ledgers';
import { SessionsModule } from './sessions/sessions.module';

/** The integration events the awards consume: the register's answers to their number requests. */
export const AWARDS_CONSUMES: string[] = [REGISTER_NUMBER_ASSIGNED_V1, REGISTER_NUMBER_REFUSED_V1];

/** The actor of events written on the register's answer when its envelope names none. */
const SAGA = 'register-saga';

/**
 * The register saga's review side: the register's answers to the decisions' and proposals'
 * requests (by `requestedBy.kind`; the campaign's and others' answers are not review's), each in
 * the inbox's transaction.
 */
@Injectable()
export class AwardsIntegration {
  private readonly logger = new Logger('review-awards');

  constructor(
    private readonly decisions: DecisionNumbering,
    private readonly proposals: ProposalNumbering,
  ) {}

  /** Handlers by routing key, merged into the service's `INTEGRATION_HANDLERS`. */
  handlers(): IntegrationHandlers {
    return {
      [REGISTER_NUMBER_ASSIGNED_V1]: (event, client) => this.onAssigned(event, client),
      [REGISTER_NUMBER_REFUSED_V1]: (event, client) => this.onRefused(event, client),
    };
  }

  /** `register.number-assigned.v1`: issue the decision, or send the proposal. */
  async onAssigned(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as RegisterNumberAssignedV1;
    const metadata = metadataOfEvent(event, SAGA);
    if (data.requestedBy.kind === 'decision') {
      await this.decisions.onAssigned(event, data, client, metadata);
    } else if (data.requestedBy.kind === 'proposal') {
      await this.proposals.onAssigned(event, data, client, metadata);
    }
  }

  /** `register.number-refused.v1`: fail the decision or proposal and give its places back. */
  async onRefused(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as RegisterNumberRefusedV1;
    const metadata = metadataOfEvent(event, SAGA);
    if (data.requestedBy.kind === 'decision') {
      await this.decisions.onRefused(event, data, client, metadata);
    } else if (data.requestedBy.kind === 'proposal') {
      await this.proposals.onRefused(event, data, client, metadata);
    } else {
      return;
    }
    this.logger.debug?.(
      `register refused ${data.requestedBy.kind} ${data.requestedBy.id}: ${data.code}`,
    );
  }
}

/**
 * The awards: quota ledgers, the agency head's decisions (numbered `QĐ`, golden-book numbers,
 * revocation), proposals to the higher authority (numbered `TTr`, outcome), their reads, and the
 * register saga's review side ({@link AwardsIntegration}).
 */
@Module({
  imports: [DossiersModule, SessionsModule],
  controllers: [
    DecideController,
    RevokeDecisionController,
    DecisionQueriesController,
    ProposeController,
    ProposalOutcomeController,
    ProposalQueriesController,
    QuotaLedgerController,
  ],
  providers: [
    QuotaLedgers,
    AwardFacts,
    AwardDossiers,
    GoldenBooks,
    DecisionReads,
    DecisionStreams,
    DecisionCommands,
    DecisionNumbering,
    ProposalReads,
    ProposalStreams,
    ProposalCommands,
    ProposalNumbering,
    AwardsIntegration,
  ],
  exports: [AwardsIntegration],
})
export class AwardsModule {}
