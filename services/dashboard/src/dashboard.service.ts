import { startServiceHost, type RunningService, type ServiceDependencies } from '@ttkt/messaging';
import { DASHBOARD_CONSUMES, DashboardServiceModule } from './dashboard-service.module';

export { DASHBOARD_CONSUMES };
import { migrateDashboard } from './dashboard.migrations';

/** The service's name. */
export const DASHBOARD_SERVICE = 'dashboard';

/** Starts the dashboard service on the given infrastructure. */
export function startDashboardService(dependencies: ServiceDependencies): Promise<RunningService> {
  return startServiceHost({
    ...dependencies,
    service: DASHBOARD_SERVICE,
    module: () => ({ module: DashboardServiceModule }),
    consumes: DASHBOARD_CONSUMES,
    migrate: migrateDashboard,
  });
}
