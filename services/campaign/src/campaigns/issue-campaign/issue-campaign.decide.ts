import { DomainError, type ValidationIssue } from '@ttkt/contracts';
import type { CampaignEvent } from '../campaign.events';
import { campaignIn } from '../campaign.guards';
import type { CampaignState } from '../campaign.state';
import { isCalendarDate } from '../plan/cutoff';

/** Ask the agency's register for the plan's number. */
export interface IssueCampaign {
  type: 'IssueCampaign';
  campaignId: string;
  /** A fresh id for this attempt; the register's answer carries it back. */
  requestId: string;
  issuedOn: string;
  registerNumber: number | null;
  /** The agency's code from the service's copy of the directory. */
  agencyCode: string;
  now: Date;
}

/** Draft only: records the request (status `issuing`); the register answers asynchronously. */
export function decideIssueCampaign(command: IssueCampaign, state: CampaignState): CampaignEvent[] {
  const campaign = campaignIn(state, command.campaignId, 'draft');
  const issues: ValidationIssue[] = [];
  if (!isCalendarDate(command.issuedOn)) issues.push({ path: 'issuedOn', message: 'isDateString' });
  if (
    command.registerNumber !== null &&
    (!Number.isSafeInteger(command.registerNumber) || command.registerNumber < 1)
  ) {
    issues.push({ path: 'registerNumber', message: 'min' });
  }
  if (issues.length > 0) throw new DomainError('validation-failed', {}, issues);
  return [
    {
      type: 'CampaignIssueRequested',
      data: {
        campaignId: campaign.campaignId,
        agencyId: campaign.agencyId,
        agencyCode: command.agencyCode,
        requestId: command.requestId,
        issuedOn: command.issuedOn,
        registerNumber: command.registerNumber,
        requestedAt: command.now.toISOString(),
      },
    },
  ];
}
