import { MAX_REGISTER_NUMBER } from '@ttkt/contracts';
import { refusalOf } from '@ttkt/testing';
import { formatRegisterNumber } from '../format-register-number';
import type { RegisterEvent } from '../register.events';
import { evolveRegister, initialRegisterState } from '../register.state';
import {
  decideAssignNumber,
  decideNumberRequest,
  numberOfRequest,
  type AssignNumber,
} from './assign-number.decide';

const now = new Date('2021-03-30T02:00:00.000Z');
const plan: AssignNumber = {
  type: 'AssignNumber',
  agencyId: 'skhcn-bac-kan',
  year: 2021,
  documentKind: 'KH',
  agencyCode: 'SKHCN',
  requestId: 'campaign-thi-dua-2021',
  requestedBy: { kind: 'user', id: 'giam-doc' },
  issuedOn: '2021-03-30',
  now,
};

function given(events: RegisterEvent[]) {
  return events.reduce(evolveRegister, initialRegisterState());
}

function assigned(number: number, requestId = `campaign-${number}`): RegisterEvent {
  return {
    type: 'NumberAssigned',
    data: {
      agencyId: 'skhcn-bac-kan',
      year: 2021,
      number,
      symbol: 'KH-SKHCN',
      formatted: formatRegisterNumber(number, 'KH', 'SKHCN'),
      documentKind: 'KH',
      agencyCode: 'SKHCN',
      requestId,
      requestedBy: { kind: 'user', id: 'giam-doc' },
      issuedOn: '2021-03-01',
      assignedAt: '2021-03-01T02:00:00.000Z',
    },
  };
}

function voided(number: number): RegisterEvent {
  return {
    type: 'NumberVoided',
    data: {
      agencyId: 'skhcn-bac-kan',
      year: 2021,
      number,
      requestId: `campaign-${number}`,
      reason: 'Kế hoạch không được ban hành',
      voidedAt: '2021-03-02T02:00:00.000Z',
    },
  };
}

function numbersOf(events: RegisterEvent[]) {
  return events.map((event) => (event.type === 'NumberAssigned' ? event.data.formatted : event));
}

