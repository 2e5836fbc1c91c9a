import { Module } from '@nestjs/common';
import {
  CAMPAIGN_DRAFTED_V1,
  type CampaignDraftedV1,
  type IntegrationEvent,
} from '@ttkt/contracts';
import { INTEGRATION_HANDLERS, type IntegrationHandlers } from '@ttkt/messaging';
import { CampaignStatusProjection } from './read-models/campaign-status/campaign-status.projection';
import { CampaignStatusQueryController } from './read-models/campaign-status/campaign-status.query';
import { ReceivedEventsRecorder } from './received-events/received-events.recorder';
import { SourcePositions } from './received-events/source-positions';

/** The integration events the dashboard consumes. */
export const DASHBOARD_CONSUMES = [CAMPAIGN_DRAFTED_V1];

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
      ): IntegrationHandlers => ({
        [CAMPAIGN_DRAFTED_V1]: async (event, client) => {
          await recorder.record(event, client);
          await campaignStatus.onCampaignDrafted(
            event as IntegrationEvent<CampaignDraftedV1>,
            client,
          );
        },
      }),
    },
  ],
})
export class DashboardServiceModule {}
