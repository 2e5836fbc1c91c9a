import type { DocumentView } from '@ttkt/contracts';
import type { ExistingDocument } from './document.state';

/** The document as the queries answer it. Pure. */
export function toDocumentView(documentId: string, state: ExistingDocument): DocumentView {
  const { facts } = state;
  return {
    id: documentId,
    kind: facts.kind,
    campaignId: facts.campaignId,
    agencyId: facts.agencyId,
    number: facts.number,
    issuedOn: facts.issuedOn,
    title: facts.title,
    status: state.status,
    formats: state.files.map(({ format, sha256, size, mediaType, fileName }) => ({
      format,
      sha256,
      size,
      mediaType,
      fileName,
    })),
    source: { kind: facts.source.kind, id: facts.source.id },
    subjectPersonId: facts.subjectPersonId,
    error: state.error,
    attempts: state.attempts,
    createdAt: state.requestedAt,
    version: state.version,
  };
}
