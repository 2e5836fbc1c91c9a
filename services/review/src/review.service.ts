import { startServiceHost, type RunningService, type ServiceDependencies } from '@ttkt/messaging';
import { toContractEvent } from './integration/published-events';
import { REVIEW_CONSUMES, ReviewServiceModule } from './review-service.module';
import { migrateReview } from './review.migrations';

export { REVIEW_CONSUMES };

/** The service's name: its RPC queue, its schema, the first segment of its routing keys. */
export const REVIEW_SERVICE = 'review';

/** Starts the review service on the given infrastructure (alone, in tests, or all-in-one). */
export function startReviewService(dependencies: ServiceDependencies): Promise<RunningService> {
  return startServiceHost({
    ...dependencies,
    service: REVIEW_SERVICE,
    module: () => ({ module: ReviewServiceModule }),
    publishes: toContractEvent,
    consumes: REVIEW_CONSUMES,
    migrate: migrateReview,
  });
}
