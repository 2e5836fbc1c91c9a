import { DomainError, OTHER_DOCUMENT_TYPE } from '@ttkt/contracts';
import type { NominationActor, NominationEvent } from '../nomination.events';
import { EDITABLE_STATUSES, nominationIn, type CampaignFacts } from '../nomination-rules';
import type { NominationState } from '../nomination.state';

export type { CampaignFacts } from '../nomination-rules';

/** Record a file already in the blob store on a dossier. */
export interface AttachDocument {
  type: 'AttachDocument';
  nominationId: string;
  documentId: string;
  documentTypeCode: string;
  /** The stored blob's facts (media type sniffed by the store). */
  file: { sha256: string; size: number; mediaType: string; fileName: string };
  /** The dossier's campaign from the copy (for the form's document codes), or null. */
  campaign: CampaignFacts | null;
  actor: NominationActor | null;
  now: Date;
}

/**
 * Draft or returned only (`invalid-state`). The type is one of the award form's unit-stage
 * required documents or `OTHER` (`validation-failed` at `documentTypeCode`); the file name is
 * kept in NFC (never a path). The same document id again with the same content changes nothing
 * (a retry); with other content it is refused at `documentId`.
 */
export function decideAttachDocument(
  command: AttachDocument,
  state: NominationState,
): NominationEvent[] {
  const nomination = nominationIn(state, command.nominationId, EDITABLE_STATUSES);
  const existing = nomination.documents.find((doc) => doc.documentId === command.documentId);
  if (existing) {
    if (
      existing.sha256 === command.file.sha256 &&
      existing.documentTypeCode === command.documentTypeCode
    ) {
      return [];
    }
    throw new DomainError('validation-failed', {}, [
      { path: 'documentId', message: 'duplicateDocumentId' },
    ]);
  }
  const form = command.campaign?.awardForms.find((f) => f.code === nomination.awardFormCode);
  const codes = new Set([
    OTHER_DOCUMENT_TYPE,
    ...(form?.unitStage.requiredDocuments.map((doc) => doc.code) ?? []),
  ]);
  if (!codes.has(command.documentTypeCode)) {
    throw new DomainError('validation-failed', { documentTypeCode: command.documentTypeCode }, [
      { path: 'documentTypeCode', message: 'unknownDocumentType' },
    ]);
  }
  const fileName = command.file.fileName.normalize('NFC').trim();
  if (fileName === '') {
    throw new DomainError('validation-failed', {}, [
      { path: 'file.fileName', message: 'isNotEmpty' },
    ]);
  }
  return [
    {
      type: 'NominationDocumentAttached',
      data: {
        nominationId: nomination.nominationId,
        at: command.now.toISOString(),
        by: command.actor,
        documentId: command.documentId,
        documentTypeCode: command.documentTypeCode,
        sha256: command.file.sha256,
        size: command.file.size,
        mediaType: command.file.mediaType,
        fileName,
      },
    },
  ];
}
