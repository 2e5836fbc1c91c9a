import { DomainError } from '@ttkt/contracts';
import type { CampaignEvent } from '../campaign.events';
import { nfcDeep } from '../campaign.guards';
import type { CampaignState } from '../campaign.state';
import { validatePlan, type DirectoryFacts } from '../plan/validate-plan';

/** Draft a new plan. `now` comes from the injected clock; `directory` from the service's copy. */
export interface DraftCampaign {
  type: 'DraftCampaign';
  campaignId: string;
  agencyId: string;
  title: string;
  plan: Record<string, unknown>;
  directory: DirectoryFacts;
  now: Date;
}

/**
 * A plan can be drafted once per id; a repeat with the same id is an `invalid-state` conflict.
 * The whole plan must pass {@link validatePlan} (text in NFC, the title trimmed).
 */
export function decideDraftCampaign(command: DraftCampaign, state: CampaignState): CampaignEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('invalid-state', {
      campaignId: command.campaignId,
      status: state.status,
    });
  }
  const title = command.title.normalize('NFC').trim();
  const plan = nfcDeep(command.plan);
  const issues = validatePlan({ ...plan, agencyId: command.agencyId, title }, command.directory);
  if (issues.length > 0) throw new DomainError('validation-failed', {}, issues);
  return [
    {
      type: 'CampaignDrafted',
      data: {
        campaignId: command.campaignId,
        agencyId: command.agencyId,
        title,
        plan,
        draftedAt: command.now.toISOString(),
      },
    },
  ];
}
