import { refusalOf } from '@ttkt/testing';
import { decideAssignNumber, type AssignNumber } from '../assign-number/assign-number.decide';
import { decideVoidNumber } from '../void-number/void-number.decide';
import type { RegisterEvent } from '../register.events';
import { evolveRegister, initialRegisterState } from '../register.state';
import { decideRevokeNumber, type RevokeNumber } from './revoke-number.decide';

const DECISION_ID = '6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f';
const now = new Date('2021-11-20T03:00:00.000Z');
const command: RevokeNumber = {
  type: 'RevokeNumber',
  number: 28,
  decisionId: DECISION_ID,
  reason: 'Hồ sơ khen thưởng không trung thực',
  now,
};

function given(events: RegisterEvent[]) {
  return events.reduce(evolveRegister, initialRegisterState());
}

function assigned(
  number: number,
  requestedBy: { kind: string; id: string },
  documentKind: 'KH' | 'QĐ' = 'QĐ',
): RegisterEvent {
  return {
    type: 'NumberAssigned',
    data: {
      agencyId: 'skhcn-bac-kan',
      year: 2021,
      number,
      symbol: `${documentKind}-SKHCN`,
      formatted: `${number}/${documentKind}-SKHCN`,
      documentKind,
      agencyCode: 'SKHCN',
      requestId: `request-${number}`,
      requestedBy,
      issuedOn: '2021-11-02',
      assignedAt: '2021-11-02T02:00:00.000Z',
    },
  };
}

const decision28 = assigned(28, { kind: 'decision', id: DECISION_ID });

describe('revoking the number of a revoked decision', () => {
  describe('after 28 was assigned to the decision', () => {
    const state = given([assigned(27, { kind: 'campaign', id: 'c-1' }, 'KH'), decision28]);

    it('records the revocation with Thu hồi: <reason> and the clock’s instant', () => {
      expect(decideRevokeNumber(command, state)).toEqual([
        {
          type: 'NumberRevoked',
          data: {
            agencyId: 'skhcn-bac-kan',
            year: 2021,
            number: 28,
            formatted: '28/QĐ-SKHCN',
            requestId: 'request-28',
            requestedBy: { kind: 'decision', id: DECISION_ID },
            reason: 'Thu hồi: Hồ sơ khen thưởng không trung thực',
            revokedAt: '2021-11-20T03:00:00.000Z',
          },
        },
      ]);
    });

    it('stores the reason trimmed and in NFC, whatever form it was sent in', () => {
      const nfd = command.reason.normalize('NFD');
      const [event] = decideRevokeNumber({ ...command, reason: `  ${nfd} ` }, state);
      expect(event?.data).toMatchObject({
        reason: `Thu hồi: ${command.reason}`.normalize('NFC'),
      });
    });

    it('refuses a blank reason as validation-failed at the path reason', () => {
      expect(
        refusalOf(() => decideRevokeNumber({ ...command, reason: '  ' }, state)).toPayload(),
      ).toEqual({ code: 'validation-failed', errors: [{ path: 'reason', message: 'isNotEmpty' }] });
    });

    it('keeps the line, marked revoked beside its assignment, and never gives 28 again', () => {
      const after = given([decision28, ...decideRevokeNumber(command, state)]);
      expect(after.numbers.get(28)).toEqual({
        status: 'revoked',
        assignment: (decision28 as Extract<RegisterEvent, { type: 'NumberAssigned' }>).data,
        reason: 'Thu hồi: Hồ sơ khen thưởng không trung thực',
        revokedAt: '2021-11-20T03:00:00.000Z',
      });
      expect(after.highestNumber).toBe(28);
      const next: AssignNumber = {
        type: 'AssignNumber',
        agencyId: 'skhcn-bac-kan',
        year: 2021,
        documentKind: 'QĐ',
        agencyCode: 'SKHCN',
        requestId: 'another-decision',
        requestedBy: { kind: 'decision', id: 'another' },
        issuedOn: '2021-11-21',
        now,
      };
      expect(decideAssignNumber(next, after)[0]).toMatchObject({ data: { number: 29 } });
      expect(
        refusalOf(() => decideAssignNumber({ ...next, requestedNumber: 28 }, after)).code,
      ).toBe('register-number-taken');
    });

    it('gives the decision’s request, redelivered after the revocation, no second number', () => {
      const after = given([decision28, ...decideRevokeNumber(command, state)]);
      const redelivered: AssignNumber = {
        type: 'AssignNumber',
        agencyId: 'skhcn-bac-kan',
        year: 2021,
        documentKind: 'QĐ',
        agencyCode: 'SKHCN',
        requestId: 'request-28',
        requestedBy: { kind: 'decision', id: DECISION_ID },
        issuedOn: '2021-11-02',
        now,
      };
      expect(decideAssignNumber(redelivered, after)).toEqual([]);
    });

    it('refuses as invalid-state to void the revoked number: its decision was issued', () => {
      const after = given([decision28, ...decideRevokeNumber(command, state)]);
      expect(
        refusalOf(() =>
          decideVoidNumber({ type: 'VoidNumber', number: 28, reason: 'Nhầm', now }, after),
        ).toPayload(),
      ).toEqual({ code: 'invalid-state', params: { number: 28, status: 'revoked' } });
    });
  });

  describe('when the number is not the decision’s', () => {
    it('refuses as invalid-state a number assigned to another decision', () => {
      const state = given([assigned(28, { kind: 'decision', id: 'other-decision' })]);
      expect(refusalOf(() => decideRevokeNumber(command, state)).toPayload()).toEqual({
        code: 'invalid-state',
        params: { number: 28, decisionId: DECISION_ID },
      });
    });

    it('refuses as invalid-state a number held by a campaign or a proposal of the same id', () => {
      for (const kind of ['campaign', 'proposal']) {
        const state = given([assigned(28, { kind, id: DECISION_ID })]);
        expect(refusalOf(() => decideRevokeNumber(command, state)).code).toBe('invalid-state');
      }
    });

    it('refuses as not-found a number never assigned', () => {
      expect(refusalOf(() => decideRevokeNumber(command, given([]))).toPayload()).toEqual({
        code: 'not-found',
        params: { number: 28 },
      });
    });

    it('refuses as invalid-state a voided number: no decision was issued under it', () => {
      const state = given([decision28]);
      const voided = given([
        decision28,
        ...decideVoidNumber({ type: 'VoidNumber', number: 28, reason: 'Huỷ', now }, state),
      ]);
      expect(refusalOf(() => decideRevokeNumber(command, voided)).toPayload()).toEqual({
        code: 'invalid-state',
        params: { number: 28, status: 'voided' },
      });
    });
  });

  describe('after 28 was revoked', () => {
    const once = given([decision28, ...decideRevokeNumber(command, given([decision28]))]);

    it('records nothing for a second revocation, whatever its reason', () => {
      expect(decideRevokeNumber(command, once)).toEqual([]);
      expect(decideRevokeNumber({ ...command, reason: 'Lần nữa' }, once)).toEqual([]);
    });

    it('still refuses another decision’s revocation of it', () => {
      expect(
        refusalOf(() => decideRevokeNumber({ ...command, decisionId: 'other' }, once)).code,
      ).toBe('invalid-state');
    });
  });
});
