import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IntegrationEvent } from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import type { NumberAssigned, NumberRefused } from '../../integration/consumed-events';
import { CampaignReadRepository } from '../../read-model/campaign-read.repository';
import { CampaignCommands } from '../campaign-commands';
import { decideNumberAssigned, decideNumberRefused } from './register-answers.decide';

/** The register saga's campaign side: the register's answers, each in the inbox's transaction. */
@Injectable()
export class RegisterAnswersHandler {
  private readonly logger = new Logger('campaign-register-answers');

  constructor(
    private readonly commands: CampaignCommands,
    private readonly reads: CampaignReadRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `register.number-assigned.v1`: issue the plan, or release a number no longer wanted. */
  async onNumberAssigned(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as NumberAssigned;
    const campaignId = await this.reads.campaignOfRequest(client, event.tenantId, data.requestId);
    if (campaignId === undefined) return; // another requester's number (a decision, a proposal)
    await this.commands.run(
      event.tenantId,
      campaignId,
      (state) =>
        decideNumberAssigned(
          {
            type: 'RecordNumberAssigned',
            requestId: data.requestId,
            agencyId: data.agencyId,
            year: data.year,
            number: data.number,
            formatted: data.formatted,
            issuedOn: data.issuedOn,
            assignedAt: data.assignedAt,
            now: this.clock.now(),
          },
          state,
        ),
      { client, metadata: this.metadataOf(event) },
    );
  }

  /** `register.number-refused.v1`: the campaign goes back to draft with the code. */
  async onNumberRefused(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as NumberRefused;
    const campaignId = await this.reads.campaignOfRequest(client, event.tenantId, data.requestId);
    if (campaignId === undefined) return;
    const outcome = await this.commands.run(
      event.tenantId,
      campaignId,
      (state) =>
        decideNumberRefused(
          {
            type: 'RecordNumberRefused',
            requestId: data.requestId,
            code: data.code,
            params: data.params ?? {},
            now: this.clock.now(),
          },
          state,
        ),
      { client, metadata: this.metadataOf(event) },
    );
    if (outcome.result === null) {
      this.logger.debug?.(`refusal of request ${data.requestId} is moot (not the current one)`);
    }
  }

  private metadataOf(event: IntegrationEvent) {
    return {
      actor: { kind: 'system' as const, id: 'register-saga' },
      ...(event.correlationId ? { correlationId: event.correlationId } : {}),
      causationId: event.id,
    };
  }
}
