import { startServiceHost, type RunningService, type ServiceDependencies } from '@ttkt/messaging';
import { DocumentServiceModule } from './document-service.module';
import { DOCUMENT_CONSUMES } from './integration/consumed-events';
import { toContractEvent } from './integration/published-events';

export { DOCUMENT_CONSUMES };

/** The service's name: its RPC queue and its schema (its register publishes `register.*` events). */
export const DOCUMENT_SERVICE = 'document';

/** Starts the document service on the given infrastructure (alone, in tests, or all-in-one). */
export function startDocumentService(dependencies: ServiceDependencies): Promise<RunningService> {
  return startServiceHost({
    ...dependencies,
    service: DOCUMENT_SERVICE,
    module: () => ({ module: DocumentServiceModule }),
    consumes: DOCUMENT_CONSUMES,
    publishes: toContractEvent,
  });
}
