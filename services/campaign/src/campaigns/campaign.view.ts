import type { CampaignView } from '@ttkt/contracts';
import type { ExistingCampaign } from './campaign.state';
import { isCalendarDate, periodCutoff, stageCutoff } from './plan/cutoff';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function stageWithCutoff(stage: unknown): unknown {
  if (!isObject(stage) || !isCalendarDate(stage.before)) return stage;
  const wording = typeof stage.beforeWording === 'string' ? stage.beforeWording : undefined;
  return { ...stage, cutoff: stageCutoff(stage.before, wording) };
}

/** The plan's fields with `cutoff` beside each deadline (unit and proposal stages, the period's end). */
export function planWithCutoffs(plan: Json): Json {
  const period =
    isObject(plan.period) && isCalendarDate(plan.period.to)
      ? {
          ...plan.period,
          cutoff: periodCutoff(
            plan.period.to,
            typeof plan.period.toInclusive === 'boolean' ? plan.period.toInclusive : undefined,
          ),
        }
      : plan.period;
  const awardForms = Array.isArray(plan.awardForms)
    ? plan.awardForms.map((form: unknown) =>
        isObject(form)
          ? {
              ...form,
              unitStage: stageWithCutoff(form.unitStage),
              ...(form.proposalStage === undefined
                ? {}
                : { proposalStage: stageWithCutoff(form.proposalStage) }),
            }
          : form,
      )
    : plan.awardForms;
  return { ...plan, period, awardForms };
}

/** A campaign as the API reads it. */
export function toCampaignView(state: ExistingCampaign): CampaignView {
  return {
    ...planWithCutoffs(state.plan),
    id: state.campaignId,
    agencyId: state.agencyId,
    title: state.title,
    status: state.status,
    version: state.version,
    draftedAt: state.draftedAt,
    ...(state.issue
      ? {
          documentType: 'KH' as const,
          planNumber: state.issue.planNumber,
          issuedOn: state.issue.issuedOn,
        }
      : {}),
    ...(state.issueRequest
      ? {
          issueRequest: {
            requestId: state.issueRequest.requestId,
            issuedOn: state.issueRequest.issuedOn,
            registerNumber: state.issueRequest.registerNumber,
          },
        }
      : {}),
    ...(state.lastIssueRefusal && state.status === 'draft'
      ? { lastIssueRefusal: state.lastIssueRefusal }
      : {}),
    ...(state.closedAt ? { closedAt: state.closedAt } : {}),
    amendments: state.amendments,
  } as unknown as CampaignView;
}
