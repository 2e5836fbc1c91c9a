import { DomainError, MAX_REGISTER_NUMBER, type ValidationIssue } from '@ttkt/contracts';
import type { CampaignEvent } from '../campaign.events';
import { campaignIn } from '../campaign.guards';
import type { CampaignState } from '../campaign.state';
import { isCalendarDate, localDate } from '../plan/cutoff';

/** The first issue date a plan may carry: registers run from 1900 (the contracts' year range). */
export const EARLIEST_ISSUE_DATE = '1900-01-01';

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
  /** The agency's validity from the copy of the directory (`YYYY-MM-DD`, null = unbounded). */
  agencyValidity: { validFrom: string | null; validUntil: string | null };
  now: Date;
}

/**
 * Draft only: records the request (status `issuing`); the register answers asynchronously. The
 * issue date is a real date from 1900-01-01 to today (Asia/Ho_Chi_Minh), never in the future,
 * and a day the issuing agency exists; a number chosen by hand is an integer from 1 to
 * {@link MAX_REGISTER_NUMBER}.
 */
export function decideIssueCampaign(command: IssueCampaign, state: CampaignState): CampaignEvent[] {
  const campaign = campaignIn(state, command.campaignId, 'draft');
  const issues: ValidationIssue[] = [];
  const issuedOn = command.issuedOn;
  const { validFrom, validUntil } = command.agencyValidity;
  if (!isCalendarDate(issuedOn)) issues.push({ path: 'issuedOn', message: 'isDateString' });
  else if (issuedOn < EARLIEST_ISSUE_DATE) issues.push({ path: 'issuedOn', message: 'minDate' });
  else if (issuedOn > localDate(command.now)) {
    issues.push({ path: 'issuedOn', message: 'maxDate' });
  } else if (
    (validFrom !== null && issuedOn < validFrom) ||
    (validUntil !== null && issuedOn > validUntil)
  ) {
    issues.push({ path: 'issuedOn', message: 'agencyNotInForce' });
  }
  const number = command.registerNumber;
  if (number !== null) {
    if (!Number.isInteger(number)) issues.push({ path: 'registerNumber', message: 'isInt' });
    else if (number < 1) issues.push({ path: 'registerNumber', message: 'min' });
    else if (number > MAX_REGISTER_NUMBER) {
      issues.push({ path: 'registerNumber', message: 'max' });
    }
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
        issuedOn,
        registerNumber: number,
        requestedAt: command.now.toISOString(),
      },
    },
  ];
}
