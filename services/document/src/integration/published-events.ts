import {
  DOCUMENT_FAILED_V1,
  DOCUMENT_GENERATED_V1,
  REGISTER_NUMBER_ASSIGNED_V1,
  REGISTER_NUMBER_REFUSED_V1,
  REGISTER_NUMBER_REVOKED_V1,
  REGISTER_NUMBER_VOIDED_V1,
  type DocumentFailedV1,
  type DocumentGeneratedV1,
  type IntegrationEvent,
  type RegisterNumberAssignedV1,
  type RegisterNumberRefusedV1,
  type RegisterNumberRevokedV1,
  type RegisterNumberVoidedV1,
} from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';
import { contractEnvelope, type ContractPayload } from '@ttkt/messaging';
import type { DocumentEvent, DocumentFacts } from '../documents/document.events';
import type { RegisterEvent } from '../register/register.events';

const SERVICE = 'document';

/**
 * Maps a stored event (of a register or a generated document) to the contract event other
 * services read; null = not published (a document's request, a failed attempt to be retried).
 */
export function toContractEvent(stored: StoredEvent): IntegrationEvent | null {
  const published = contractOf({ type: stored.type, data: stored.data } as
    RegisterEvent | DocumentEvent);
  return published && contractEnvelope(SERVICE, stored, published);
}

/** The facts every document contract event repeats, copied field by field. */
function documentFacts(facts: DocumentFacts): DocumentFacts {
  return {
    documentId: facts.documentId,
    kind: facts.kind,
    campaignId: facts.campaignId,
    agencyId: facts.agencyId,
    number: facts.number,
    issuedOn: facts.issuedOn,
    title: facts.title,
    source: { kind: facts.source.kind, id: facts.source.id },
    subjectPersonId: facts.subjectPersonId,
  };
}

function contractOf(event: RegisterEvent | DocumentEvent): ContractPayload | null {
  switch (event.type) {
    case 'DocumentGenerated': {
      const { data: stored } = event;
      const data: DocumentGeneratedV1 = {
        ...documentFacts(stored),
        files: stored.files.map(({ format, sha256, size, mediaType, fileName }) => ({
          format,
          sha256,
          size,
          mediaType,
          fileName,
        })),
        generatedAt: stored.generatedAt,
      };
      return { type: DOCUMENT_GENERATED_V1, data };
    }
    case 'DocumentGenerationFailed': {
      const { data: stored } = event;
      if (!stored.final) return null;
      const data: DocumentFailedV1 = {
        ...documentFacts(stored),
        error: stored.error,
        attempts: stored.attempt,
        failedAt: stored.failedAt,
      };
      return { type: DOCUMENT_FAILED_V1, data };
    }
    case 'NumberAssigned': {
      const { data: stored } = event;
      const data: RegisterNumberAssignedV1 = {
        agencyId: stored.agencyId,
        year: stored.year,
        number: stored.number,
        formatted: stored.formatted,
        symbol: stored.symbol,
        agencyCode: stored.agencyCode,
        documentKind: stored.documentKind,
        requestId: stored.requestId,
        requestedBy: { kind: stored.requestedBy.kind, id: stored.requestedBy.id },
        issuedOn: stored.issuedOn,
        assignedAt: stored.assignedAt,
      };
      return { type: REGISTER_NUMBER_ASSIGNED_V1, data };
    }
    case 'NumberRefused': {
      const { data: stored } = event;
      const data: RegisterNumberRefusedV1 = {
        agencyId: stored.agencyId,
        year: stored.year,
        requestId: stored.requestId,
        requestedBy: { kind: stored.requestedBy.kind, id: stored.requestedBy.id },
        requestedNumber: stored.requestedNumber,
        code: stored.code,
        params: stored.params,
        ...(stored.errors.length > 0
          ? { errors: stored.errors.map(({ path, message }) => ({ path, message })) }
          : {}),
        refusedAt: stored.refusedAt,
      };
      return { type: REGISTER_NUMBER_REFUSED_V1, data };
    }
    case 'NumberVoided': {
      const { agencyId, year, number, requestId, reason, voidedAt } = event.data;
      const data: RegisterNumberVoidedV1 = { agencyId, year, number, requestId, reason, voidedAt };
      return { type: REGISTER_NUMBER_VOIDED_V1, data };
    }
    case 'NumberRevoked': {
      const { data: stored } = event;
      const data: RegisterNumberRevokedV1 = {
        agencyId: stored.agencyId,
        year: stored.year,
        number: stored.number,
        formatted: stored.formatted,
        requestId: stored.requestId,
        requestedBy: { kind: stored.requestedBy.kind, id: stored.requestedBy.id },
        reason: stored.reason,
        revokedAt: stored.revokedAt,
      };
      return { type: REGISTER_NUMBER_REVOKED_V1, data };
    }
    default:
      return null;
  }
}
