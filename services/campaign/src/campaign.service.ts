import { startServiceHost, type RunningService, type ServiceDependencies } from '@ttkt/messaging';
import { CAMPAIGN_CONSUMES, CampaignServiceModule } from './campaign-service.module';
import { migrateCampaign } from './campaign.migrations';
import { toContractEvent } from './integration/published-events';

export { CAMPAIGN_CONSUMES };

/** The service's name: its RPC queue, its schema, the first segment of its routing keys. */
export const CAMPAIGN_SERVICE = 'campaign';

/** Starts the campaign service on the given infrastructure (alone, in tests, or all-in-one). */
export function startCampaignService(dependencies: ServiceDependencies): Promise<RunningService> {
  return startServiceHost({
    ...dependencies,
    service: CAMPAIGN_SERVICE,
    module: () => ({ module: CampaignServiceModule }),
    publishes: toContractEvent,
    consumes: CAMPAIGN_CONSUMES,
    migrate: migrateCampaign,
  });
}
