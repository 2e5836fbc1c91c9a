import type { DocumentView } from '@ttkt/contracts';
import type { ExistingDocument } from './document.state';

/** What a failed attempt shows in the view (the message itself is kept in its event). */
export const GENERATION_FAILED = 'generation-failed';

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
    // The renderer's or the store's own message may name server paths: it stays in the event
    // and the log; the view says only that generation failed.
    error: state.error === null ? null : GENERATION_FAILED,
    attempts: state.attempts,
    createdAt: state.requestedAt,
    version: state.version,
  };
}
