// The document service's published language for generated documents: its events and queries
// (its register's numbers are in ../register).
import {
  DOCUMENT_FAILED_V1,
  DOCUMENT_GENERATED_V1,
  DocumentFailedV1,
  DocumentGeneratedV1,
} from './document-events.v1';

export * from './views';
export * from './queries';
export * from './document-events.v1';

/** The document service's published events of generated documents: routing key → payload class. */
export const DOCUMENT_EVENTS: Readonly<Record<string, new () => object>> = {
  [DOCUMENT_GENERATED_V1]: DocumentGeneratedV1,
  [DOCUMENT_FAILED_V1]: DocumentFailedV1,
};
