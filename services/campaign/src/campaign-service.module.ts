import { Module } from '@nestjs/common';
import { INTEGRATION_HANDLERS, type IntegrationHandlers } from '@ttkt/messaging';
import { CampaignsModule } from './campaigns/campaigns.module';
import { RegisterAnswersHandler } from './campaigns/register-answers/register-answers.handler';
import { DirectoryCopy } from './directory-copy/directory-copy';
import {
  DIRECTORY_AGENCY_REGISTERED_V1,
  DIRECTORY_AGENCY_RENAMED_V1,
  DIRECTORY_UNIT_CREATED_V1,
  REGISTER_NUMBER_ASSIGNED_V1,
  REGISTER_NUMBER_REFUSED_V1,
} from './integration/consumed-events';

/** The integration events the campaign service consumes. */
export const CAMPAIGN_CONSUMES = [
  DIRECTORY_AGENCY_REGISTERED_V1,
  DIRECTORY_AGENCY_RENAMED_V1,
  DIRECTORY_UNIT_CREATED_V1,
  REGISTER_NUMBER_ASSIGNED_V1,
  REGISTER_NUMBER_REFUSED_V1,
];

/** The campaign service: plans from draft to issue, amendment and close. */
@Module({
  imports: [CampaignsModule],
  providers: [
    {
      provide: INTEGRATION_HANDLERS,
      inject: [DirectoryCopy, RegisterAnswersHandler],
      useFactory: (
        directory: DirectoryCopy,
        register: RegisterAnswersHandler,
      ): IntegrationHandlers => ({
        [DIRECTORY_AGENCY_REGISTERED_V1]: (event, client) =>
          directory.onAgencyRegistered(event, client),
        [DIRECTORY_AGENCY_RENAMED_V1]: (event, client) => directory.onAgencyRenamed(event, client),
        [DIRECTORY_UNIT_CREATED_V1]: (event, client) => directory.onUnitCreated(event, client),
        [REGISTER_NUMBER_ASSIGNED_V1]: (event, client) => register.onNumberAssigned(event, client),
        [REGISTER_NUMBER_REFUSED_V1]: (event, client) => register.onNumberRefused(event, client),
      }),
    },
  ],
})
export class CampaignServiceModule {}
