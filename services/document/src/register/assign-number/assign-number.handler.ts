import { Inject, Injectable } from '@nestjs/common';
import type {
  CampaignIssueRequestedV1,
  IntegrationEvent,
  ReviewNumberRequestedV1,
} from '@ttkt/contracts';
import type { Clock, EventStore } from '@ttkt/event-store';
import { CLOCK, EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { handleRegisterCommand } from '../register-stream';
import { metadataOf } from '../../integration/consumed-events';
import { decideNumberRequest, type AssignNumber } from './assign-number.decide';

/**
 * `campaign.issue-requested.v1` (a plan, `KH`) and `review.number-requested.v1` (a decision `QĐ`
 * or a proposal letter `TTr`) → a number from the agency's register for the year of `issuedOn`
 * (`NumberAssigned`), or a stored refusal (`NumberRefused`); the relay publishes either as the
 * requester's answer. All kinds share one sequence per agency and year. A request that already
 * holds a number records nothing (its assignment was published when it was made). Runs in the
 * consumer's transaction, with the inbox claim.
 */
@Injectable()
export class AssignNumberHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A campaign's request for its plan's number (the next one, or one given on paper). */
  async onIssueRequested(
    event: IntegrationEvent<CampaignIssueRequestedV1>,
    client: PoolClient,
  ): Promise<void> {
    const { data } = event;
    const command: AssignNumber = {
      type: 'AssignNumber',
      agencyId: data.agencyId,
      year: Number(data.issuedOn.slice(0, 4)),
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
    await this.request(event, command, client);
  }

  /** A decision's or proposal's request: the next number, held by `{ kind, id }` of the requester. */
  async onReviewNumberRequested(
    event: IntegrationEvent<ReviewNumberRequestedV1>,
    client: PoolClient,
  ): Promise<void> {
    const { data } = event;
    const command: AssignNumber = {
      type: 'AssignNumber',
      agencyId: data.agencyId,
      year: Number(data.issuedOn.slice(0, 4)),
      documentKind: data.documentKind,
      agencyCode: data.agencyCode,
      requestId: data.requestId,
      requestedBy: { kind: data.requesterKind, id: data.requesterId },
      issuedOn: data.issuedOn,
      now: this.clock.now(),
    };
    await this.request(event, command, client);
  }

  private async request(
    event: IntegrationEvent,
    command: AssignNumber,
    client: PoolClient,
  ): Promise<void> {
    await handleRegisterCommand(
      this.store,
      client,
      { tenantId: event.tenantId, agencyId: command.agencyId, year: command.year },
      decideNumberRequest,
      command,
      metadataOf(event),
    );
  }
}
