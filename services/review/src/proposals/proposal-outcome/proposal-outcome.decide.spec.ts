import { refusalOf } from '@ttkt/testing';
import { decideDossierOutcome } from '../../dossiers/dossier-outcomes';
import { HEAD, NOW, PROPOSAL_ID } from '../../quota/award.spec-fixture';
import { bangKhen, issued, proposal, requested } from '../proposal.spec-fixture';
import { initialProposalState, toProposalView } from '../proposal.state';
import {
  decideProposalOutcome,
  nomineeOutcomes,
  type RecordProposalOutcome,
} from './proposal-outcome.decide';

const record: RecordProposalOutcome = {
  type: 'RecordProposalOutcome',
  proposalId: PROPOSAL_ID,
  approvedNominationIds: ['b'],
  decisionNumber: '1234/QĐ-UBND',
  decidedOn: '2021-05-20',
  withdrawnNominationIds: [],
  actor: HEAD,
  now: NOW,
};

describe('the higher authority’s outcome of a proposal', () => {
  const request = requested(['a', 'b']);
  const sent = proposal(request, issued(request));

  it('records the approved nominees and the rest as not approved', () => {
    const events = decideProposalOutcome(record, sent);
    expect(events).toEqual([
      {
        type: 'ProposalOutcomeRecorded',
        data: expect.objectContaining({
          proposalId: PROPOSAL_ID,
          approvedNominationIds: ['b'],
          notApprovedNominationIds: ['a'],
          decisionNumber: '1234/QĐ-UBND',
          decidedOn: '2021-05-20',
        }) as unknown,
      },
    ]);
    const view = toProposalView(proposal(request, issued(request), ...events));
    expect(view.status).toBe('decided');
    expect(view.outcome).toEqual({
      approvedNominationIds: ['b'],
      decisionNumber: '1234/QĐ-UBND',
      decidedOn: '2021-05-20',
      recordedAt: NOW.toISOString(),
    });
  });

  it('moves the approved dossiers from proposed to awarded, the rest to not-approved', () => {
    const [event] = decideProposalOutcome(record, sent);
    if (event?.type !== 'ProposalOutcomeRecorded') throw new Error('no outcome');
    const moved = nomineeOutcomes(event.data).map(({ nominationId, outcome }) => {
      const proposed = bangKhen(nominationId, { status: 'proposed', proposalId: PROPOSAL_ID });
      return decideDossierOutcome(proposed, outcome)[0];
    });
    expect(moved).toEqual([
      {
        type: 'DossierAwarded',
        data: expect.objectContaining({
          nominationId: 'b',
          decisionId: PROPOSAL_ID,
          decisionNumber: '1234/QĐ-UBND',
        }) as unknown,
      },
      {
        type: 'DossierNotApproved',
        data: expect.objectContaining({
          nominationId: 'a',
          cause: 'proposal-outcome',
          refId: PROPOSAL_ID,
        }) as unknown,
      },
    ]);
  });

  it('refuses an approved dossier that is not among the nominees: validation-failed', () => {
    const refusal = refusalOf(() =>
      decideProposalOutcome({ ...record, approvedNominationIds: ['b', 'x'] }, sent),
    );
    expect(refusal.code).toBe('validation-failed');
    expect(refusal.errors).toEqual([
      { path: 'approvedNominationIds[1]', message: 'notInProposal' },
    ]);
  });

  it('refuses to award a nominee withdrawn since the proposal: validation-failed', () => {
    const refusal = refusalOf(() =>
      decideProposalOutcome(
        { ...record, approvedNominationIds: ['a', 'b'], withdrawnNominationIds: ['b'] },
        sent,
      ),
    );
    expect(refusal.code).toBe('validation-failed');
    expect(refusal.errors).toEqual([{ path: 'approvedNominationIds[1]', message: 'withdrawn' }]);
    // Not approving the withdrawn nominee is the outcome as it stands.
    expect(
      decideProposalOutcome(
        { ...record, approvedNominationIds: ['a'], withdrawnNominationIds: ['b'] },
        sent,
      ),
    ).toHaveLength(1);
  });

  it('refuses a decision number blank once trimmed: validation-failed at decisionNumber', () => {
    const refusal = refusalOf(() =>
      decideProposalOutcome({ ...record, decisionNumber: ' \u00a0\t' }, sent),
    );
    expect(refusal.code).toBe('validation-failed');
    expect(refusal.errors).toEqual([{ path: 'decisionNumber', message: 'isNotEmpty' }]);
  });

  it('keeps the decision number trimmed, in NFC', () => {
    const [event] = decideProposalOutcome(
      { ...record, decisionNumber: ' 1234/QĐ-UBND '.normalize('NFD') },
      sent,
    );
    expect(event?.type === 'ProposalOutcomeRecorded' && event.data.decisionNumber).toBe(
      '1234/QĐ-UBND',
    );
  });

  it('takes a decision date in the past or today, not after today: validation-failed at decidedOn', () => {
    expect(decideProposalOutcome({ ...record, decidedOn: '2021-05-01' }, sent)).toHaveLength(1);
    const refusal = refusalOf(() =>
      decideProposalOutcome({ ...record, decidedOn: '2021-05-21' }, sent),
    );
    expect(refusal.code).toBe('validation-failed');
    expect(refusal.errors).toEqual([{ path: 'decidedOn', message: 'maxDate' }]);
  });

  it('refuses a proposal not sent yet, or decided already: invalid-state', () => {
    expect(refusalOf(() => decideProposalOutcome(record, proposal(request))).params).toEqual({
      proposalId: PROPOSAL_ID,
      status: 'issuing',
    });
    const decided = proposal(request, issued(request), ...decideProposalOutcome(record, sent));
    expect(refusalOf(() => decideProposalOutcome(record, decided)).code).toBe('invalid-state');
  });

  it('refuses an unknown proposal: not-found', () => {
    expect(refusalOf(() => decideProposalOutcome(record, initialProposalState())).code).toBe(
      'not-found',
    );
  });
});
