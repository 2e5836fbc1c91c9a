/*
 * Decision streams for the decision specs (pure): requested, issued, failed, revoked.
 */
import {
  CAMPAIGN_ID,
  DECISION_ID,
  GIAY_KHEN,
  HEAD,
  NOW,
  REQUEST_ID,
  campaign,
  dossier,
  facts,
} from '../quota/award.spec-fixture';
import { decideDecide } from './decide/decide.decide';
import type { DecisionEvent } from './decision.events';
import { foldDecision, initialDecisionState, type Decision } from './decision.state';

/** The DecisionRequested of a decision of these dossiers. */
export function requested(nominationIds: string[], decisionId = DECISION_ID): DecisionEvent {
  const outcome = decideDecide(
    {
      type: 'Decide',
      decisionId,
      requestId: REQUEST_ID,
      campaignId: CAMPAIGN_ID,
      awardFormCode: GIAY_KHEN,
      nominationIds,
      decidedOn: '2021-05-20',
      actor: HEAD,
      now: NOW,
    },
    initialDecisionState(),
    facts(
      nominationIds.map((id) => dossier(id)),
      { campaign: campaign() },
    ),
  );
  const [event] = outcome.decision;
  if (!event) throw new Error('no request');
  return event;
}

/** The register's number 5 of 2021 with golden-book numbers from `firstGoldenBook`. */
export function issued(request: DecisionEvent, firstGoldenBook = 1): DecisionEvent {
  if (request.type !== 'DecisionRequested') throw new Error('not a request');
  const { by: _by, ...content } = request.data;
  return {
    type: 'DecisionIssued',
    data: {
      ...content,
      awardees: content.awardees.map((awardee, index) => ({
        ...awardee,
        goldenBookNumber: firstGoldenBook + index,
      })),
      number: '05/QĐ-SKHCN',
      registerNumber: 5,
      year: 2021,
      assignedAt: '2021-05-20T02:00:01.000Z',
      at: '2021-05-20T02:00:01.000Z',
    },
  };
}

/** A decision after these events (it must exist). */
export function decision(...events: DecisionEvent[]): Decision {
  const state = foldDecision(events);
  if (state.status === 'none') throw new Error('no decision');
  return state;
}
