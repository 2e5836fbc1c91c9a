import {
  REVIEW_RPC,
  type CampaignView,
  type CouncilSessionView,
  type DecisionView,
  type GetReviewDocumentQuery,
  type GetSessionQuery,
  type NominationView,
  type ProposalView,
} from '@ttkt/contracts';
import type { CommandSender } from '@ttkt/messaging';
import { NominationAccess } from '../nominations/nomination-access';
import type { RequestContext } from '../request-context';

/** The service that answers the review RPC. */
export const REVIEW_SERVICE = 'review';

/**
 * Which review resources the caller may see (API.md: another tenant's or agency's resource is
 * `404`): a session, decision or proposal is fetched from the review service and its agency
 * checked; a campaign and a dossier go through the nomination routes' {@link NominationAccess}
 * (a unit-head alone sees only its units' dossiers). One instance per request.
 */
export class ReviewAccess {
  private readonly nominations: NominationAccess;

  constructor(
    private readonly sender: CommandSender,
    private readonly context: RequestContext,
  ) {
    this.nominations = new NominationAccess(sender, context.user(), context.tenantId());
  }

  /** The campaign, or `404` when there is none or its agency is not the caller's. */
  visibleCampaign(campaignId: string): Promise<CampaignView> {
    return this.nominations.visibleCampaign(campaignId);
  }

  /** The dossier, or `404` when there is none or the caller may not see it. */
  visibleNomination(nominationId: string): Promise<NominationView> {
    return this.nominations.visibleNomination(nominationId);
  }

  /** The council session, or `404` when there is none or its agency is not visible. */
  async visibleSession(sessionId: string): Promise<CouncilSessionView> {
    const query: GetSessionQuery = { tenantId: this.context.tenantId(), sessionId };
    const session = await this.sender.send<CouncilSessionView>(
      REVIEW_SERVICE,
      REVIEW_RPC.getSession,
      query,
    );
    this.context.assertCanSee(session.agencyId);
    return session;
  }

  /** The decision, or `404` when there is none or its agency is not visible. */
  async visibleDecision(decisionId: string): Promise<DecisionView> {
    const query: GetReviewDocumentQuery = { tenantId: this.context.tenantId(), id: decisionId };
    const decision = await this.sender.send<DecisionView>(
      REVIEW_SERVICE,
      REVIEW_RPC.getDecision,
      query,
    );
    this.context.assertCanSee(decision.agencyId);
    return decision;
  }

  /** The proposal, or `404` when there is none or its agency is not visible. */
  async visibleProposal(proposalId: string): Promise<ProposalView> {
    const query: GetReviewDocumentQuery = { tenantId: this.context.tenantId(), id: proposalId };
    const proposal = await this.sender.send<ProposalView>(
      REVIEW_SERVICE,
      REVIEW_RPC.getProposal,
      query,
    );
    this.context.assertCanSee(proposal.agencyId);
    return proposal;
  }
}
