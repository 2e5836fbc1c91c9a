import { Module } from '@nestjs/common';
import { CAMPAIGN_EVENTS } from '@ttkt/contracts';
import { INTEGRATION_HANDLERS, type IntegrationHandlers } from '@ttkt/messaging';
import { CampaignStatusProjection } from './read-models/campaign-status/campaign-status.projection';
import { CampaignStatusQueryController } from './read-models/campaign-status/campaign-status.query';
import { ReceivedEventsRecorder } from './received-events/received-events.recorder';
import { SourcePositions } from './received-events/source-positions';

/**
 * The integration events the dashboard consumes: every event the campaign service publishes
 * (`campaign.drafted.v1`, `draft-updated`, `issue-requested`, `issued`, `issue-refused`,
 * `issue-cancelled`, `issue-number-released`, `amended`, `closed`). All of them, not only those
 * that change a row: a source's watermark follows the chain of its published events, and one
 * event the dashboard is not bound for would stop it for good.
 */
export const DASHBOARD_CONSUMES = Object.keys(CAMPAIGN_EVENTS);

/** The dashboard: read models projected from every service's integration events. */
@Module({
  controllers: [CampaignStatusQueryController],
  providers: [
    ReceivedEventsRecorder,
    SourcePositions,
    CampaignStatusProjection,
    {
      provide: INTEGRATION_HANDLERS,
      inject: [ReceivedEventsRecorder, CampaignStatusProjection],
      useFactory: (
        recorder: ReceivedEventsRecorder,
        campaignStatus: CampaignStatusProjection,
      ): IntegrationHandlers =>
        Object.fromEntries(
          DASHBOARD_CONSUMES.map((key) => [
            key,
            async (event, client) => {
              await recorder.record(event, client);
              await campaignStatus.onCampaignEvent(event, client);
            },
          ]),
        ),
    },
  ],
})
export class DashboardServiceModule {}
