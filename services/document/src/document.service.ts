import type { BlobStore } from '@ttkt/blob-store';
import { startServiceHost, type RunningService, type ServiceDependencies } from '@ttkt/messaging';
import { DocumentServiceModule } from './document-service.module';
import { migrateDocument } from './document.migrations';
import type { DocumentWorkerOptions } from './documents/document-worker.config';
import type { GenerateFiles } from './generation/generate';
import { DOCUMENT_CONSUMES } from './integration/consumed-events';
import { toContractEvent } from './integration/published-events';

export { DOCUMENT_CONSUMES };

/** The service's name: its RPC queue and its schema (it publishes `register.*` and `document.*`). */
export const DOCUMENT_SERVICE = 'document';

/** What the document service needs besides a service's usual infrastructure. */
export interface DocumentServiceDependencies extends ServiceDependencies {
  /**
   * Where generated files are stored (`BLOB_STORE`): the store the gateway serves them from, so
   * in the distributed mode a volume (or bucket) both mount.
   */
  blobStore: BlobStore;
  /** Replaces the generator (tests of failures); default the real one. */
  generate?: GenerateFiles;
  /** The generation worker's settings (tests: shorter pauses). */
  worker?: Partial<DocumentWorkerOptions>;
}

/** Starts the document service on the given infrastructure (alone, in tests, or all-in-one). */
export function startDocumentService(
  dependencies: DocumentServiceDependencies,
): Promise<RunningService> {
  const { blobStore, generate, worker, ...infrastructure } = dependencies;
  return startServiceHost({
    ...infrastructure,
    service: DOCUMENT_SERVICE,
    module: () =>
      DocumentServiceModule.register({
        blobStore,
        ...(generate ? { generate } : {}),
        ...(worker ? { worker } : {}),
      }),
    consumes: DOCUMENT_CONSUMES,
    publishes: toContractEvent,
    migrate: migrateDocument,
  });
}
