import { DomainError, type NomineeSnapshot } from '@ttkt/contracts';
import type { DossierActor, DossierEvent, DossierNomineeRef } from '../dossier.events';
import type { DossierState } from '../dossier.state';

/** A submission (or resubmission) as `nomination.submitted.v1` tells it. */
export interface ReceiveDossier {
  type: 'ReceiveDossier';
  nominationId: string;
  campaignId: string;
  agencyId: string;
  awardFormCode: string;
  nominatingUnitId: string;
  nomineeRef: DossierNomineeRef;
  nominee: NomineeSnapshot;
  achievementSummary: string;
  resubmission: boolean;
  /** The submission's instant. */
  at: string;
  by: DossierActor | null;
}

/** A withdrawal as `nomination.withdrawn.v1` tells it. */
export interface RecordWithdrawal {
  type: 'RecordWithdrawal';
  nominationId: string;
  reason: string;
  /** The dossier's status in the nomination service before the withdrawal. */
  previousStatus: string;
  at: string;
  by: DossierActor | null;
}

/**
 * A submission reaches review: a first one opens the dossier (`submitted`), a resubmission
 * reopens a returned one with the nominee and summary as now submitted. Anything else (a
 * redelivery, a submission after a withdrawal, a stale one) records nothing: these are facts of
 * the nomination service, never refused.
 */
export function decideReceive(state: DossierState, command: ReceiveDossier): DossierEvent[] {
  if (state.status !== 'none' && state.status !== 'returned') return [];
  return [
    {
      type: 'DossierReceived',
      data: {
        nominationId: command.nominationId,
        campaignId: command.campaignId,
        at: command.at,
        by: command.by,
        agencyId: command.agencyId,
        awardFormCode: command.awardFormCode,
        nominatingUnitId: command.nominatingUnitId,
        nomineeRef: command.nomineeRef,
        nominee: command.nominee,
        achievementSummary: command.achievementSummary,
        resubmission: command.resubmission,
      },
    },
  ];
}

/**
 * The unit withdrew the dossier: recorded on a dossier review has received and not already
 * withdrawn. A draft withdrawn before submission never reached review: nothing to record. A
 * withdrawal of a submitted dossier that overtook its submission (two messages of one stream may
 * arrive out of order after a retry) fails, so the consumer delivers it again once the submission
 * is in; it is never dropped.
 */
export function decideWithdrawal(state: DossierState, command: RecordWithdrawal): DossierEvent[] {
  if (state.status === 'none') {
    if (command.previousStatus === 'draft') return [];
    throw new DomainError('invalid-state', {
      nominationId: command.nominationId,
      status: 'none',
      reason: 'withdrawal-before-submission',
    });
  }
  if (state.status === 'withdrawn') return [];
  return [
    {
      type: 'DossierWithdrawn',
      data: {
        nominationId: state.nominationId,
        campaignId: state.campaignId,
        at: command.at,
        by: command.by,
        reason: command.reason,
      },
    },
  ];
}
