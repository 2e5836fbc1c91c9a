import { Inject, Injectable } from '@nestjs/common';
import type { CampaignIssueNumberReleasedV1, IntegrationEvent } from '@ttkt/contracts';
import type { Clock, EventStore } from '@ttkt/event-store';
import { CLOCK, EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { metadataOf } from '../../integration/consumed-events';
import { handleRegisterCommand } from '../register-stream';
import { decideVoidNumber, type VoidNumber } from './void-number.decide';

/**
 * `campaign.issue-number-released.v1` → the number is voided with the event's reason (the saga's
 * compensation: the campaign no longer waits for it). Voiding it again changes nothing; a number
 * that is not the request's is refused (dead letter), never voided.
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
}
