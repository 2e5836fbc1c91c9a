import { Inject, Injectable } from '@nestjs/common';
import type { CampaignIssueRequestedV1, IntegrationEvent } from '@ttkt/contracts';
import type { Clock, EventStore } from '@ttkt/event-store';
import { CLOCK, EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { handleRegisterCommand } from '../register-stream';
import { metadataOf } from '../../integration/consumed-events';
import { decideNumberRequest, type AssignNumber } from './assign-number.decide';

/**
 * `campaign.issue-requested.v1` → a number from the agency's register for the year of `issuedOn`
 * (`NumberAssigned`), or a stored refusal (`NumberRefused`); the relay publishes either as the
 * saga's answer. A request that already holds a number records nothing (its assignment was
 * published when it was made). Runs in the consumer's transaction, with the inbox claim.
 */
@Injectable()
export class AssignNumberHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onIssueRequested(
    event: IntegrationEvent<CampaignIssueRequestedV1>,
    client: PoolClient,
  ): Promise<void> {
    const { data } = event;
    const year = Number(data.issuedOn.slice(0, 4));
    const command: AssignNumber = {
      type: 'AssignNumber',
      agencyId: data.agencyId,
      year,
      documentKind: data.documentKind,
      agencyCode: data.agencyCode,
      requestId: data.requestId,
      requestedBy: { kind: 'campaign', id: data.campaignId },
      issuedOn: data.issuedOn,
      ...(typeof data.requestedNumber === 'number'
        ? { requestedNumber: data.requestedNumber }
        : {}),
      now: this.clock.now(),
    };
    await handleRegisterCommand(
      this.store,
      client,
      { tenantId: event.tenantId, agencyId: data.agencyId, year },
      decideNumberRequest,
      command,
      metadataOf(event),
    );
  }
}
