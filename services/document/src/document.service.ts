import { startServiceHost, type RunningService, type ServiceDependencies } from '@ttkt/messaging';
import { DocumentServiceModule } from './document-service.module';

/** The service's name: its RPC queue, its schema, the first segment of its routing keys. */
export const DOCUMENT_SERVICE = 'document';

/** Starts the document service on the given infrastructure (alone, in tests, or all-in-one). */
export function startDocumentService(dependencies: ServiceDependencies): Promise<RunningService> {
  return startServiceHost({
    ...dependencies,
    service: DOCUMENT_SERVICE,
    module: () => ({ module: DocumentServiceModule }),
  });
}