describe('assigning a register number', () => {
  describe('in a year with no numbers yet', () => {
    it('gives 01, with its symbol, the request and the clock’s instant', () => {
      expect(decideAssignNumber(plan, given([]))).toEqual([
        {
          type: 'NumberAssigned',
          data: {
            agencyId: 'skhcn-bac-kan',
            year: 2021,
            number: 1,
            symbol: 'KH-SKHCN',
            formatted: '01/KH-SKHCN',
            documentKind: 'KH',
            agencyCode: 'SKHCN',
            requestId: 'campaign-thi-dua-2021',
            requestedBy: { kind: 'user', id: 'giam-doc' },
            issuedOn: '2021-03-30',
            assignedAt: '2021-03-30T02:00:00.000Z',
          },
        },
      ]);
    });

    it('gives a requested number, leaving the numbers below it to paper', () => {
      expect(numbersOf(decideAssignNumber({ ...plan, requestedNumber: 27 }, given([])))).toEqual([
        '27/KH-SKHCN',
      ]);
    });

    it('refuses an issuedOn in another year as validation-failed at the path issuedOn', () => {
      for (const issuedOn of ['2020-12-31', '2022-01-01']) {
        expect(
          refusalOf(() => decideAssignNumber({ ...plan, issuedOn }, given([]))).toPayload(),
        ).toEqual({
          code: 'validation-failed',
          errors: [{ path: 'issuedOn', message: 'notInRegisterYear' }],
        });
      }
    });

    it('refuses an issuedOn that is no calendar date', () => {
      const refusal = refusalOf(() =>
        decideAssignNumber({ ...plan, issuedOn: '2021-02-29' }, given([])),
      );
      expect(refusal.errors).toEqual([{ path: 'issuedOn', message: 'isDateString' }]);
    });

    it('refuses a requested number that is not a positive integer', () => {
      for (const [requestedNumber, message] of [
        [0, 'min'],
        [-3, 'min'],
        [2.5, 'isInt'],
      ] as const) {
        const refusal = refusalOf(() =>
          decideAssignNumber({ ...plan, requestedNumber }, given([])),
        );
        expect(refusal.errors).toEqual([{ path: 'requestedNumber', message }]);
      }
    });
  });

  describe('after 27 was requested and assigned', () => {
    const state = given([assigned(27)]);

    it('gives 28 next', () => {
      expect(numbersOf(decideAssignNumber(plan, state))).toEqual(['28/KH-SKHCN']);
    });

    it('refuses 27 for another request as register-number-taken, recording nothing', () => {
      expect(
        refusalOf(() => decideAssignNumber({ ...plan, requestedNumber: 27 }, state)).toPayload(),
      ).toEqual({ code: 'register-number-taken', params: { number: 27 } });
    });

    it('gives a free lower number on request, and the next automatic one is still 28', () => {
      const five = decideAssignNumber({ ...plan, requestedNumber: 5 }, state);
      expect(numbersOf(five)).toEqual(['05/KH-SKHCN']);
      const next = decideAssignNumber(
        { ...plan, requestId: 'other' },
        given([assigned(27), ...five]),
      );
      expect(numbersOf(next)).toEqual(['28/KH-SKHCN']);
    });
  });

  describe('after 01 was assigned and voided', () => {
    const state = given([assigned(1), voided(1)]);

    it('never gives 01 again: 02 next, and 01 on request is register-number-taken', () => {
      expect(numbersOf(decideAssignNumber(plan, state))).toEqual(['02/KH-SKHCN']);
      expect(refusalOf(() => decideAssignNumber({ ...plan, requestedNumber: 1 }, state)).code).toBe(
        'register-number-taken',
      );
    });
  });

  describe('after the highest number, 28, was voided', () => {
    it('gives 29 next: a voided number still counts as used', () => {
      const state = given([assigned(27), assigned(28), voided(28)]);
      expect(numbersOf(decideAssignNumber(plan, state))).toEqual(['29/KH-SKHCN']);
    });
  });

  describe('when the request already holds a number', () => {
    const state = given([assigned(27, plan.requestId)]);

    it('records nothing for a retry, and numberOfRequest reads the number it holds', () => {
      expect(decideAssignNumber(plan, state)).toEqual([]);
      expect(numberOfRequest(state, plan.requestId)?.formatted).toBe('27/KH-SKHCN');
    });

    it('records nothing for a retry that names the number it holds', () => {
      expect(decideAssignNumber({ ...plan, requestedNumber: 27 }, state)).toEqual([]);
    });
  });

  describe('when the request’s number was voided', () => {
    it('gives the request a new number, the voided one staying voided', () => {
      const state = given([assigned(27, plan.requestId), voided(27)]);
      expect(numberOfRequest(state, plan.requestId)).toBeUndefined();
      expect(numbersOf(decideAssignNumber(plan, state))).toEqual(['28/KH-SKHCN']);
    });
  });

  describe('when the stream holds another agency’s or year’s register', () => {
    it('refuses as invalid-state rather than mixing two sequences', () => {
      const state = given([assigned(1)]);
      expect(refusalOf(() => decideAssignNumber({ ...plan, agencyId: 'other' }, state)).code).toBe(
        'invalid-state',
      );
      const nextYear = { ...plan, year: 2022, issuedOn: '2022-01-03' };
      expect(refusalOf(() => decideAssignNumber(nextYear, state)).code).toBe('invalid-state');
    });
  });
});

describe('numbering a decision and a proposal letter (review.number-requested.v1)', () => {
  const decision: AssignNumber = {
    ...plan,
    documentKind: 'QĐ',
    requestId: 'decision-request-1',
    requestedBy: { kind: 'decision', id: 'decision-1' },
    issuedOn: '2021-11-02',
  };
  const proposal: AssignNumber = {
    ...plan,
    documentKind: 'TTr',
    requestId: 'proposal-request-1',
    requestedBy: { kind: 'proposal', id: 'proposal-1' },
    issuedOn: '2021-11-03',
  };

  it('numbers them after the plan in the one sequence of the agency-year: 28/QĐ, 29/TTr', () => {
    const afterPlan = given([assigned(27)]);
    const qd = decideNumberRequest(decision, afterPlan);
    expect(qd).toEqual([
      {
        type: 'NumberAssigned',
        data: {
          agencyId: 'skhcn-bac-kan',
          year: 2021,
          number: 28,
          symbol: 'QĐ-SKHCN',
          formatted: '28/QĐ-SKHCN',
          documentKind: 'QĐ',
          agencyCode: 'SKHCN',
          requestId: 'decision-request-1',
          requestedBy: { kind: 'decision', id: 'decision-1' },
          issuedOn: '2021-11-02',
          assignedAt: '2021-03-30T02:00:00.000Z',
        },
      },
    ]);
    const ttr = decideNumberRequest(proposal, given([assigned(27), ...qd]));
    expect(numbersOf(ttr)).toEqual(['29/TTr-SKHCN']);
    expect(ttr[0]?.data).toMatchObject({ requestedBy: { kind: 'proposal', id: 'proposal-1' } });
  });

  it('gives a redelivered decision request no second number', () => {
    const qd = decideNumberRequest(decision, given([assigned(27)]));
    expect(decideNumberRequest(decision, given([assigned(27), ...qd]))).toEqual([]);
  });
});

