import { refusalOf } from '@ttkt/testing';
import { decideDossierOutcome, type DossierOutcome } from './dossier-outcomes';
import type { DossierEvent } from './dossier.events';
import {
  AT,
  CAMPAIGN_ID,
  dossier,
  given,
  history,
  NOMINATION_ID,
  SECRETARIAT,
  then,
} from './dossier.spec-fixture';

const by = SECRETARIAT;
const approved: DossierOutcome = { kind: 'approved', sessionId: 's-1', at: AT, by };
const notApproved = (cause: 'vote' | 'proposal-outcome' | 'campaign-closed'): DossierOutcome => ({
  kind: 'not-approved',
  cause,
  refId: cause === 'campaign-closed' ? null : 'ref-1',
  at: AT,
  by,
});
const awarded: DossierOutcome = {
  kind: 'awarded',
  decisionId: 'd-1',
  decisionNumber: '05/QĐ-SKHCN',
  at: AT,
  by,
};
const proposed: DossierOutcome = { kind: 'proposed', proposalId: 'p-1', at: AT, by };
const revoked: DossierOutcome = { kind: 'award-revoked', decisionId: 'd-1', at: AT, by };

const accepted = (): DossierEvent[] => [history.received(), history.accepted()];
const approvedHistory = (): DossierEvent[] => [...accepted(), history.approved()];
const facts = { nominationId: NOMINATION_ID, campaignId: CAMPAIGN_ID, at: AT, by };

describe('a dossier outcome', () => {
  it('approves an accepted dossier, recording the session', () => {
    const state = given(accepted());
    const events = decideDossierOutcome(state, approved);
    expect(events).toEqual([{ type: 'DossierApproved', data: { ...facts, sessionId: 's-1' } }]);
    expect(then(state, events)).toEqual(
      expect.objectContaining({ status: 'approved', sessionId: 's-1', version: 3 }),
    );
  });

  it('does not approve an accepted dossier by vote', () => {
    const events = decideDossierOutcome(given(accepted()), notApproved('vote'));
    expect(events).toEqual([
      { type: 'DossierNotApproved', data: { ...facts, cause: 'vote', refId: 'ref-1' } },
    ]);
  });

  it('proposes and awards an approved dossier', () => {
    expect(decideDossierOutcome(given(approvedHistory()), proposed)).toEqual([
      { type: 'DossierProposed', data: { ...facts, proposalId: 'p-1' } },
    ]);
    expect(decideDossierOutcome(given(approvedHistory()), awarded)).toEqual([
      {
        type: 'DossierAwarded',
        data: { ...facts, decisionId: 'd-1', decisionNumber: '05/QĐ-SKHCN' },
      },
    ]);
  });

  it('awards or does not approve a proposed dossier on the outcome', () => {
    const state = given([...approvedHistory(), history.proposed()]);
    expect(decideDossierOutcome(state, awarded)).toHaveLength(1);
    expect(decideDossierOutcome(state, notApproved('proposal-outcome'))).toEqual([
      { type: 'DossierNotApproved', data: { ...facts, cause: 'proposal-outcome', refId: 'ref-1' } },
    ]);
  });

  it('does not approve an approved dossier when its campaign closes', () => {
    const state = given(approvedHistory());
    const events = decideDossierOutcome(state, notApproved('campaign-closed'));
    expect(events).toEqual([
      { type: 'DossierNotApproved', data: { ...facts, cause: 'campaign-closed', refId: null } },
    ]);
    expect(then(state, events).status).toBe('not-approved');
  });

  it('revokes an award of the same decision, back to approved', () => {
    const state = given([...approvedHistory(), history.awarded('d-1')]);
    const events = decideDossierOutcome(state, revoked);
    expect(events).toEqual([
      { type: 'DossierAwardRevoked', data: { ...facts, decisionId: 'd-1' } },
    ]);
    expect(then(state, events)).toEqual(
      expect.objectContaining({ status: 'approved', decisionId: null }),
    );
  });

  it('refuses to revoke an award of another decision', () => {
    const state = given([...approvedHistory(), history.awarded('d-2')]);
    expect(refusalOf(() => decideDossierOutcome(state, revoked))).toEqual(
      expect.objectContaining({
        code: 'invalid-state',
        params: { nominationId: NOMINATION_ID, status: 'awarded' },
      }),
    );
  });

  it.each<[string, DossierEvent[], DossierOutcome]>([
    ['approved', approvedHistory(), approved],
    ['not-approved', [...accepted(), history.notApproved()], notApproved('vote')],
    ['awarded', [...approvedHistory(), history.awarded('d-1')], awarded],
    ['proposed', [...approvedHistory(), history.proposed('p-1')], proposed],
    ['revoked', [...approvedHistory(), history.awarded('d-1'), history.revoked('d-1')], revoked],
  ])('records nothing for the same outcome again (%s)', (_name, events, outcome) => {
    expect(decideDossierOutcome(given(events), outcome)).toEqual([]);
  });

  it.each(
    [approved, notApproved('vote'), awarded, proposed, revoked].map((o) => [o.kind, o] as const),
  )('records nothing on a withdrawn dossier (%s)', (_kind, outcome) => {
    expect(decideDossierOutcome(given([...accepted(), history.withdrawn()]), outcome)).toEqual([]);
  });

  it.each<[string, DossierEvent[], DossierOutcome]>([
    ['approve a submitted dossier', [history.received()], approved],
    [
      'approve an approved dossier of another session',
      approvedHistory(),
      { ...approved, sessionId: 's-2' },
    ],
    ['award an accepted dossier', accepted(), awarded],
    ['propose an accepted dossier', accepted(), proposed],
    ['close on an accepted dossier', accepted(), notApproved('campaign-closed')],
    ['vote down an approved dossier', approvedHistory(), notApproved('vote')],
    [
      'refuse a proposal of an approved dossier',
      approvedHistory(),
      notApproved('proposal-outcome'),
    ],
    [
      'award an awarded dossier again by another decision',
      [...approvedHistory(), history.awarded('d-2')],
      awarded,
    ],
    ['revoke an award of an accepted dossier', accepted(), revoked],
  ])('refuses to %s (invalid-state)', (_name, events, outcome) => {
    const state = dossier(events);
    expect(refusalOf(() => decideDossierOutcome(state, outcome))).toEqual(
      expect.objectContaining({
        code: 'invalid-state',
        params: { nominationId: NOMINATION_ID, status: state.status },
      }),
    );
  });

  it('refuses an outcome on a dossier review never received', () => {
    expect(refusalOf(() => decideDossierOutcome(given([]), approved)).code).toBe('invalid-state');
  });
});
