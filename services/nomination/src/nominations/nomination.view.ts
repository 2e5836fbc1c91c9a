import type { NominationView } from '@ttkt/contracts';
import type { ExistingNomination } from './nomination.state';

/** A dossier as the API reads it. */
export function toNominationView(state: ExistingNomination): NominationView {
  return {
    id: state.nominationId,
    campaignId: state.campaignId,
    agencyId: state.agencyId,
    awardFormCode: state.awardFormCode,
    nominatingUnitId: state.nominatingUnitId,
    nominee: state.nominee,
    snapshot: state.snapshot,
    achievementSummary: state.achievementSummary,
    criteria: state.criteria,
    documents: state.documents.map((document) => ({ ...document })),
    status: state.status,
    returnReasons: state.returnReasons,
    resubmitBefore: state.resubmitBefore,
    holds: state.holds,
    onHold: state.holds.length > 0,
    submittedAt: state.submittedAt,
    decidedAt: state.decidedAt,
    version: state.version,
  };
}
