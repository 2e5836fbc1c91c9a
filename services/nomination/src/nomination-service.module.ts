import { Module } from '@nestjs/common';
import { INTEGRATION_HANDLERS, type IntegrationHandlers } from '@ttkt/messaging';
import { CampaignCopy } from './copies/campaign-copy';
import { DirectoryCopy } from './copies/directory-copy';
import {
  CAMPAIGN_AMENDED_V1,
  CAMPAIGN_CLOSED_V1,
  CAMPAIGN_ISSUED_V1,
  DIRECTORY_HOLD_CLOSED_V1,
  DIRECTORY_HOLD_OPENED_V1,
  DIRECTORY_PERSON_CHANGED_V1,
  DIRECTORY_PERSON_REGISTERED_V1,
  DIRECTORY_UNIT_CREATED_V1,
} from './integration/consumed-events';
import { HoldChangesHandler } from './integration/hold-changes.handler';
import {
  REVIEW_OUTCOME_EVENTS,
  ReviewOutcomesHandler,
} from './integration/review-outcomes.handler';
import { NominationsModule } from './nominations/nominations.module';

/** The integration events the nomination service consumes. */
export const NOMINATION_CONSUMES = [
  CAMPAIGN_ISSUED_V1,
  CAMPAIGN_AMENDED_V1,
  CAMPAIGN_CLOSED_V1,
  DIRECTORY_UNIT_CREATED_V1,
  DIRECTORY_PERSON_REGISTERED_V1,
  DIRECTORY_PERSON_CHANGED_V1,
  DIRECTORY_HOLD_OPENED_V1,
  DIRECTORY_HOLD_CLOSED_V1,
  ...REVIEW_OUTCOME_EVENTS,
];

/** The nomination service: dossiers from draft to submission, and review's outcomes on them. */
@Module({
  imports: [NominationsModule],
  providers: [
    {
      provide: INTEGRATION_HANDLERS,
      inject: [CampaignCopy, DirectoryCopy, HoldChangesHandler, ReviewOutcomesHandler],
      useFactory: (
        campaigns: CampaignCopy,
        directory: DirectoryCopy,
        holds: HoldChangesHandler,
        review: ReviewOutcomesHandler,
      ): IntegrationHandlers => ({
        [CAMPAIGN_ISSUED_V1]: (event, client) => campaigns.onIssued(event, client),
        [CAMPAIGN_AMENDED_V1]: (event, client) => campaigns.onAmended(event, client),
        [CAMPAIGN_CLOSED_V1]: (event, client) => campaigns.onClosed(event, client),
        [DIRECTORY_UNIT_CREATED_V1]: (event, client) => directory.onUnitCreated(event, client),
        [DIRECTORY_PERSON_REGISTERED_V1]: (event, client) => directory.onPerson(event, client),
        [DIRECTORY_PERSON_CHANGED_V1]: (event, client) => directory.onPerson(event, client),
        [DIRECTORY_HOLD_OPENED_V1]: (event, client) => holds.onHoldOpened(event, client),
        [DIRECTORY_HOLD_CLOSED_V1]: (event, client) => holds.onHoldClosed(event, client),
        ...Object.fromEntries(
          REVIEW_OUTCOME_EVENTS.map((type) => [
            type,
            (
              event: Parameters<ReviewOutcomesHandler['onOutcome']>[0],
              client: Parameters<ReviewOutcomesHandler['onOutcome']>[1],
            ) => review.onOutcome(event, client),
          ]),
        ),
      }),
    },
  ],
})
export class NominationServiceModule {}
