/*
 * Proposal streams for the proposal specs (pure): requested, issued (numbered), failed, decided.
 */
import {
  BANG_KHEN,
  CAMPAIGN_ID,
  HEAD,
  NOW,
  PROPOSAL_ID,
  REQUEST_ID,
  dossier,
  facts,
} from '../quota/award.spec-fixture';
import type { ReviewDossier } from '../dossiers/dossier.state';
import { decidePropose } from './propose/propose.decide';
import type { ProposalEvent } from './proposal.events';
import { foldProposal, initialProposalState, type Proposal } from './proposal.state';

/** An approved dossier of the Bằng khen form. */
export function bangKhen(
  nominationId: string,
  overrides: Partial<ReviewDossier> = {},
): ReviewDossier {
  return dossier(nominationId, { awardFormCode: BANG_KHEN, ...overrides });
}

/** The ProposalRequested of a proposal of these dossiers. */
export function requested(nominationIds: string[]): ProposalEvent {
  const outcome = decidePropose(
    {
      type: 'Propose',
      proposalId: PROPOSAL_ID,
      requestId: REQUEST_ID,
      campaignId: CAMPAIGN_ID,
      awardFormCode: BANG_KHEN,
      nominationIds,
      proposedOn: '2021-05-20',
      actor: HEAD,
      now: NOW,
    },
    initialProposalState(),
    facts(nominationIds.map((id) => bangKhen(id))),
  );
  const [event] = outcome.proposal;
  if (!event) throw new Error('no request');
  return event;
}

/** The register's number 6 of 2021. */
export function issued(request: ProposalEvent): ProposalEvent {
  if (request.type !== 'ProposalRequested') throw new Error('not a request');
  const { by: _by, ...content } = request.data;
  return {
    type: 'ProposalIssued',
    data: {
      ...content,
      number: '06/TTr-SKHCN',
      registerNumber: 6,
      year: 2021,
      assignedAt: '2021-05-25T02:00:01.000Z',
      at: '2021-05-25T02:00:01.000Z',
    },
  };
}

/** A proposal after these events (it must exist). */
export function proposal(...events: ProposalEvent[]): Proposal {
  const state = foldProposal(events);
  if (state.status === 'none') throw new Error('no proposal');
  return state;
}
