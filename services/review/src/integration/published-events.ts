import {
  REVIEW_DOSSIER_ACCEPTED_V1,
  REVIEW_DOSSIER_APPROVED_V1,
  REVIEW_DOSSIER_AWARD_REVOKED_V1,
  REVIEW_DOSSIER_AWARDED_V1,
  REVIEW_DOSSIER_NOT_APPROVED_V1,
  REVIEW_DOSSIER_PROPOSED_V1,
  REVIEW_DOSSIER_RETURNED_V1,
  type DossierAcceptedV1,
  type DossierApprovedV1,
  type DossierAwardedV1,
  type DossierAwardRevokedV1,
  type DossierNotApprovedV1,
  type DossierProposedV1,
  type DossierReturnedV1,
  type IntegrationEvent,
} from '@ttkt/contracts';
import type { StoredEvent } from '@ttkt/event-store';
import { contractEnvelope, type ContractPayload } from '@ttkt/messaging';
import { awardContractEvents } from '../awards.published';
import type { DossierEvent } from '../dossiers/dossier.events';
import { sessionContractEvents } from '../sessions/session.published';

/** The service's name in its contract events' envelopes. */
const SERVICE = 'review';

/**
 * A mapper of one area's stored events to contract payloads: `[]` when the event is not that
 * area's or is not published, else the one contract event it becomes.
 */
export type ContractMapper = (stored: Pick<StoredEvent, 'type' | 'data'>) => ContractPayload[];

/** Review's dossier outcomes become `review.dossier-*.v1`; the intake of nomination's facts stays inside. */
export const dossierContractEvents: ContractMapper = (stored) => {
  const payload = dossierContractOf(stored as DossierEvent);
  return payload === null ? [] : [payload];
};

/** Every area's mapper, asked in turn; the first that maps the event wins. */
const MAPPERS: readonly ContractMapper[] = [
  dossierContractEvents,
  sessionContractEvents,
  awardContractEvents,
];

/**
 * Maps a stored event of any review stream to the contract event other services read; null = not
 * published. The relay publishes at most one contract event per stored event.
 */
export function toContractEvent(stored: StoredEvent): IntegrationEvent | null {
  for (const mapper of MAPPERS) {
    const [payload] = mapper(stored);
    if (payload) return contractEnvelope(SERVICE, stored, payload);
  }
  return null;
}

function dossierContractOf(event: DossierEvent): ContractPayload | null {
  if (typeof event.type !== 'string' || !event.type.startsWith('Dossier')) return null;
  const facts = {
    nominationId: event.data.nominationId,
    campaignId: event.data.campaignId,
    at: event.data.at,
  };
  switch (event.type) {
    case 'DossierAccepted': {
      const data: DossierAcceptedV1 = { ...facts };
      return { type: REVIEW_DOSSIER_ACCEPTED_V1, data };
    }
    case 'DossierReturned': {
      const data: DossierReturnedV1 = {
        ...facts,
        reasons: event.data.reasons,
        resubmitBefore: event.data.resubmitBefore,
      };
      return { type: REVIEW_DOSSIER_RETURNED_V1, data };
    }
    case 'DossierApproved': {
      const data: DossierApprovedV1 = { ...facts };
      return { type: REVIEW_DOSSIER_APPROVED_V1, data };
    }
    case 'DossierNotApproved': {
      const data: DossierNotApprovedV1 = { ...facts };
      return { type: REVIEW_DOSSIER_NOT_APPROVED_V1, data };
    }
    case 'DossierAwarded': {
      const data: DossierAwardedV1 = {
        ...facts,
        decisionId: event.data.decisionId,
        decisionNumber: event.data.decisionNumber,
      };
      return { type: REVIEW_DOSSIER_AWARDED_V1, data };
    }
    case 'DossierProposed': {
      const data: DossierProposedV1 = { ...facts, proposalId: event.data.proposalId };
      return { type: REVIEW_DOSSIER_PROPOSED_V1, data };
    }
    case 'DossierAwardRevoked': {
      const data: DossierAwardRevokedV1 = { ...facts, decisionId: event.data.decisionId };
      return { type: REVIEW_DOSSIER_AWARD_REVOKED_V1, data };
    }
    case 'DossierReceived':
    case 'DossierWithdrawn':
      return null;
    default: {
      // Another area's event that happens to start with `Dossier`: not ours.
      return null;
    }
  }
}
