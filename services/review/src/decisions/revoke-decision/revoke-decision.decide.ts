import { DomainError } from '@ttkt/contracts';
import type { AwardActor, DecisionEvent } from '../decision.events';
import type { DecisionState } from '../decision.state';

/** The agency head revokes an issued decision. */
export interface RevokeDecision {
  type: 'RevokeDecision';
  decisionId: string;
  reason: string;
  actor: AwardActor | null;
  now: Date;
}

/**
 * Only an issued decision is revoked (`not-found` for none, `invalid-state` otherwise), for a
 * reason that is not blank once trimmed (`validation-failed` at `reason`: the register prints it
 * beside the revoked number); the reason is kept in NFC, trimmed. Its places come back and its
 * dossiers return to `approved` in the same transaction (the caller's), and the register marks
 * its number revoked.
 */
export function decideRevokeDecision(
  command: RevokeDecision,
  state: DecisionState,
): DecisionEvent[] {
  if (state.status === 'none')
    throw new DomainError('not-found', { decisionId: command.decisionId });
  const reason = command.reason.normalize('NFC').trim();
  if (reason === '') {
    throw new DomainError('validation-failed', {}, [{ path: 'reason', message: 'isNotEmpty' }]);
  }
  if (
    state.status !== 'issued' ||
    state.number === null ||
    state.registerNumber === null ||
    state.year === null
  ) {
    throw new DomainError('invalid-state', { decisionId: state.decisionId, status: state.status });
  }
  return [
    {
      type: 'DecisionRevoked',
      data: {
        decisionId: state.decisionId,
        campaignId: state.campaignId,
        agencyId: state.agencyId,
        awardFormCode: state.awardFormCode,
        number: state.number,
        registerNumber: state.registerNumber,
        year: state.year,
        reason,
        nominationIds: state.awardees.map((awardee) => awardee.nominationId),
        at: command.now.toISOString(),
        by: command.actor,
      },
    },
  ];
}