describe('answering a request for a number from another service', () => {
  it('assigns as decideAssignNumber does', () => {
    expect(numbersOf(decideNumberRequest(plan, given([assigned(1)])))).toEqual(['02/KH-SKHCN']);
  });

  it('records a requested number already used as NumberRefused, register-number-taken', () => {
    const state = given([assigned(27)]);
    const events = decideNumberRequest({ ...plan, requestedNumber: 27 }, state);
    expect(events).toEqual([
      {
        type: 'NumberRefused',
        data: {
          agencyId: 'skhcn-bac-kan',
          year: 2021,
          requestId: 'campaign-thi-dua-2021',
          requestedBy: { kind: 'user', id: 'giam-doc' },
          documentKind: 'KH',
          requestedNumber: 27,
          code: 'register-number-taken',
          params: { number: 27 },
          errors: [],
          refusedAt: '2021-03-30T02:00:00.000Z',
        },
      },
    ]);
    const after = events.reduce(evolveRegister, state);
    expect(after).toEqual(state);
    expect(numbersOf(decideAssignNumber({ ...plan, requestId: 'next' }, after))).toEqual([
      '28/KH-SKHCN',
    ]);
  });

  it('records a voided number requested again as NumberRefused too', () => {
    const state = given([assigned(1), voided(1)]);
    const [event] = decideNumberRequest({ ...plan, requestedNumber: 1 }, state);
    expect(event).toMatchObject({ type: 'NumberRefused', data: { code: 'register-number-taken' } });
  });

  it('records a malformed request as NumberRefused, validation-failed, with its issues', () => {
    const [event] = decideNumberRequest({ ...plan, issuedOn: '2021-02-29' }, given([]));
    expect(event).toMatchObject({
      type: 'NumberRefused',
      data: {
        code: 'validation-failed',
        requestedNumber: null,
        params: {},
        errors: [{ path: 'issuedOn', message: 'isDateString' }],
      },
    });
  });

  it('records nothing for a request that already holds its number', () => {
    expect(decideNumberRequest(plan, given([assigned(5, plan.requestId)]))).toEqual([]);
  });

  it('refuses a requested number above the largest, recording NumberRefused at requestedNumber', () => {
    for (const requestedNumber of [MAX_REGISTER_NUMBER + 1, 9007199254740991, 2 ** 60]) {
      const [event] = decideNumberRequest({ ...plan, requestedNumber }, given([]));
      expect(event).toMatchObject({
        type: 'NumberRefused',
        data: {
          code: 'validation-failed',
          requestedNumber,
          errors: [{ path: 'requestedNumber', message: 'max' }],
        },
      });
    }
    expect(
      decideNumberRequest({ ...plan, requestedNumber: MAX_REGISTER_NUMBER }, given([]))[0],
    ).toMatchObject({ type: 'NumberAssigned', data: { number: MAX_REGISTER_NUMBER } });
  });

  it('refuses the next number once the largest was used, never throwing a RangeError', () => {
    for (const highest of [MAX_REGISTER_NUMBER, 9007199254740991]) {
      const full = given([assigned(highest)]);
      let events: RegisterEvent[] = [];
      expect(() => (events = decideNumberRequest(plan, full))).not.toThrow();
      expect(events).toMatchObject([
        {
          type: 'NumberRefused',
          data: {
            code: 'validation-failed',
            requestedNumber: null,
            errors: [{ path: 'number', message: 'max' }],
          },
        },
      ]);
    }
  });

  it('throws validation-failed for a year no register holds: no answer could carry it', () => {
    expect(
      refusalOf(() =>
        decideNumberRequest({ ...plan, year: 1899, issuedOn: '1899-12-31' }, given([])),
      ).errors,
    ).toEqual([{ path: 'issuedOn', message: 'minDate' }]);
    expect(
      refusalOf(() =>
        decideNumberRequest({ ...plan, year: 3000, issuedOn: '3000-01-01' }, given([])),
      ).errors,
    ).toEqual([{ path: 'issuedOn', message: 'maxDate' }]);
  });

  it('still throws invalid-state for a stream of another register', () => {
    expect(
      refusalOf(() => decideNumberRequest({ ...plan, agencyId: 'other' }, given([assigned(1)])))
        .code,
    ).toBe('invalid-state');
  });
});
