import { NOW, REQUEST_ID } from '../../quota/award.spec-fixture';
import { issued, proposal, requested } from '../proposal.spec-fixture';
import { toProposalView } from '../proposal.state';
import { decideProposalNumber, decideProposalRefusal } from './proposal-number.decide';

describe('the register’s answer to a proposal', () => {
  const request = requested(['a', 'b']);
  const number = {
    type: 'RecordProposalNumber' as const,
    requestId: REQUEST_ID,
    formatted: '06/TTr-SKHCN',
    number: 6,
    year: 2021,
    assignedAt: '2021-05-25T02:00:01.000Z',
    now: NOW,
  };

  it('sends the letter with its number', () => {
    const events = decideProposalNumber(number, proposal(request));
    expect(events).toEqual([
      {
        type: 'ProposalIssued',
        data: expect.objectContaining({ number: '06/TTr-SKHCN', registerNumber: 6 }) as unknown,
      },
    ]);
    expect(toProposalView(proposal(request, ...events))).toEqual(
      expect.objectContaining({ status: 'proposed', number: '06/TTr-SKHCN' }),
    );
  });

  it('records nothing for a redelivered number', () => {
    expect(decideProposalNumber(number, proposal(request, issued(request)))).toEqual([]);
  });

  it('fails the proposal on a refusal', () => {
    const events = decideProposalRefusal(
      {
        type: 'RecordProposalRefusal',
        requestId: REQUEST_ID,
        code: 'register-number-taken',
        params: { number: 6 },
        now: NOW,
      },
      proposal(request),
    );
    expect(toProposalView(proposal(request, ...events))).toEqual(
      expect.objectContaining({ status: 'failed', refusal: 'register-number-taken' }),
    );
  });
});
