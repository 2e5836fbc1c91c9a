import {
  NOMINATION_DRAFTED_V1,
  NOMINATION_HOLD_FLAGGED_V1,
  NOMINATION_RETURNED_V1,
  NOMINATION_STATUS_CHANGED_V1,
  NOMINATION_SUBMITTED_V1,
  NOMINATION_WITHDRAWN_V1,
  type IntegrationEvent,
  type NominationDraftedV1,
  type NominationHoldFlaggedV1,
  type NominationReturnedV1,
  type NominationStatusChangedV1,
  type NominationSubmittedV1,
  type NominationWithdrawnV1,
} from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';
import { contractEnvelope, type ContractPayload } from '@ttkt/messaging';
import type { StoredNominationEvent } from '../nominations/dossier-context';

const SERVICE = 'nomination';

/**
 * Maps a stored dossier event to the contract event other services read; null = not published.
 * The relay publishes one contract event per stored event: the drafting, a submission, a return, a
 * withdrawal and a flagged hold have their own contract events (each carrying the new status by
 * its type); every other status change (accepted, approved, not approved, awarded, proposed, an
 * award revoked) is `nomination.status-changed.v1`. Documents and cleared holds stay inside.
 */
export function toContractEvent(stored: StoredEvent): IntegrationEvent | null {
  const payload = contractOf({ type: stored.type, data: stored.data } as StoredNominationEvent);
  return payload === null ? null : contractEnvelope(SERVICE, stored, payload);
}

function contractOf(event: StoredNominationEvent): ContractPayload | null {
  const { dossier } = event.data;
  // Every event this service appends carries its dossier's context (see dossier-context.ts).
  if (dossier === undefined) return null;
  const facts = {
    nominationId: event.data.nominationId,
    campaignId: dossier.campaignId,
    agencyId: dossier.agencyId,
    awardFormCode: dossier.awardFormCode,
    nominatingUnitId: dossier.nominatingUnitId,
  };
  const statusChanged = (): ContractPayload => {
    const data: NominationStatusChangedV1 = {
      ...facts,
      status: dossier.status,
      previousStatus: dossier.previousStatus,
      at: event.data.at,
    };
    return { type: NOMINATION_STATUS_CHANGED_V1, data };
  };
  switch (event.type) {
    case 'NominationDrafted': {
      const data: NominationDraftedV1 = {
        ...facts,
        nominee: { ...event.data.nominee },
        status: 'draft',
        draftedAt: event.data.at,
      };
      return { type: NOMINATION_DRAFTED_V1, data };
    }
    case 'NominationSubmitted': {
      const submission = dossier.submission;
      const data: NominationSubmittedV1 = {
        ...facts,
        nominee: { ...dossier.nominee },
        snapshot: { ...event.data.snapshot },
        achievementSummary: submission?.achievementSummary ?? '',
        criteria: (submission?.criteria ?? []).map((criterion) => ({ ...criterion })),
        documents: submission?.documents ?? [],
        resubmission: event.data.resubmission,
        holds: submission?.holds ?? [],
        submittedAt: event.data.at,
      };
      return { type: NOMINATION_SUBMITTED_V1, data };
    }
    case 'NominationReturned': {
      const data: NominationReturnedV1 = {
        ...facts,
        reasons: event.data.reasons,
        resubmitBefore: event.data.resubmitBefore,
        returnedAt: event.data.at,
      };
      return { type: NOMINATION_RETURNED_V1, data };
    }
    case 'NominationWithdrawn': {
      const data: NominationWithdrawnV1 = {
        ...facts,
        reason: event.data.reason,
        previousStatus: dossier.previousStatus ?? 'draft',
        withdrawnAt: event.data.at,
      };
      return { type: NOMINATION_WITHDRAWN_V1, data };
    }
    case 'NominationHoldFlagged': {
      if (dossier.nominee.kind !== 'individual') return null;
      const data: NominationHoldFlaggedV1 = {
        ...facts,
        personId: dossier.nominee.personId,
        holdId: event.data.holdId,
        kind: event.data.kind,
        openedOn: event.data.openedOn,
        status: dossier.status,
        flaggedAt: event.data.at,
      };
      return { type: NOMINATION_HOLD_FLAGGED_V1, data };
    }
    case 'NominationAccepted':
    case 'NominationApproved':
    case 'NominationNotApproved':
    case 'NominationAwarded':
    case 'NominationProposed':
    case 'NominationAwardRevoked':
      return statusChanged();
    case 'NominationDocumentAttached':
    case 'NominationDocumentRemoved':
    case 'NominationHoldCleared':
      return null;
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
