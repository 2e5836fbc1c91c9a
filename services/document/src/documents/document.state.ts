import type { DocumentFileView, GeneratedDocumentStatus } from '@ttkt/contracts';
import type { DocumentEvent, DocumentFacts } from './document.events';
import type { DocumentInput } from './document-inputs';

/** A document as its stream tells it. */
export type DocumentState =
  | { status: 'none'; version: number }
  | {
      status: GeneratedDocumentStatus;
      version: number;
      facts: DocumentFacts;
      sequence: number;
      input: DocumentInput;
      requestedAt: string;
      files: DocumentFileView[];
      attempts: number;
      error: string | null;
    };

/** A document whose `DocumentRequested` is stored. */
export type ExistingDocument = Exclude<DocumentState, { status: 'none' }>;

/** Before any event. */
export function initialDocumentState(): DocumentState {
  return { status: 'none', version: 0 };
}

/** The state after one more event. Pure. */
export function evolveDocument(state: DocumentState, event: DocumentEvent): DocumentState {
  const version = state.version + 1;
  switch (event.type) {
    case 'DocumentRequested': {
      const { sequence, input, requestedAt, ...facts } = event.data;
      return {
        status: 'pending',
        version,
        facts,
        sequence,
        input,
        requestedAt,
        files: [],
        attempts: 0,
        error: null,
      };
    }
    case 'DocumentGenerated':
      if (state.status === 'none') return { ...state, version };
      return {
        ...state,
        status: 'ready',
        version,
        files: event.data.files,
        attempts: event.data.attempt,
        error: null,
      };
    case 'DocumentGenerationFailed':
      if (state.status === 'none') return { ...state, version };
      return {
        ...state,
        status: event.data.final ? 'failed' : 'pending',
        version,
        attempts: event.data.attempt,
        error: event.data.error,
      };
  }
}

/** Folds a stream's events. */
export function foldDocument(events: readonly DocumentEvent[]): DocumentState {
  return events.reduce(evolveDocument, initialDocumentState());
}
