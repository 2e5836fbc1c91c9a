import { refusalOf } from '@ttkt/testing';
import {
  CAMPAIGN_ID,
  DECISION_ID,
  GIAY_KHEN,
  HEAD,
  NOW,
  ledger,
  taken,
} from '../../quota/award.spec-fixture';
import { decideReleasePlaces } from '../../quota/quota.decide';
import { evolveQuota, placesUsed } from '../../quota/quota.state';
import { decision, issued, requested } from '../decision.spec-fixture';
import { initialDecisionState, toDecisionView } from '../decision.state';
import { decideRevokeDecision, type RevokeDecision } from './revoke-decision.decide';

const revoke: RevokeDecision = {
  type: 'RevokeDecision',
  decisionId: DECISION_ID,
  reason: 'Phát hiện sai sót về thành tích'.normalize('NFD'),
  actor: HEAD,
  now: NOW,
};

describe('revoking a decision', () => {
  const request = requested(['a', 'b', 'c']);

  it('revokes an issued decision, its number kept, the reason in NFC', () => {
    const events = decideRevokeDecision(revoke, decision(request, issued(request)));
    expect(events).toEqual([
      {
        type: 'DecisionRevoked',
        data: {
          decisionId: DECISION_ID,
          campaignId: CAMPAIGN_ID,
          agencyId: 'skhcn-bac-kan',
          awardFormCode: GIAY_KHEN,
          number: '05/QĐ-SKHCN',
          registerNumber: 5,
          year: 2021,
          reason: 'Phát hiện sai sót về thành tích',
          nominationIds: ['a', 'b', 'c'],
          at: NOW.toISOString(),
          by: HEAD,
        },
      },
    ]);
    const view = toDecisionView(decision(request, issued(request), ...events));
    expect(view.status).toBe('revoked');
    expect(view.number).toBe('05/QĐ-SKHCN');
    expect(view.revocation).toEqual({
      reason: 'Phát hiện sai sót về thành tích',
      at: NOW.toISOString(),
      byUserId: 'giam-doc',
    });
  });

  it('gives the places back to the quota', () => {
    const full = ledger(taken(DECISION_ID, ['a', 'b', 'c']));
    expect(placesUsed(full)).toBe(3);
    const released = decideReleasePlaces(
      {
        type: 'ReleasePlaces',
        campaignId: CAMPAIGN_ID,
        awardFormCode: GIAY_KHEN,
        kind: 'decision',
        id: DECISION_ID,
        reason: 'revoked',
        now: NOW,
      },
      full,
    );
    expect(placesUsed(released.reduce(evolveQuota, full))).toBe(0);
  });

  it.each([
    ['issuing', () => decision(request)],
    [
      'failed',
      () =>
        decision(request, {
          type: 'DecisionFailed',
          data: {
            decisionId: DECISION_ID,
            campaignId: CAMPAIGN_ID,
            requestId: 'req-1',
            code: 'register-number-taken',
            params: {},
            at: NOW.toISOString(),
          },
        }),
    ],
    [
      'revoked',
      () => {
        const done = decision(request, issued(request));
        return decision(request, issued(request), ...decideRevokeDecision(revoke, done));
      },
    ],
  ])('refuses a %s decision: invalid-state', (status, state) => {
    const refusal = refusalOf(() => decideRevokeDecision(revoke, state()));
    expect(refusal.code).toBe('invalid-state');
    expect(refusal.params).toEqual({ decisionId: DECISION_ID, status });
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['a tab and a no-break space', '\t\u00a0'],
  ])(
    'refuses a reason that is blank once trimmed (%s): validation-failed at reason',
    (_case, reason) => {
      const refusal = refusalOf(() =>
        decideRevokeDecision({ ...revoke, reason }, decision(request, issued(request))),
      );
      expect(refusal.code).toBe('validation-failed');
      expect(refusal.errors).toEqual([{ path: 'reason', message: 'isNotEmpty' }]);
    },
  );

  it('keeps the reason trimmed', () => {
    const [revoked] = decideRevokeDecision(
      { ...revoke, reason: '  Thu hồi  ' },
      decision(request, issued(request)),
    );
    expect(revoked?.type === 'DecisionRevoked' && revoked.data.reason).toBe('Thu hồi');
  });

  it('refuses an unknown decision: not-found', () => {
    expect(refusalOf(() => decideRevokeDecision(revoke, initialDecisionState())).code).toBe(
      'not-found',
    );
  });
});
