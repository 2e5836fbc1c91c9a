import type { AwardFormAmendmentData } from '../campaign.events';

type Json = Record<string, unknown>;

/** The plan with an amendment's new quotas and deadlines (and their wordings) applied. */
export function applyAmendment(
  plan: Json,
  changes: { awardForms: AwardFormAmendmentData[] },
): Json {
  const forms = Array.isArray(plan.awardForms) ? (plan.awardForms as Json[]) : [];
  return {
    ...plan,
    awardForms: forms.map((form) => {
      const change = changes.awardForms.find((candidate) => candidate.code === form.code);
      if (!change) return form;
      const amended: Json = { ...form };
      if (change.quotaMax !== undefined) {
        amended.quota = { ...(form.quota as Json), max: change.quotaMax };
      }
      if (change.unitStageBefore !== undefined) {
        amended.unitStage = {
          ...(form.unitStage as Json),
          before: change.unitStageBefore,
          beforeWording: change.unitStageBeforeWording,
        };
      }
      if (change.proposalStageBefore !== undefined) {
        amended.proposalStage = {
          ...(form.proposalStage as Json),
          before: change.proposalStageBefore,
          beforeWording: change.proposalStageBeforeWording,
        };
      }
      return amended;
    }),
  };
}
