import { issueCancelledVoidReason } from '@ttkt/contracts';
import type { CampaignEvent } from '../campaign.events';
import type { CampaignState } from '../campaign.state';

/** The register assigned a number to one of the campaign's requests. */
export interface RecordNumberAssigned {
  type: 'RecordNumberAssigned';
  requestId: string;
  agencyId: string;
  year: number;
  number: number;
  formatted: string;
  issuedOn: string;
  assignedAt: string;
  now: Date;
}

/** The register refused one of the campaign's requests. */
export interface RecordNumberRefused {
  type: 'RecordNumberRefused';
  requestId: string;
  code: string;
  params: Record<string, string | number | boolean | null>;
  now: Date;
}

/**
 * A number for the current request issues the plan. A number for any other request (cancelled,
 * or the campaign no longer issuing) is released with the reason, so the register voids it and
 * shows no silent gap; a repeat of an answer already recorded changes nothing.
 */
export function decideNumberAssigned(
  command: RecordNumberAssigned,
  state: CampaignState,
): CampaignEvent[] {
  if (state.status === 'none') return [];
  if (state.issue?.requestId === command.requestId) return [];
  if (state.releasedRequests.includes(command.requestId)) return [];
  if (state.status === 'issuing' && state.issueRequest?.requestId === command.requestId) {
    return [
      {
        type: 'CampaignIssued',
        data: {
          campaignId: state.campaignId,
          agencyId: state.agencyId,
          requestId: command.requestId,
          title: state.title,
          plan: state.plan,
          documentType: 'KH',
          planNumber: command.formatted,
          number: command.number,
          year: command.year,
          issuedOn: command.issuedOn,
          assignedAt: command.assignedAt,
        },
      },
    ];
  }
  const reason = releaseReason(state, command.requestId);
  return [
    {
      type: 'CampaignIssueNumberReleased',
      data: {
        campaignId: state.campaignId,
        agencyId: command.agencyId,
        requestId: command.requestId,
        year: command.year,
        number: command.number,
        formatted: command.formatted,
        reason,
        releasedAt: command.now.toISOString(),
      },
    },
  ];
}

/**
 * Why a number goes unused, in the words the register shows beside it (Vietnamese, as the paper
 * register would read): the agency-head's own reason for a cancelled issue, worded as the register
 * words it when it voids the number on the cancel itself.
 */
function releaseReason(state: CampaignState, requestId: string): string {
  const cancelled = state.status === 'none' ? undefined : state.cancelReasons[requestId];
  if (cancelled !== undefined) return issueCancelledVoidReason(cancelled);
  if (state.status === 'issuing') return 'Kế hoạch đã xin cấp số khác (yêu cầu bị thay thế)';
  if (state.status === 'issued' || state.status === 'closed')
    return 'Kế hoạch đã được ban hành với số khác';
  return `Kế hoạch không còn chờ cấp số (trạng thái: ${state.status})`;
}

/** A refusal of the current request sends the campaign back to draft; any other is moot. */
export function decideNumberRefused(
  command: RecordNumberRefused,
  state: CampaignState,
): CampaignEvent[] {
  if (state.status !== 'issuing' || state.issueRequest?.requestId !== command.requestId) return [];
  return [
    {
      type: 'CampaignIssueRefused',
      data: {
        campaignId: state.campaignId,
        agencyId: state.agencyId,
        requestId: command.requestId,
        code: command.code,
        params: command.params,
        refusedAt: command.now.toISOString(),
      },
    },
  ];
}
