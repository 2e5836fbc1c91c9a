import { refusalOf } from '@ttkt/testing';
import {
  NOMINATION_ID,
  REVIEWER,
  given,
  history,
  submittedThen,
  then,
} from '../nomination.spec-fixture';
import type { ExistingNomination, NominationState } from '../nomination.state';
import {
  decideReviewOutcome,
  type RecordReviewOutcome,
  type ReviewOutcome,
} from './review-outcome.decide';

const AT = '2021-05-09T03:00:00.000Z';
const record = (outcome: ReviewOutcome): RecordReviewOutcome => ({
  type: 'RecordReviewOutcome',
  nominationId: NOMINATION_ID,
  outcome,
  at: AT,
  actor: REVIEWER,
});
const apply = (state: NominationState, outcome: ReviewOutcome) =>
  then(state, decideReviewOutcome(record(outcome), state)) as ExistingNomination;

const accepted = () => submittedThen(history.accepted());
const approved = () => submittedThen(history.accepted(), history.approved());
const proposed = () => submittedThen(history.accepted(), history.approved(), history.proposed());
const awarded = () => submittedThen(history.accepted(), history.approved(), history.awarded());

describe('a submitted dossier', () => {
  it('is returned with the reasons and the later deadline, at review’s instant by review’s actor', () => {
    const events = decideReviewOutcome(
      record({
        kind: 'returned',
        reasons: ['Thiếu chữ ký'.normalize('NFD')],
        resubmitBefore: '2021-05-16T00:00:00+07:00',
      }),
      submittedThen(),
    );
    expect(events).toEqual([
      {
        type: 'NominationReturned',
        data: {
          nominationId: NOMINATION_ID,
          at: AT,
          by: REVIEWER,
          reasons: ['Thiếu chữ ký'],
          resubmitBefore: '2021-05-16T00:00:00+07:00',
        },
      },
    ]);
    const state = then(submittedThen(), events) as ExistingNomination;
    expect(state).toEqual(
      expect.objectContaining({
        status: 'returned',
        returnReasons: ['Thiếu chữ ký'],
        resubmitBefore: '2021-05-16T00:00:00+07:00',
      }),
    );
  });

  it('is accepted', () => {
    expect(apply(submittedThen(), { kind: 'accepted' }).status).toBe('accepted');
  });

  it('cannot be approved before it is accepted: invalid-state', () => {
    const refusal = refusalOf(() =>
      decideReviewOutcome(record({ kind: 'approved' }), submittedThen()),
    );
    expect(refusal.code).toBe('invalid-state');
    expect(refusal.params).toEqual({
      nominationId: NOMINATION_ID,
      status: 'submitted',
      outcome: 'approved',
    });
  });
});

describe('an accepted dossier', () => {
  it('is approved or not approved by the council, with the decision instant', () => {
    expect(apply(accepted(), { kind: 'approved' })).toEqual(
      expect.objectContaining({ status: 'approved', decidedAt: AT }),
    );
    expect(apply(accepted(), { kind: 'not-approved' }).status).toBe('not-approved');
  });

  it('cannot be returned any more: invalid-state', () => {
    expect(
      refusalOf(() =>
        decideReviewOutcome(
          record({ kind: 'returned', reasons: ['x'], resubmitBefore: null }),
          accepted(),
        ),
      ).code,
    ).toBe('invalid-state');
  });
});

describe('an approved dossier', () => {
  it('is awarded in a decision, proposed upward, or not approved when left out at closing', () => {
    expect(
      apply(approved(), { kind: 'awarded', decisionId: 'qd-1', decisionNumber: '45/QĐ-SKHCN' }),
    ).toEqual(
      expect.objectContaining({
        status: 'awarded',
        decision: { decisionId: 'qd-1', decisionNumber: '45/QĐ-SKHCN' },
      }),
    );
    expect(apply(approved(), { kind: 'proposed', proposalId: 'tt-1' })).toEqual(
      expect.objectContaining({ status: 'proposed', proposalId: 'tt-1' }),
    );
    expect(apply(approved(), { kind: 'not-approved' }).status).toBe('not-approved');
  });
});

describe('a proposed dossier', () => {
  it('is awarded by the higher authority, or not approved', () => {
    expect(
      apply(proposed(), { kind: 'awarded', decisionId: 'qd-ubnd', decisionNumber: '1234/QĐ-UBND' })
        .status,
    ).toBe('awarded');
    expect(apply(proposed(), { kind: 'not-approved' }).status).toBe('not-approved');
  });
});

describe('an awarded dossier', () => {
  it('goes back to approved when its decision is revoked', () => {
    expect(apply(awarded(), { kind: 'award-revoked', decisionId: 'qd-1' })).toEqual(
      expect.objectContaining({ status: 'approved', decision: null }),
    );
  });

  it('refuses the revocation of another decision: invalid-state', () => {
    expect(
      refusalOf(() =>
        decideReviewOutcome(record({ kind: 'award-revoked', decisionId: 'qd-9' }), awarded()),
      ).code,
    ).toBe('invalid-state');
  });

  it('refuses a revocation of a dossier that is not awarded: invalid-state', () => {
    expect(
      refusalOf(() =>
        decideReviewOutcome(record({ kind: 'award-revoked', decisionId: 'qd-1' }), approved()),
      ).code,
    ).toBe('invalid-state');
  });
});

describe('a redelivered or late review event', () => {
  it('changes nothing when the dossier already shows the outcome', () => {
    expect(decideReviewOutcome(record({ kind: 'accepted' }), accepted())).toEqual([]);
    expect(
      decideReviewOutcome(
        record({ kind: 'awarded', decisionId: 'qd-1', decisionNumber: '45/QĐ-SKHCN' }),
        awarded(),
      ),
    ).toEqual([]);
  });

  it('changes nothing on a withdrawn dossier: the withdrawal stands', () => {
    const withdrawn = submittedThen(history.withdrawn());
    expect(decideReviewOutcome(record({ kind: 'accepted' }), withdrawn)).toEqual([]);
  });

  it('refuses an outcome for an unknown dossier: not-found', () => {
    expect(refusalOf(() => decideReviewOutcome(record({ kind: 'accepted' }), given([]))).code).toBe(
      'not-found',
    );
  });
});
