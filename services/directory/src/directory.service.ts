import { startServiceHost, type RunningService, type ServiceDependencies } from '@ttkt/messaging';
import { DirectoryServiceModule } from './directory-service.module';
import { migrateDirectory } from './directory.migrations';
import { toContractEvent } from './integration/published-events';
import { UserAccounts } from './users/user-accounts';

/** The service's name: its RPC queue, its schema, the first segment of its routing keys. */
export const DIRECTORY_SERVICE = 'directory';

/** The platform's first system administrator, created at start unless the username exists. */
export interface BootstrapAdmin {
  username: string;
  password: string;
}

/** What the directory needs to start: the usual dependencies and, optionally, the first admin. */
export type DirectoryServiceDependencies = ServiceDependencies & {
  bootstrapAdmin?: BootstrapAdmin;
};

/** Starts the directory service on the given infrastructure (alone, in tests, or all-in-one). */
export async function startDirectoryService(
  dependencies: DirectoryServiceDependencies,
): Promise<RunningService> {
  const { bootstrapAdmin, ...host } = dependencies;
  const running = await startServiceHost({
    ...host,
    service: DIRECTORY_SERVICE,
    module: () => ({ module: DirectoryServiceModule }),
    publishes: toContractEvent,
    migrate: migrateDirectory,
  });
  if (bootstrapAdmin) {
    try {
      await running.app
        .get(UserAccounts, { strict: false })
        .ensureBootstrapAdmin(bootstrapAdmin.username, bootstrapAdmin.password);
    } catch (error) {
      await running.stop();
      throw error;
    }
  }
  return running;
}
