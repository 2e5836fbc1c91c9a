import { DomainError } from '@ttkt/contracts';
import type { NominationActor, NominationEvent } from '../nomination.events';
import { EDITABLE_STATUSES, nominationIn } from '../nomination-rules';
import type { NominationState } from '../nomination.state';

/** Remove a document from a dossier. */
export interface RemoveDocument {
  type: 'RemoveDocument';
  nominationId: string;
  documentId: string;
  actor: NominationActor | null;
  now: Date;
}

/** Draft or returned only (`invalid-state`); the document must be on the dossier (`not-found`). */
export function decideRemoveDocument(
  command: RemoveDocument,
  state: NominationState,
): NominationEvent[] {
  const nomination = nominationIn(state, command.nominationId, EDITABLE_STATUSES);
  const document = nomination.documents.find((doc) => doc.documentId === command.documentId);
  if (!document) {
    throw new DomainError('not-found', {
      nominationId: command.nominationId,
      documentId: command.documentId,
    });
  }
  return [
    {
      type: 'NominationDocumentRemoved',
      data: {
        nominationId: nomination.nominationId,
        at: command.now.toISOString(),
        by: command.actor,
        documentId: document.documentId,
        sha256: document.sha256,
      },
    },
  ];
}
