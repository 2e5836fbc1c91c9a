import { DECISION_ID, NOW, REQUEST_ID } from '../../quota/award.spec-fixture';
import { decision, issued, requested } from '../decision.spec-fixture';
import { toDecisionView } from '../decision.state';
import {
  decideDecisionNumber,
  decideDecisionRefusal,
  type RecordDecisionNumber,
  type RecordDecisionRefusal,
} from './decision-number.decide';

const number: RecordDecisionNumber = {
  type: 'RecordDecisionNumber',
  requestId: REQUEST_ID,
  formatted: '05/QĐ-SKHCN',
  number: 5,
  year: 2021,
  assignedAt: '2021-05-20T02:00:01.000Z',
  goldenBook: [
    { nominationId: 'a', number: 41 },
    { nominationId: 'b', number: 42 },
  ],
  withdrawnNominationIds: [],
  now: NOW,
};

const refusal: RecordDecisionRefusal = {
  type: 'RecordDecisionRefusal',
  requestId: REQUEST_ID,
  code: 'validation-failed',
  params: {},
  now: NOW,
};

describe('the register’s answer to a decision', () => {
  const request = requested(['a', 'b']);

  it('issues the decision with its number and the awardees’ golden-book numbers', () => {
    const events = decideDecisionNumber(number, decision(request));
    expect(events).toEqual([
      {
        type: 'DecisionIssued',
        data: expect.objectContaining({
          decisionId: DECISION_ID,
          requestId: REQUEST_ID,
          number: '05/QĐ-SKHCN',
          registerNumber: 5,
          year: 2021,
          awardees: [
            expect.objectContaining({ nominationId: 'a', goldenBookNumber: 41 }),
            expect.objectContaining({ nominationId: 'b', goldenBookNumber: 42 }),
          ],
        }) as unknown,
      },
    ]);
    const view = toDecisionView(decision(request, ...events));
    expect(view).toEqual(
      expect.objectContaining({
        status: 'issued',
        number: '05/QĐ-SKHCN',
        version: 2,
        refusal: null,
      }),
    );
  });

  it('leaves a dossier withdrawn while the decision waited out of the awardees', () => {
    const [event] = decideDecisionNumber(
      { ...number, goldenBook: [{ nominationId: 'b', number: 41 }], withdrawnNominationIds: ['a'] },
      decision(request),
    );
    if (event?.type !== 'DecisionIssued') throw new Error('not issued');
    expect(event.data.awardees).toEqual([
      expect.objectContaining({ nominationId: 'b', goldenBookNumber: 41 }),
    ]);
    expect(event.data.withdrawnNominationIds).toEqual(['a']);
    expect(toDecisionView(decision(request, event)).awardees.map((a) => a.nominationId)).toEqual([
      'b',
    ]);
  });

  it('issues the decision with no awardee when every dossier was withdrawn: its number is taken', () => {
    const [event] = decideDecisionNumber(
      { ...number, goldenBook: [], withdrawnNominationIds: ['a', 'b'] },
      decision(request),
    );
    if (event?.type !== 'DecisionIssued') throw new Error('not issued');
    expect(event.data).toEqual(
      expect.objectContaining({
        number: '05/QĐ-SKHCN',
        awardees: [],
        withdrawnNominationIds: ['a', 'b'],
      }),
    );
    expect(toDecisionView(decision(request, event)).status).toBe('issued');
  });

  it('records nothing for a redelivered number, nor for another request', () => {
    expect(decideDecisionNumber(number, decision(request, issued(request)))).toEqual([]);
    expect(decideDecisionNumber({ ...number, requestId: 'other' }, decision(request))).toEqual([]);
  });

  it('fails the decision on a refusal, with the code', () => {
    const events = decideDecisionRefusal(refusal, decision(request));
    expect(events).toEqual([
      {
        type: 'DecisionFailed',
        data: expect.objectContaining({
          requestId: REQUEST_ID,
          code: 'validation-failed',
        }) as unknown,
      },
    ]);
    const view = toDecisionView(decision(request, ...events));
    expect(view).toEqual(
      expect.objectContaining({ status: 'failed', refusal: 'validation-failed' }),
    );
  });

  it('ignores a refusal once issued', () => {
    expect(decideDecisionRefusal(refusal, decision(request, issued(request)))).toEqual([]);
  });
});
