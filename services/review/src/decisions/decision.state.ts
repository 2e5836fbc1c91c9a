import type { DecisionStatus, DecisionView } from '@ttkt/contracts';
import type { AwardActor, DecisionContent, DecisionEvent } from './decision.events';

/** A decision as its stream folds. */
export interface Decision extends DecisionContent {
  status: DecisionStatus;
  /** The current register request. */
  requestId: string;
  /** Who decided (the agency head). */
  requestedBy: AwardActor | null;
  number: string | null;
  registerNumber: number | null;
  year: number | null;
  refusal: string | null;
  revocation: { reason: string; at: string; by: AwardActor | null } | null;
  createdAt: string;
  version: number;
}

/** A decision's state: none until requested. */
export type DecisionState = { status: 'none' } | Decision;

/** The state of a stream with no events. */
export function initialDecisionState(): DecisionState {
  return { status: 'none' };
}

/** Applies one stored event (total: stored events are facts). */
export function evolveDecision(state: DecisionState, event: DecisionEvent): DecisionState {
  if (event.type === 'DecisionRequested') {
    const { requestId, at, by, ...content } = event.data;
    return {
      ...content,
      status: 'issuing',
      requestId,
      requestedBy: by,
      number: null,
      registerNumber: null,
      year: null,
      refusal: null,
      revocation: null,
      createdAt: at,
      version: (state.status === 'none' ? 0 : state.version) + 1,
    };
  }
  if (state.status === 'none') return state;
  const version = state.version + 1;
  switch (event.type) {
    case 'DecisionIssued': {
      const { data } = event;
      return {
        ...state,
        status: 'issued',
        awardees: data.awardees,
        number: data.number,
        registerNumber: data.registerNumber,
        year: data.year,
        version,
      };
    }
    case 'DecisionFailed':
      return { ...state, status: 'failed', refusal: event.data.code, version };
    case 'DecisionRevoked':
      return {
        ...state,
        status: 'revoked',
        revocation: { reason: event.data.reason, at: event.data.at, by: event.data.by },
        version,
      };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/** The state after some events. */
export function foldDecision(
  events: readonly DecisionEvent[],
  state: DecisionState = initialDecisionState(),
): DecisionState {
  return events.reduce(evolveDecision, state);
}

/** The decision as the API shows it. */
export function toDecisionView(decision: Decision): DecisionView {
  return {
    id: decision.decisionId,
    campaignId: decision.campaignId,
    agencyId: decision.agencyId,
    awardFormCode: decision.awardFormCode,
    awardFormName: decision.awardFormName,
    status: decision.status,
    number: decision.number,
    decidedOn: decision.decidedOn,
    signer: decision.signer,
    recipients: decision.recipients,
    awardees: decision.awardees,
    refusal: decision.refusal,
    revocation:
      decision.revocation === null
        ? null
        : {
            reason: decision.revocation.reason,
            at: decision.revocation.at,
            byUserId: decision.revocation.by?.id ?? '',
          },
    createdAt: decision.createdAt,
    version: decision.version,
  };
}
