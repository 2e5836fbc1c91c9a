import { Module } from '@nestjs/common';
import { INTEGRATION_HANDLERS, type IntegrationHandlers } from '@ttkt/messaging';
import { AWARDS_CONSUMES, AwardsIntegration, AwardsModule } from './awards.module';
import { HoldsCopy } from './copies/holds-copy';
import { DossierHistoryController } from './dossiers/dossier-history/dossier-history.controller';
import { DossiersModule } from './dossiers/dossiers.module';
import { CampaignEventsHandler } from './integration/campaign-events.handler';
import {
  CAMPAIGN_AMENDED_V1,
  CAMPAIGN_CLOSED_V1,
  CAMPAIGN_ISSUED_V1,
  DIRECTORY_HOLD_CLOSED_V1,
  DIRECTORY_HOLD_OPENED_V1,
  NOMINATION_SUBMITTED_V1,
  NOMINATION_WITHDRAWN_V1,
} from './integration/consumed-events';
import { NominationEventsHandler } from './integration/nomination-events.handler';
import { SessionsModule } from './sessions/sessions.module';

/** The integration events the review service consumes (the dossiers' area's and the awards'). */
export const REVIEW_CONSUMES: string[] = [
  ...new Set([
    NOMINATION_SUBMITTED_V1,
    NOMINATION_WITHDRAWN_V1,
    CAMPAIGN_ISSUED_V1,
    CAMPAIGN_AMENDED_V1,
    CAMPAIGN_CLOSED_V1,
    DIRECTORY_HOLD_OPENED_V1,
    DIRECTORY_HOLD_CLOSED_V1,
    ...AWARDS_CONSUMES,
  ]),
];

/**
 * Merges handler maps: a routing key two areas handle runs both, in the maps' order, in the same
 * inbox transaction.
 */
export function mergeHandlers(...maps: IntegrationHandlers[]): IntegrationHandlers {
  const merged: IntegrationHandlers = {};
  for (const map of maps) {
    for (const [type, handler] of Object.entries(map)) {
      const earlier = merged[type];
      merged[type] = earlier
        ? async (event, client) => {
            await earlier(event, client);
            await handler(event, client);
          }
        : handler;
    }
  }
  return merged;
}

/**
 * The review service: dossiers from their submission to the council's vote, decisions and
 * proposals. The dossier history is answered here, where the dossiers' and the sessions' areas
 * meet.
 */
@Module({
  imports: [DossiersModule, SessionsModule, AwardsModule],
  controllers: [DossierHistoryController],
  providers: [
    {
      provide: INTEGRATION_HANDLERS,
      inject: [NominationEventsHandler, CampaignEventsHandler, HoldsCopy, AwardsIntegration],
      useFactory: (
        nominations: NominationEventsHandler,
        campaigns: CampaignEventsHandler,
        holds: HoldsCopy,
        awards: AwardsIntegration,
      ): IntegrationHandlers =>
        mergeHandlers(
          {
            [NOMINATION_SUBMITTED_V1]: (event, client) => nominations.onSubmitted(event, client),
            [NOMINATION_WITHDRAWN_V1]: (event, client) => nominations.onWithdrawn(event, client),
            [CAMPAIGN_ISSUED_V1]: (event, client) => campaigns.onIssued(event, client),
            [CAMPAIGN_AMENDED_V1]: (event, client) => campaigns.onAmended(event, client),
            [CAMPAIGN_CLOSED_V1]: (event, client) => campaigns.onClosed(event, client),
            [DIRECTORY_HOLD_OPENED_V1]: (event, client) => holds.onHoldOpened(event, client),
            [DIRECTORY_HOLD_CLOSED_V1]: (event, client) => holds.onHoldClosed(event, client),
          },
          awards.handlers(),
        ),
    },
  ],
})
export class ReviewServiceModule {}
