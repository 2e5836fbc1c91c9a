import { Module } from '@nestjs/common';
import {
  CAMPAIGN_ISSUE_CANCELLED_V1,
  CAMPAIGN_ISSUE_NUMBER_RELEASED_V1,
  CAMPAIGN_ISSUE_REQUESTED_V1,
  REVIEW_DECISION_REVOKED_V1,
  REVIEW_NUMBER_REQUESTED_V1,
  type CampaignIssueCancelledV1,
  type CampaignIssueNumberReleasedV1,
  type CampaignIssueRequestedV1,
  type DecisionRevokedV1,
  type IntegrationEvent,
  type ReviewNumberRequestedV1,
} from '@ttkt/contracts';
import { INTEGRATION_HANDLERS, type IntegrationHandlers } from '@ttkt/messaging';
import { AssignNumberHandler } from './register/assign-number/assign-number.handler';
import { RegisterModule } from './register/register.module';
import { RevokeNumberHandler } from './register/revoke-number/revoke-number.handler';
import { VoidNumberHandler } from './register/void-number/void-number.handler';

/**
 * The document service: the register of official numbers (one sequence per issuing agency and
 * year), answering the campaign's and the review's issuance sagas and marking revoked decisions'
 * numbers, and, later, the generated documents.
 */
@Module({
  imports: [RegisterModule],
  providers: [
    {
      provide: INTEGRATION_HANDLERS,
      inject: [AssignNumberHandler, VoidNumberHandler, RevokeNumberHandler],
      useFactory: (
        assign: AssignNumberHandler,
        release: VoidNumberHandler,
        revoke: RevokeNumberHandler,
      ): IntegrationHandlers => ({
        [CAMPAIGN_ISSUE_REQUESTED_V1]: (event, client) =>
          assign.onIssueRequested(event as IntegrationEvent<CampaignIssueRequestedV1>, client),
        [CAMPAIGN_ISSUE_NUMBER_RELEASED_V1]: (event, client) =>
          release.onIssueNumberReleased(
            event as IntegrationEvent<CampaignIssueNumberReleasedV1>,
            client,
          ),
        [CAMPAIGN_ISSUE_CANCELLED_V1]: (event, client) =>
          release.onIssueCancelled(event as IntegrationEvent<CampaignIssueCancelledV1>, client),
        [REVIEW_NUMBER_REQUESTED_V1]: (event, client) =>
          assign.onReviewNumberRequested(
            event as IntegrationEvent<ReviewNumberRequestedV1>,
            client,
          ),
        [REVIEW_DECISION_REVOKED_V1]: (event, client) =>
          revoke.onDecisionRevoked(event as IntegrationEvent<DecisionRevokedV1>, client),
      }),
    },
  ],
})
export class DocumentServiceModule {}
