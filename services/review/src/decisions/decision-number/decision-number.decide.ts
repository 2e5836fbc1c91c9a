import type { GoldenBookEntry } from '../../golden-book/golden-book.events';
import type { DecisionEvent } from '../decision.events';
import type { DecisionState } from '../decision.state';

/** The register numbered a decision's request. */
export interface RecordDecisionNumber {
  type: 'RecordDecisionNumber';
  requestId: string;
  /** As printed (`05/QĐ-SKHCN`). */
  formatted: string;
  number: number;
  year: number;
  assignedAt: string;
  /** The awardees' golden-book numbers (given in the same transaction). */
  goldenBook: readonly GoldenBookEntry[];
  /** The requested awardees whose dossiers were withdrawn meanwhile (read by the caller). */
  withdrawnNominationIds: readonly string[];
  now: Date;
}

/** The register refused a decision's request. */
export interface RecordDecisionRefusal {
  type: 'RecordDecisionRefusal';
  requestId: string;
  code: string;
  params: Record<string, string | number | boolean | null>;
  now: Date;
}

/** True when the decision waits for the register's answer to this request. */
export function awaitsAnswer(state: DecisionState, requestId: string): boolean {
  return state.status === 'issuing' && state.requestId === requestId;
}

/**
 * The number of the current request issues the decision, each awardee with its golden-book
 * number; the dossiers withdrawn while it waited are left out of the awardees (they get no
 * golden-book number: the caller gives numbers to the others only). The decision is issued even
 * when none is left: the register's number is taken and must show in the decision's history. An
 * answer to no current request (a redelivery) changes nothing.
 */
export function decideDecisionNumber(
  command: RecordDecisionNumber,
  state: DecisionState,
): DecisionEvent[] {
  if (state.status === 'none' || !awaitsAnswer(state, command.requestId)) return [];
  const numbers = new Map(command.goldenBook.map((entry) => [entry.nominationId, entry.number]));
  const withdrawn = new Set(command.withdrawnNominationIds);
  return [
    {
      type: 'DecisionIssued',
      data: {
        decisionId: state.decisionId,
        campaignId: state.campaignId,
        agencyId: state.agencyId,
        agencyCode: state.agencyCode,
        awardFormCode: state.awardFormCode,
        awardFormName: state.awardFormName,
        decidedOn: state.decidedOn,
        planNumber: state.planNumber,
        planTitle: state.planTitle,
        planIssuedOn: state.planIssuedOn,
        signer: state.signer,
        recipients: state.recipients,
        awardees: state.awardees
          .filter((awardee) => !withdrawn.has(awardee.nominationId))
          .map((awardee) => ({
            ...awardee,
            goldenBookNumber: numbers.get(awardee.nominationId) ?? null,
          })),
        sessionId: state.sessionId,
        withdrawnNominationIds: state.awardees
          .map((awardee) => awardee.nominationId)
          .filter((nominationId) => withdrawn.has(nominationId)),
        requestId: command.requestId,
        number: command.formatted,
        registerNumber: command.number,
        year: command.year,
        assignedAt: command.assignedAt,
        at: command.now.toISOString(),
      },
    },
  ];
}

/** A refusal of the current request fails the decision; any other is moot. */
export function decideDecisionRefusal(
  command: RecordDecisionRefusal,
  state: DecisionState,
): DecisionEvent[] {
  if (state.status === 'none' || !awaitsAnswer(state, command.requestId)) return [];
  return [
    {
      type: 'DecisionFailed',
      data: {
        decisionId: state.decisionId,
        campaignId: state.campaignId,
        requestId: command.requestId,
        code: command.code,
        params: command.params,
        at: command.now.toISOString(),
      },
    },
  ];
}
