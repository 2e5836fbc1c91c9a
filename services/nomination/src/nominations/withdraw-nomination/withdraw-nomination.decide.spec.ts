import { refusalOf } from '@ttkt/testing';
import {
  ACTOR,
  NOMINATION_ID,
  at,
  given,
  history,
  submittedThen,
  then,
} from '../nomination.spec-fixture';
import type { ExistingNomination } from '../nomination.state';
import { decideWithdraw, type WithdrawNomination } from './withdraw-nomination.decide';

const command: WithdrawNomination = {
  type: 'WithdrawNomination',
  nominationId: NOMINATION_ID,
  reason: 'Đơn vị rút hồ sơ'.normalize('NFD'),
  actor: ACTOR,
  now: at('2021-05-06T09:00:00+07:00'),
};

describe('withdrawing before a decision', () => {
  it.each([
    ['draft', () => given([history.drafted()])],
    ['submitted', () => submittedThen()],
    ['returned', () => submittedThen(history.returned())],
    ['accepted', () => submittedThen(history.accepted())],
    ['approved', () => submittedThen(history.accepted(), history.approved())],
    ['proposed', () => submittedThen(history.accepted(), history.approved(), history.proposed())],
  ])('withdraws a %s dossier, with the reason in NFC', (_status, state) => {
    const before = state();
    const events = decideWithdraw(command, before);
    expect(events).toEqual([
      {
        type: 'NominationWithdrawn',
        data: {
          nominationId: NOMINATION_ID,
          at: '2021-05-06T02:00:00.000Z',
          by: ACTOR,
          reason: 'Đơn vị rút hồ sơ',
        },
      },
    ]);
    expect((then(before, events) as ExistingNomination).status).toBe('withdrawn');
  });

  it('takes no reason as an empty one', () => {
    const [event] = decideWithdraw({ ...command, reason: undefined }, given([history.drafted()]));
    expect(event?.data).toEqual(expect.objectContaining({ reason: '' }));
  });
});

describe('withdrawing after a decision', () => {
  it.each([
    ['awarded', () => submittedThen(history.accepted(), history.approved(), history.awarded())],
    ['not-approved', () => submittedThen(history.accepted(), history.notApproved())],
    ['withdrawn', () => given([history.drafted(), history.withdrawn()])],
  ])('refuses a %s dossier: invalid-state', (status, state) => {
    const refusal = refusalOf(() => decideWithdraw(command, state()));
    expect(refusal.code).toBe('invalid-state');
    expect(refusal.params).toEqual({ nominationId: NOMINATION_ID, status });
  });

  it('refuses an unknown dossier: not-found', () => {
    expect(refusalOf(() => decideWithdraw(command, given([]))).code).toBe('not-found');
  });
});
