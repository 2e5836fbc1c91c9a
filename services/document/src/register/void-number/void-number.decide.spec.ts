import { refusalOf } from '@ttkt/testing';
import type { RegisterEvent } from '../register.events';
import { evolveRegister, initialRegisterState } from '../register.state';
import {
  decideVoidNumber,
  decideVoidRequestNumber,
  type VoidNumber,
  type VoidRequestNumber,
} from './void-number.decide';

const now = new Date('2021-04-01T03:00:00.000Z');
const command: VoidNumber = {
  type: 'VoidNumber',
  number: 27,
  reason: 'Kế hoạch không được ban hành',
  now,
};

function given(events: RegisterEvent[]) {
  return events.reduce(evolveRegister, initialRegisterState());
}

const assigned27: RegisterEvent = {
  type: 'NumberAssigned',
  data: {
    agencyId: 'skhcn-bac-kan',
    year: 2021,
    number: 27,
    symbol: 'KH-SKHCN',
    formatted: '27/KH-SKHCN',
    documentKind: 'KH',
    agencyCode: 'SKHCN',
    requestId: 'campaign-thi-dua-2021',
    requestedBy: { kind: 'user', id: 'giam-doc' },
    issuedOn: '2021-03-30',
    assignedAt: '2021-03-30T02:00:00.000Z',
  },
};

describe('voiding a register number', () => {
  describe('after 27 was assigned', () => {
    const state = given([assigned27]);

    it('records the void with its reason and the clock’s instant', () => {
      expect(decideVoidNumber(command, state)).toEqual([
        {
          type: 'NumberVoided',
          data: {
            agencyId: 'skhcn-bac-kan',
            year: 2021,
            number: 27,
            requestId: 'campaign-thi-dua-2021',
            reason: 'Kế hoạch không được ban hành',
            voidedAt: '2021-04-01T03:00:00.000Z',
          },
        },
      ]);
    });

    it('stores the reason in NFC, whatever form it was sent in', () => {
      const nfd = command.reason.normalize('NFD');
      const [event] = decideVoidNumber({ ...command, reason: ` ${nfd} ` }, state);
      expect(event?.data).toMatchObject({ reason: command.reason.normalize('NFC') });
    });

    it('refuses a blank reason as validation-failed at the path reason', () => {
      expect(
        refusalOf(() => decideVoidNumber({ ...command, reason: ' ' }, state)).toPayload(),
      ).toEqual({ code: 'validation-failed', errors: [{ path: 'reason', message: 'isNotEmpty' }] });
    });

    it('keeps the voided number’s assignment beside the reason in the register', () => {
      const after = given([assigned27, ...decideVoidNumber(command, state)]);
      expect(after.numbers.get(27)).toMatchObject({
        status: 'voided',
        reason: 'Kế hoạch không được ban hành',
        assignment: { formatted: '27/KH-SKHCN', requestId: 'campaign-thi-dua-2021' },
      });
      expect(after.highestNumber).toBe(27);
    });
  });

  describe('when the requester names its request', () => {
    const state = given([assigned27]);

    it('voids the number its request holds', () => {
      expect(
        decideVoidNumber({ ...command, requestId: 'campaign-thi-dua-2021' }, state),
      ).toHaveLength(1);
    });

    it('refuses as invalid-state to void a number another request holds', () => {
      expect(
        refusalOf(() => decideVoidNumber({ ...command, requestId: 'other' }, state)).toPayload(),
      ).toEqual({ code: 'invalid-state', params: { number: 27, requestId: 'other' } });
    });
  });

  describe('when the number was never assigned', () => {
    it('refuses as not-found', () => {
      expect(refusalOf(() => decideVoidNumber(command, given([]))).toPayload()).toEqual({
        code: 'not-found',
        params: { number: 27 },
      });
    });
  });

  describe('after 27 was voided', () => {
    it('records nothing for a second void', () => {
      const state = given([assigned27, ...decideVoidNumber(command, given([assigned27]))]);
      expect(decideVoidNumber({ ...command, reason: 'Lần nữa' }, state)).toEqual([]);
    });
  });
});

describe('voiding the number a cancelled request holds', () => {
  const cancel: VoidRequestNumber = {
    type: 'VoidRequestNumber',
    requestId: 'campaign-thi-dua-2021',
    reason: 'Huỷ ban hành: Ký nhầm ngày',
    now,
  };

  it('voids the request’s number with the reason', () => {
    expect(decideVoidRequestNumber(cancel, given([assigned27]))).toEqual([
      {
        type: 'NumberVoided',
        data: {
          agencyId: 'skhcn-bac-kan',
          year: 2021,
          number: 27,
          requestId: 'campaign-thi-dua-2021',
          reason: 'Huỷ ban hành: Ký nhầm ngày',
          voidedAt: '2021-04-01T03:00:00.000Z',
        },
      },
    ]);
  });

  it('changes nothing when the request holds no number, or its number is voided already', () => {
    expect(decideVoidRequestNumber(cancel, given([]))).toEqual([]);
    expect(
      decideVoidRequestNumber({ ...cancel, requestId: 'another' }, given([assigned27])),
    ).toEqual([]);
    const voidedByCancel = given([
      assigned27,
      ...decideVoidRequestNumber(cancel, given([assigned27])),
    ]);
    expect(decideVoidRequestNumber(cancel, voidedByCancel)).toEqual([]);
    // The campaign's release of the same number afterwards changes nothing either.
    expect(
      decideVoidNumber({ ...command, requestId: 'campaign-thi-dua-2021' }, voidedByCancel),
    ).toEqual([]);
  });
});
