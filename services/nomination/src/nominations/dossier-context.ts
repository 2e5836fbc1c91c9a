import type { NominationCriterion, NominationStatus, NomineeRef } from '@ttkt/contracts';
import type { NominationEvent } from './nomination.events';
import {
  evolveNomination,
  type NominationDocument,
  type NominationHold,
  type NominationState,
} from './nomination.state';

/**
 * The dossier's facts stored beside each event's own data (`data.dossier`), so the published
 * contract events — mapped from one stored event at a time, with no read of the stream — carry
 * the campaign, form, unit, nominee and the status change. `evolve` ignores it.
 */
export interface DossierContext {
  campaignId: string;
  agencyId: string;
  awardFormCode: string;
  nominatingUnitId: string;
  nominee: NomineeRef;
  /** The status after the event. */
  status: NominationStatus;
  /** The status before it; null for the drafting. */
  previousStatus: NominationStatus | null;
  /** For a submission: the dossier as submitted. */
  submission?: {
    achievementSummary: string;
    criteria: NominationCriterion[];
    documents: Omit<NominationDocument, 'attachedAt' | 'attachedBy'>[];
    holds: NominationHold[];
  };
}

/** A stored dossier event with its {@link DossierContext}. */
export type StoredNominationEvent = NominationEvent & { data: { dossier?: DossierContext } };

/** The decided events, each with the dossier's context after it. */
export function withDossierContext(
  state: NominationState,
  events: NominationEvent[],
): StoredNominationEvent[] {
  let current = state;
  return events.map((event) => {
    const previousStatus = current.status === 'none' ? null : current.status;
    const after = evolveNomination(current, event);
    current = after;
    if (after.status === 'none') return event;
    const dossier: DossierContext = {
      campaignId: after.campaignId,
      agencyId: after.agencyId,
      awardFormCode: after.awardFormCode,
      nominatingUnitId: after.nominatingUnitId,
      nominee: after.nominee,
      status: after.status,
      previousStatus,
      ...(event.type === 'NominationSubmitted'
        ? {
            submission: {
              achievementSummary: after.achievementSummary,
              criteria: after.criteria,
              documents: after.documents.map(
                ({ attachedAt: _at, attachedBy: _by, ...document }) => document,
              ),
              holds: after.holds,
            },
          }
        : {}),
    };
    return { ...event, data: { ...event.data, dossier } } as StoredNominationEvent;
  });
}
