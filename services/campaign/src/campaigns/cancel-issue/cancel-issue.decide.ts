import type { CampaignEvent } from '../campaign.events';
import { campaignIn, requiredText } from '../campaign.guards';
import type { CampaignState } from '../campaign.state';

/** Give up the pending issue. */
export interface CancelIssue {
  type: 'CancelIssue';
  campaignId: string;
  reason: string;
  now: Date;
}

/**
 * Issuing only: back to draft. The request is remembered as cancelled, so a number the register
 * assigns to it later is released (and voided), never kept. The event names the request's issue
 * date, so the register can void the number the request holds on its own, too.
 */
export function decideCancelIssue(command: CancelIssue, state: CampaignState): CampaignEvent[] {
  const campaign = campaignIn(state, command.campaignId, 'issuing');
  const reason = requiredText(command.reason, 'reason');
  const request = campaign.issueRequest;
  if (!request) throw new Error('an issuing campaign has a pending request');
  return [
    {
      type: 'CampaignIssueCancelled',
      data: {
        campaignId: campaign.campaignId,
        agencyId: campaign.agencyId,
        requestId: request.requestId,
        reason,
        issuedOn: request.issuedOn,
        cancelledAt: command.now.toISOString(),
      },
    },
  ];
}
