import { DomainError, MAX_QUOTA, type ValidationIssue } from '@ttkt/contracts';
import type { AwardFormAmendmentData, CampaignActor, CampaignEvent } from '../campaign.events';
import { campaignIn, nfcDeep, requiredText } from '../campaign.guards';
import type { CampaignState } from '../campaign.state';
import { applyAmendment } from '../plan/apply-amendment';
import { defaultBeforeWording, isCalendarDate } from '../plan/cutoff';

/** What one award form's amendment may change. */
export interface AwardFormAmendmentInput {
  code: string;
  quotaMax?: number;
  unitStageBefore?: string;
  unitStageBeforeWording?: string;
  proposalStageBefore?: string;
  proposalStageBeforeWording?: string;
}

/** Change deadlines or quotas of the issued plan. */
export interface AmendCampaign {
  type: 'AmendCampaign';
  campaignId: string;
  reason: string;
  changes: { awardForms: AwardFormAmendmentInput[] };
  actor: CampaignActor | null;
  now: Date;
}

type Json = Record<string, unknown>;

/**
 * Issued only, with a reason. Each entry names an award form of the plan and changes at least
 * one of its quota (1 to `MAX_QUOTA`) and deadlines; a changed deadline without words gets
 * "trước ngày d/m/yyyy", is not before the plan's issue date, and the unit stage still ends no
 * later than the proposal stage.
 */
export function decideAmendCampaign(command: AmendCampaign, state: CampaignState): CampaignEvent[] {
  const campaign = campaignIn(state, command.campaignId, 'issued');
  const reason = requiredText(command.reason, 'reason');
  const issuedOn = campaign.issue?.issuedOn;
  const forms = (Array.isArray(campaign.plan.awardForms) ? campaign.plan.awardForms : []) as Json[];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const entries: AwardFormAmendmentData[] = [];
  if (command.changes.awardForms.length === 0) {
    issues.push({ path: 'changes.awardForms', message: 'arrayMinSize' });
  }
  command.changes.awardForms.forEach((input, index) => {
    const path = `changes.awardForms[${index}]`;
    const change = nfcDeep(input);
    const form = forms.find((candidate) => candidate.code === change.code);
    if (!form) {
      issues.push({ path: `${path}.code`, message: 'unknownAwardForm' });
      return;
    }
    if (seen.has(change.code)) issues.push({ path: `${path}.code`, message: 'duplicateCode' });
    seen.add(change.code);
    const entry: AwardFormAmendmentData = { code: change.code };
    if (change.quotaMax !== undefined) {
      if (!Number.isSafeInteger(change.quotaMax)) {
        issues.push({ path: `${path}.quotaMax`, message: 'isInt' });
      } else if (change.quotaMax < 1) issues.push({ path: `${path}.quotaMax`, message: 'min' });
      else if (change.quotaMax > MAX_QUOTA) {
        issues.push({ path: `${path}.quotaMax`, message: 'max' });
      } else entry.quotaMax = change.quotaMax;
    }
    if (change.unitStageBefore !== undefined) {
      if (!isCalendarDate(change.unitStageBefore)) {
        issues.push({ path: `${path}.unitStageBefore`, message: 'isDateString' });
      } else if (issuedOn !== undefined && change.unitStageBefore < issuedOn) {
        issues.push({ path: `${path}.unitStageBefore`, message: 'beforeIssuedOn' });
      } else {
        entry.unitStageBefore = change.unitStageBefore;
        entry.unitStageBeforeWording =
          change.unitStageBeforeWording?.trim() || defaultBeforeWording(change.unitStageBefore);
      }
    }
    if (change.proposalStageBefore !== undefined) {
      if (form.proposalStage === undefined) {
        issues.push({ path: `${path}.proposalStageBefore`, message: 'proposalStageNotAllowed' });
      } else if (!isCalendarDate(change.proposalStageBefore)) {
        issues.push({ path: `${path}.proposalStageBefore`, message: 'isDateString' });
      } else if (issuedOn !== undefined && change.proposalStageBefore < issuedOn) {
        issues.push({ path: `${path}.proposalStageBefore`, message: 'beforeIssuedOn' });
      } else {
        entry.proposalStageBefore = change.proposalStageBefore;
        entry.proposalStageBeforeWording =
          change.proposalStageBeforeWording?.trim() ||
          defaultBeforeWording(change.proposalStageBefore);
      }
    }
    if (
      change.quotaMax === undefined &&
      change.unitStageBefore === undefined &&
      change.proposalStageBefore === undefined
    ) {
      issues.push({ path, message: 'noChanges' });
    }
    entries.push(entry);
  });
  const amended = applyAmendment(campaign.plan, { awardForms: entries });
  if (issues.length === 0) {
    const amendedForms = (amended.awardForms ?? []) as Json[];
    command.changes.awardForms.forEach((input, index) => {
      const form = amendedForms.find((candidate) => candidate.code === input.code);
      const unit = (form?.unitStage as Json | undefined)?.before;
      const proposal = (form?.proposalStage as Json | undefined)?.before;
      if (typeof unit === 'string' && typeof proposal === 'string' && unit > proposal) {
        const field =
          input.unitStageBefore !== undefined ? 'unitStageBefore' : 'proposalStageBefore';
        issues.push({
          path: `changes.awardForms[${index}].${field}`,
          message: field === 'unitStageBefore' ? 'afterProposalStage' : 'beforeUnitStage',
        });
      }
    });
  }
  if (issues.length > 0) throw new DomainError('validation-failed', {}, issues);
  return [
    {
      type: 'CampaignAmended',
      data: {
        campaignId: campaign.campaignId,
        agencyId: campaign.agencyId,
        reason,
        changes: { awardForms: entries },
        plan: amended,
        amendedAt: command.now.toISOString(),
        amendedBy: command.actor,
      },
    },
  ];
}
