import { Injectable } from '@nestjs/common';
import type {
  IntegrationEvent,
  NominationSubmittedV1,
  NominationWithdrawnV1,
  NomineeSnapshot,
} from '@ttkt/contracts';
import type { PoolClient } from 'pg';
import { actorOf } from '../dossiers/dossier-commands';
import { DossierStreams } from '../dossiers/dossier-streams';
import { decideReceive, decideWithdrawal } from '../dossiers/intake/dossier-intake.decide';
import { metadataOfEvent } from './event-metadata';

/**
 * The nomination service's dossier facts on review's dossier streams, each in the inbox's
 * transaction: a submission opens (or, after a return, reopens) the dossier as `submitted`; a
 * withdrawal closes it.
 */
@Injectable()
export class NominationEventsHandler {
  constructor(private readonly streams: DossierStreams) {}

  /** `nomination.submitted.v1`. */
  async onSubmitted(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as NominationSubmittedV1;
    const metadata = metadataOfEvent(event, 'nomination');
    await this.streams.run(
      event.tenantId,
      data.nominationId,
      (state) =>
        decideReceive(state, {
          type: 'ReceiveDossier',
          nominationId: data.nominationId,
          campaignId: data.campaignId,
          agencyId: data.agencyId,
          awardFormCode: data.awardFormCode,
          nominatingUnitId: data.nominatingUnitId,
          nomineeRef: {
            kind: data.nominee.kind,
            ...(data.nominee.personId === undefined ? {} : { personId: data.nominee.personId }),
            ...(data.nominee.unitId === undefined ? {} : { unitId: data.nominee.unitId }),
          },
          nominee: data.snapshot as unknown as NomineeSnapshot,
          achievementSummary: data.achievementSummary,
          resubmission: data.resubmission,
          at: data.submittedAt,
          by: actorOf(metadata),
        }),
      { client, metadata },
    );
  }

  /** `nomination.withdrawn.v1`. */
  async onWithdrawn(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as NominationWithdrawnV1;
    const metadata = metadataOfEvent(event, 'nomination');
    await this.streams.run(
      event.tenantId,
      data.nominationId,
      (state) =>
        decideWithdrawal(state, {
          type: 'RecordWithdrawal',
          nominationId: data.nominationId,
          reason: data.reason,
          previousStatus: data.previousStatus,
          at: data.withdrawnAt,
          by: actorOf(metadata),
        }),
      { client, metadata },
    );
  }
}
