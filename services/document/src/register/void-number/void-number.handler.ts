import { Inject, Injectable } from '@nestjs/common';
import {
  issueCancelledVoidReason,
  type CampaignIssueCancelledV1,
  type CampaignIssueNumberReleasedV1,
  type IntegrationEvent,
} from '@ttkt/contracts';
import type { Clock, EventStore } from '@ttkt/event-store';
import { CLOCK, EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { metadataOf } from '../../integration/consumed-events';
import { isRegisterYear } from '../assign-number/assign-number.decide';
import { handleRegisterCommand } from '../register-stream';
import {
  decideVoidNumber,
  decideVoidRequestNumber,
  type VoidNumber,
  type VoidRequestNumber,
} from './void-number.decide';

/**
 * The saga's compensations. `campaign.issue-number-released.v1` → the number is voided with the
 * event's reason (the campaign no longer waits for it); a number that is not the request's is
 * refused (dead letter), never voided. `campaign.issue-cancelled.v1` → the number the cancelled
 * request holds, if any, is voided with the cancel reason, so a number never stays assigned to a
 * request given up even when the campaign cannot process the register's answer. Both may arrive
 * for one number: voiding it again changes nothing.
 */
@Injectable()
export class VoidNumberHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onIssueNumberReleased(
    event: IntegrationEvent<CampaignIssueNumberReleasedV1>,
    client: PoolClient,
  ): Promise<void> {
    const { data } = event;
    const command: VoidNumber = {
      type: 'VoidNumber',
      number: data.number,
      requestId: data.requestId,
      reason: data.reason,
      now: this.clock.now(),
    };
    await handleRegisterCommand(
      this.store,
      client,
      { tenantId: event.tenantId, agencyId: data.agencyId, year: data.year },
      decideVoidNumber,
      command,
      metadataOf(event),
    );
  }

  async onIssueCancelled(
    event: IntegrationEvent<CampaignIssueCancelledV1>,
    client: PoolClient,
  ): Promise<void> {
    const { data } = event;
    // Stored before the event named its date: the register cannot tell which year to look in,
    // and leaves the void to the campaign's release of a late number.
    if (data.issuedOn === undefined) return;
    const year = Number(data.issuedOn.slice(0, 4));
    // No register holds such a year, so no number was ever assigned in it.
    if (!isRegisterYear(year)) return;
    const command: VoidRequestNumber = {
      type: 'VoidRequestNumber',
      requestId: data.requestId,
      reason: issueCancelledVoidReason(data.reason),
      now: this.clock.now(),
    };
    await handleRegisterCommand(
      this.store,
      client,
      { tenantId: event.tenantId, agencyId: data.agencyId, year },
      decideVoidRequestNumber,
      command,
      metadataOf(event),
    );
  }
}
