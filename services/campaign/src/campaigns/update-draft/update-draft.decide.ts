import { DomainError, type ValidationIssue } from '@ttkt/contracts';
import type { CampaignEvent } from '../campaign.events';
import { campaignIn, nfcDeep } from '../campaign.guards';
import type { CampaignState } from '../campaign.state';
import { validatePlan, type DirectoryFacts } from '../plan/validate-plan';

/** Replace top-level fields of a draft. */
export interface UpdateDraft {
  type: 'UpdateDraft';
  campaignId: string;
  /** The version the sender read; another one → `precondition-failed`. */
  expectedVersion: number;
  changes: Record<string, unknown>;
  directory: DirectoryFacts;
  now: Date;
}

/** Fields set by the platform or by issuing, never by an update. */
const NOT_UPDATABLE = [
  'id',
  'status',
  'version',
  'documentType',
  'planNumber',
  'issuedOn',
  'amendments',
  'draftedAt',
];

/**
 * Draft only; at the version the sender read. `agencyId` stays; the plan after the update must
 * pass the same checks as a new draft.
 */
export function decideUpdateDraft(command: UpdateDraft, state: CampaignState): CampaignEvent[] {
  const campaign = campaignIn(state, command.campaignId, 'draft');
  if (command.expectedVersion !== campaign.version) {
    throw new DomainError('precondition-failed', {
      expected: command.expectedVersion,
      actual: campaign.version,
    });
  }
  const changes = nfcDeep(command.changes);
  const refused: ValidationIssue[] = Object.keys(changes).flatMap((key) =>
    key === 'agencyId'
      ? [{ path: key, message: 'immutable' }]
      : NOT_UPDATABLE.includes(key)
        ? [{ path: key, message: 'whitelistValidation' }]
        : [],
  );
  if (Object.keys(changes).length === 0) refused.push({ path: '', message: 'noChanges' });
  if (refused.length > 0) throw new DomainError('validation-failed', {}, refused);
  if (typeof changes.title === 'string') changes.title = changes.title.trim();
  const merged = {
    ...campaign.plan,
    agencyId: campaign.agencyId,
    title: campaign.title,
    ...changes,
  };
  const issues = validatePlan(merged, command.directory);
  if (issues.length > 0) throw new DomainError('validation-failed', {}, issues);
  return [
    {
      type: 'CampaignDraftUpdated',
      data: {
        campaignId: campaign.campaignId,
        agencyId: campaign.agencyId,
        title: typeof changes.title === 'string' ? changes.title : campaign.title,
        changes,
        updatedAt: command.now.toISOString(),
      },
    },
  ];
}
