import { refusalOf } from '@ttkt/testing';
import {
  BANG_KHEN,
  CAMPAIGN_ID,
  GIAY_KHEN,
  HEAD,
  NOW,
  PROPOSAL_CUTOFF,
  PROPOSAL_ID,
  REQUEST_ID,
  dossier,
  facts,
  ledger,
  taken,
} from '../../quota/award.spec-fixture';
import type { AwardSelectionFacts } from '../../quota/award-selection';
import { bangKhen, proposal, requested } from '../proposal.spec-fixture';
import { initialProposalState, toProposalView, type ProposalState } from '../proposal.state';
import { decidePropose, type Propose } from './propose.decide';

function propose(nominationIds: string[], overrides: Partial<Propose> = {}): Propose {
  return {
    type: 'Propose',
    proposalId: PROPOSAL_ID,
    requestId: REQUEST_ID,
    campaignId: CAMPAIGN_ID,
    awardFormCode: BANG_KHEN,
    nominationIds,
    proposedOn: '2021-05-20',
    actor: HEAD,
    now: NOW,
    ...overrides,
  };
}

const approved = ['a', 'b', 'c'].map((id) => bangKhen(id));

function refused(
  command: Propose,
  given: AwardSelectionFacts,
  state: ProposalState = initialProposalState(),
) {
  return refusalOf(() => decidePropose(command, state, given));
}

describe('proposing to the higher authority', () => {
  it('takes places and asks the register for a TTr number; the letter goes to the stage’s party', () => {
    const outcome = decidePropose(propose(['a', 'b']), initialProposalState(), facts(approved));
    expect(outcome.ledger).toEqual([
      {
        type: 'PlacesTaken',
        data: expect.objectContaining({
          kind: 'proposal',
          id: PROPOSAL_ID,
          nominationIds: ['a', 'b'],
          quota: 2,
        }) as unknown,
      },
    ]);
    expect(outcome.proposal).toEqual([
      {
        type: 'ProposalRequested',
        data: expect.objectContaining({
          proposalId: PROPOSAL_ID,
          requestId: REQUEST_ID,
          agencyCode: 'SKHCN',
          awardFormCode: BANG_KHEN,
          awardFormName: 'Bằng khen của Chủ tịch UBND tỉnh',
          proposedOn: '2021-05-20',
          to: 'Sở Nội vụ',
          decidedBy: 'Chủ tịch UBND tỉnh',
          nominees: [
            expect.objectContaining({ nominationId: 'a', goldenBookNumber: null }),
            expect.objectContaining({ nominationId: 'b', goldenBookNumber: null }),
          ],
        }) as unknown,
      },
    ]);
    const view = toProposalView(proposal(requested(['a', 'b'])));
    expect(view).toEqual(
      expect.objectContaining({ status: 'issuing', number: null, outcome: null }),
    );
  });

  describe('the proposal stage’s cut-off (before 1/6/2021, 00:00 +07:00)', () => {
    /** Recorded a few days after the cut-off, from the letters on paper. */
    const later = new Date('2021-06-05T09:00:00+07:00');

    it('accepts a letter dated the last day before the cut-off', () => {
      const outcome = decidePropose(
        propose(['a'], { proposedOn: '2021-05-31', now: later }),
        initialProposalState(),
        facts(approved),
      );
      expect(outcome.proposal).toHaveLength(1);
    });

    it('refuses a letter dated the cut-off’s day: deadline-passed', () => {
      const refusal = refused(
        propose(['a'], { proposedOn: '2021-06-01', now: later }),
        facts(approved),
      );
      expect(refusal.code).toBe('deadline-passed');
      expect(refusal.params).toEqual({
        awardFormCode: BANG_KHEN,
        cutoff: PROPOSAL_CUTOFF,
        proposedOn: '2021-06-01',
      });
    });
  });

  describe('the letter’s date', () => {
    it('accepts a letter dated in the past (sent on paper) or today', () => {
      for (const proposedOn of ['2021-04-02', '2021-05-20']) {
        const outcome = decidePropose(
          propose(['a'], { proposedOn }),
          initialProposalState(),
          facts(approved),
        );
        expect(outcome.proposal).toHaveLength(1);
      }
    });

    it('refuses a letter dated after today in Asia/Ho_Chi_Minh: validation-failed at proposedOn', () => {
      const refusal = refused(propose(['a'], { proposedOn: '2021-05-21' }), facts(approved));
      expect(refusal.code).toBe('validation-failed');
      expect(refusal.errors).toEqual([{ path: 'proposedOn', message: 'maxDate' }]);
    });

    it('checks the cut-off first: a letter dated on or after it is deadline-passed', () => {
      expect(refused(propose(['a'], { proposedOn: '2021-06-01' }), facts(approved)).code).toBe(
        'deadline-passed',
      );
    });

    it('refuses a recipient whose name is blank once trimmed: validation-failed', () => {
      const refusal = refused(
        propose(['a'], { recipients: [{ name: ' ' }], signer: { title: 'GIÁM ĐỐC', name: ' ' } }),
        facts(approved),
      );
      expect(refusal.code).toBe('validation-failed');
      expect(refusal.errors).toEqual([
        { path: 'signer.name', message: 'isNotEmpty' },
        { path: 'recipients[0].name', message: 'isNotEmpty' },
      ]);
    });
  });

  it('refuses a form the agency head decides: invalid-state', () => {
    const refusal = refused(propose(['a'], { awardFormCode: GIAY_KHEN }), facts([dossier('a')]));
    expect(refusal.code).toBe('invalid-state');
    expect(refusal.params).toEqual({ awardFormCode: GIAY_KHEN, reason: 'decided-by-agency' });
  });

  it('enforces the quota: 2 of 2, then a 3rd refused', () => {
    expect(
      decidePropose(propose(['a', 'b']), initialProposalState(), facts(approved)).ledger,
    ).toHaveLength(1);
    const full = ledger(taken('p-0', ['a', 'b'], 'proposal', BANG_KHEN));
    const refusal = refused(propose(['c']), facts(approved, { ledger: full }));
    expect(refusal.code).toBe('quota-exceeded');
    expect(refusal.params).toEqual({ awardFormCode: BANG_KHEN, quota: 2, used: 2, requested: 1 });
  });

  it('checks the dossiers as a decision does', () => {
    expect(refused(propose(['a']), facts([bangKhen('a', { status: 'accepted' })])).code).toBe(
      'not-recommended',
    );
    expect(
      refused(propose(['a']), facts([bangKhen('a', { status: 'proposed', proposalId: 'p-0' })]))
        .code,
    ).toBe('already-decided');
    const holds = new Map([
      ['p-a', [{ holdId: 'h-1', kind: 'complaint', openedOn: '2021-05-01' }]],
    ]);
    expect(refused(propose(['a']), facts(approved, { openHolds: holds })).code).toBe(
      'nominee-on-hold',
    );
  });

  it('refuses a proposal id already used: invalid-state', () => {
    expect(refused(propose(['c']), facts(approved), proposal(requested(['a']))).code).toBe(
      'invalid-state',
    );
  });
});
