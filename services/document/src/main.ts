import 'reflect-metadata';
import { blobStoreFromUrl } from '@ttkt/blob-store';
import { runStandalone } from '@ttkt/messaging';
import { DOCUMENT_SERVICE, startDocumentService } from './document.service';

/**
 * The distributed document service: the usual service environment (see `runStandalone`) and
 * `BLOB_STORE` (required: `file:<dir>` on the volume the gateway mounts too, where the generated
 * files go).
 */
void runStandalone(DOCUMENT_SERVICE, { port: 3006 }, (dependencies) =>
  startDocumentService({
    ...dependencies,
    blobStore: blobStoreFromUrl(process.env.BLOB_STORE ?? ''),
  }),
);
