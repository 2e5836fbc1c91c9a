import { DomainError } from '@ttkt/contracts';
import type { CampaignEvent } from '../campaign.events';
import type { CampaignState } from '../campaign.state';

/** Draft a new plan. `now` comes from the injected clock. */
export interface DraftCampaign {
  type: 'DraftCampaign';
  campaignId: string;
  agencyId: string;
  title: string;
  plan: Record<string, unknown>;
  now: Date;
}

/** A plan can be drafted once per id; a repeat with the same id is an `invalid-state` conflict. */
export function decideDraftCampaign(command: DraftCampaign, state: CampaignState): CampaignEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('invalid-state', {
      campaignId: command.campaignId,
      status: state.status,
    });
  }
  const title = command.title.normalize('NFC').trim();
  if (title.length === 0) {
    throw new DomainError('validation-failed', {}, [{ path: 'title', message: 'isNotEmpty' }]);
  }
  return [
    {
      type: 'CampaignDrafted',
      data: {
        campaignId: command.campaignId,
        agencyId: command.agencyId,
        title,
        plan: command.plan,
        draftedAt: command.now.toISOString(),
      },
    },
  ];
}
