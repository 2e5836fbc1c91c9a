import { startServiceHost, type RunningService, type ServiceDependencies } from '@ttkt/messaging';
import { toContractEvent } from './integration/published-events';
import { NOMINATION_CONSUMES, NominationServiceModule } from './nomination-service.module';
import { migrateNomination } from './nomination.migrations';

export { NOMINATION_CONSUMES };

/** The service's name: its RPC queue, its schema, the first segment of its routing keys. */
export const NOMINATION_SERVICE = 'nomination';

/** Starts the nomination service on the given infrastructure (alone, in tests, or all-in-one). */
export function startNominationService(dependencies: ServiceDependencies): Promise<RunningService> {
  return startServiceHost({
    ...dependencies,
    service: NOMINATION_SERVICE,
    module: () => ({ module: NominationServiceModule }),
    publishes: toContractEvent,
    consumes: NOMINATION_CONSUMES,
    migrate: migrateNomination,
  });
}
