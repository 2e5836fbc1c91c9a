import { DomainError, type CampaignStatus } from '@ttkt/contracts';
import type { CampaignState, ExistingCampaign } from './campaign.state';

/** The campaign, or `not-found` when its stream is empty. */
export function existingCampaign(state: CampaignState, campaignId: string): ExistingCampaign {
  if (state.status === 'none') throw new DomainError('not-found', { campaignId });
  return state;
}

/** The campaign in one of `statuses`, else `invalid-state` naming where it stands. */
export function campaignIn(
  state: CampaignState,
  campaignId: string,
  ...statuses: CampaignStatus[]
): ExistingCampaign {
  const campaign = existingCampaign(state, campaignId);
  if (!statuses.includes(campaign.status)) {
    throw new DomainError('invalid-state', { campaignId, status: campaign.status });
  }
  return campaign;
}

/** Every string in `value` (at any depth) in NFC. */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => nfcDeep(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key.normalize('NFC'), nfcDeep(inner)]),
    ) as T;
  }
  return value;
}

/** A required free text (reason), NFC and trimmed; blank → `validation-failed` at `path`. */
export function requiredText(value: string, path: string): string {
  const text = value.normalize('NFC').trim();
  if (text === '')
    throw new DomainError('validation-failed', {}, [{ path, message: 'isNotEmpty' }]);
  return text;
}
