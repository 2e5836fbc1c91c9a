import {
  REVIEW_DECISION_ISSUED_V1,
  REVIEW_DECISION_REVOKED_V1,
  REVIEW_EVENTS,
  REVIEW_NUMBER_REQUESTED_V1,
  REVIEW_PROPOSAL_ISSUED_V1,
  REVIEW_PROPOSAL_OUTCOME_RECORDED_V1,
} from '@ttkt/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { awardContractEvents } from './awards.published';
import {
  issued as decisionIssued,
  requested as decisionRequested,
} from './decisions/decision.spec-fixture';
import { decideRevokeDecision } from './decisions/revoke-decision/revoke-decision.decide';
import { decision } from './decisions/decision.spec-fixture';
import { decideProposalOutcome } from './proposals/proposal-outcome/proposal-outcome.decide';
import {
  issued as proposalIssued,
  proposal,
  requested as proposalRequested,
} from './proposals/proposal.spec-fixture';
import { DECISION_ID, HEAD, NOW, PROPOSAL_ID, taken } from './quota/award.spec-fixture';

/** The payload mapped from a stored event, checked against its contract class. */
function mapped(event: { type: string; data: unknown }): { type: string; data: object } {
  const [payload, ...more] = awardContractEvents(event);
  expect(more).toEqual([]);
  if (!payload) throw new Error(`${event.type} is not published`);
  const contract = REVIEW_EVENTS[payload.type];
  if (!contract) throw new Error(`${payload.type} is not a review contract`);
  const errors = validateSync(plainToInstance(contract, payload.data), {
    forbidUnknownValues: true,
  });
  expect(errors).toEqual([]);
  return payload;
}

describe('the awards’ published events', () => {
  const request = decisionRequested(['a', 'b']);
  const issued = decisionIssued(request, 7);

  it('asks the register for a QĐ number for a decision, in the year of its date', () => {
    expect(mapped(request)).toEqual({
      type: REVIEW_NUMBER_REQUESTED_V1,
      data: {
        requestId: 'req-1',
        agencyId: 'skhcn-bac-kan',
        agencyCode: 'SKHCN',
        documentKind: 'QĐ',
        issuedOn: '2021-05-20',
        requesterKind: 'decision',
        requesterId: DECISION_ID,
      },
    });
  });

  it('publishes the issued decision with its awardees’ golden-book numbers', () => {
    const payload = mapped(issued);
    expect(payload.type).toBe(REVIEW_DECISION_ISSUED_V1);
    expect(payload.data).toEqual(
      expect.objectContaining({
        decisionId: DECISION_ID,
        number: '05/QĐ-SKHCN',
        registerNumber: 5,
        year: 2021,
        planNumber: '27/KH-SKHCN',
        sessionId: 'session-1',
        awardees: [
          expect.objectContaining({ nominationId: 'a', goldenBookNumber: 7 }) as unknown,
          expect.objectContaining({ nominationId: 'b', goldenBookNumber: 8 }) as unknown,
        ],
      }),
    );
  });

  it('publishes a revocation with the number the register marks revoked', () => {
    const [revoked] = decideRevokeDecision(
      { type: 'RevokeDecision', decisionId: DECISION_ID, reason: 'Sai sót', actor: HEAD, now: NOW },
      decision(request, issued),
    );
    if (!revoked) throw new Error('no revocation');
    expect(mapped(revoked)).toEqual({
      type: REVIEW_DECISION_REVOKED_V1,
      data: expect.objectContaining({
        number: '05/QĐ-SKHCN',
        reason: 'Sai sót',
        nominationIds: ['a', 'b'],
      }) as unknown,
    });
  });

  it('asks for a TTr number for a proposal, then publishes it sent and its outcome', () => {
    const asked = proposalRequested(['a', 'b']);
    expect(mapped(asked).data).toEqual(
      expect.objectContaining({
        documentKind: 'TTr',
        requesterKind: 'proposal',
        requesterId: PROPOSAL_ID,
      }),
    );
    const sent = proposalIssued(asked);
    expect(mapped(sent)).toEqual({
      type: REVIEW_PROPOSAL_ISSUED_V1,
      data: expect.objectContaining({ number: '06/TTr-SKHCN', to: 'Sở Nội vụ' }) as unknown,
    });
    const [outcome] = decideProposalOutcome(
      {
        type: 'RecordProposalOutcome',
        proposalId: PROPOSAL_ID,
        approvedNominationIds: ['a'],
        decisionNumber: '99/QĐ-UBND',
        decidedOn: '2021-05-20',
        withdrawnNominationIds: [],
        actor: HEAD,
        now: NOW,
      },
      proposal(asked, sent),
    );
    if (!outcome) throw new Error('no outcome');
    expect(mapped(outcome)).toEqual({
      type: REVIEW_PROPOSAL_OUTCOME_RECORDED_V1,
      data: expect.objectContaining({
        approvedNominationIds: ['a'],
        notApprovedNominationIds: ['b'],
      }) as unknown,
    });
  });

  it('keeps the ledgers, the golden book, failures and other areas’ events inside', () => {
    expect(awardContractEvents(taken('d', ['a']))).toEqual([]);
    expect(
      awardContractEvents({
        type: 'DecisionFailed',
        data: {
          decisionId: DECISION_ID,
          campaignId: 'c',
          requestId: 'r',
          code: 'x',
          params: {},
          at: NOW.toISOString(),
        },
      }),
    ).toEqual([]);
    expect(awardContractEvents({ type: 'DossierAccepted', data: {} })).toEqual([]);
    expect(awardContractEvents({ type: 'GoldenBookNumbersAssigned', data: {} })).toEqual([]);
  });
});
