import { Inject, Injectable } from '@nestjs/common';
import type { DecisionRevokedV1, IntegrationEvent } from '@ttkt/contracts';
import type { Clock, EventStore } from '@ttkt/event-store';
import { CLOCK, EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { metadataOf } from '../../integration/consumed-events';
import { handleRegisterCommand } from '../register-stream';
import { decideRevokeNumber, type RevokeNumber } from './revoke-number.decide';

/**
 * `review.decision-revoked.v1` → the decision's number (`registerNumber` in the agency's register
 * of `year`) is marked revoked with `Thu hồi: <reason>` (`NumberRevoked`, published as
 * `register.number-revoked.v1`). A number that is not the decision's is refused (dead letter with
 * the reason), never revoked; a redelivery records nothing. Runs in the consumer's transaction.
 */
@Injectable()
export class RevokeNumberHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onDecisionRevoked(
    event: IntegrationEvent<DecisionRevokedV1>,
    client: PoolClient,
  ): Promise<void> {
    const { data } = event;
    const command: RevokeNumber = {
      type: 'RevokeNumber',
      number: data.registerNumber,
      decisionId: data.decisionId,
      reason: data.reason,
      now: this.clock.now(),
    };
    await handleRegisterCommand(
      this.store,
      client,
      { tenantId: event.tenantId, agencyId: data.agencyId, year: data.year },
      decideRevokeNumber,
      command,
      metadataOf(event),
    );
  }
}
