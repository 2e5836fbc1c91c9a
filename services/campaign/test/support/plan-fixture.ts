import { loadBacKanFixture, type JsonObject } from '@ttkt/testing';
import type { CampaignEvent } from '../../src/campaigns/campaign.events';
import {
  evolveCampaign,
  initialCampaignState,
  type CampaignState,
} from '../../src/campaigns/campaign.state';
import type { DirectoryFacts } from '../../src/campaigns/plan/validate-plan';

/** The agency of the Bắc Kạn plan in the tests. */
export const AGENCY_ID = 'skhcn-bac-kan';

/** The units the plan names, and a few more. */
export const UNIT_CODES = ['VP', 'QLCNCN', 'KHTC', 'TTr', 'TTUD'];

/** The directory as the service's copy knows it for the plan's agency. */
export const KNOWN_DIRECTORY: DirectoryFacts = {
  agencyExists: true,
  unitCodes: new Set(UNIT_CODES),
};

/**
 * Plan 27/KH-SKHCN as `POST /campaigns` takes it: the fixture's `campaign` without what issuing
 * sets (`documentType`, `planNumber`, `issuedOn`), with the agency's id.
 */
export function bacKanPlan(): JsonObject {
  const { campaign } = loadBacKanFixture() as { campaign: JsonObject };
  const { documentType: _type, planNumber: _number, issuedOn: _on, ...plan } = campaign;
  return { ...plan, agencyId: AGENCY_ID };
}

/** The plan split as the draft command takes it. */
export function draftInput(): { agencyId: string; title: string; plan: Record<string, unknown> } {
  const { agencyId, title, ...plan } = bacKanPlan();
  return { agencyId: agencyId as string, title: title as string, plan };
}

/** The state after `events`. */
export function given(events: CampaignEvent[]): CampaignState {
  return events.reduce(evolveCampaign, initialCampaignState());
}

/** The campaign id of the decider specs. */
export const CAMPAIGN_ID = '6f1d2a4e-7c55-4f61-9a43-0d5f0c6b9e11';
/** The first issue request of the decider specs. */
export const REQUEST_ID = '0b0f6a7e-2d6c-4a55-8f25-6f1f3e1f0001';

/** Stored events of a campaign's life, as the deciders would have written them. */
export const history = {
  drafted(): CampaignEvent {
    const { agencyId, title, plan } = draftInput();
    return {
      type: 'CampaignDrafted',
      data: {
        campaignId: CAMPAIGN_ID,
        agencyId,
        title,
        plan,
        draftedAt: '2021-03-01T02:00:00.000Z',
      },
    };
  },
  issueRequested(requestId = REQUEST_ID, registerNumber: number | null = null): CampaignEvent {
    return {
      type: 'CampaignIssueRequested',
      data: {
        campaignId: CAMPAIGN_ID,
        agencyId: AGENCY_ID,
        agencyCode: 'SKHCN',
        requestId,
        issuedOn: '2021-03-30',
        registerNumber,
        requestedAt: '2021-03-30T01:00:00.000Z',
      },
    };
  },
  issued(requestId = REQUEST_ID): CampaignEvent {
    const { title, plan } = draftInput();
    return {
      type: 'CampaignIssued',
      data: {
        campaignId: CAMPAIGN_ID,
        agencyId: AGENCY_ID,
        requestId,
        title,
        plan,
        documentType: 'KH',
        planNumber: '27/KH-SKHCN',
        number: 27,
        year: 2021,
        issuedOn: '2021-03-30',
        assignedAt: '2021-03-30T01:00:01.000Z',
      },
    };
  },
  cancelled(requestId = REQUEST_ID): CampaignEvent {
    return {
      type: 'CampaignIssueCancelled',
      data: {
        campaignId: CAMPAIGN_ID,
        agencyId: AGENCY_ID,
        requestId,
        reason: 'Ký nhầm ngày',
        issuedOn: '2021-03-30',
        cancelledAt: '2021-03-30T01:05:00.000Z',
      },
    };
  },
  closed(): CampaignEvent {
    return {
      type: 'CampaignClosed',
      data: { campaignId: CAMPAIGN_ID, agencyId: AGENCY_ID, closedAt: '2021-06-01T01:00:00.000Z' },
    };
  },
};

/** The parts of a plan the specs change, typed loosely enough to break them. */
export interface EditablePlan {
  title?: unknown;
  signer?: unknown;
  period: { from: unknown; to: unknown };
  awardForms: {
    code: unknown;
    decidedBy: { kind: unknown };
    quota: { max?: unknown };
    eligibleSubjects: unknown[];
    unitStage: { before: unknown; to: { unit?: unknown }; requiredDocuments: { code: unknown }[] };
    proposalStage?: { before: unknown; requiredDocuments: { code: unknown }[] };
  }[];
  responsibilities: { who: { unit?: unknown } }[];
  [field: string]: unknown;
}

/** The fixture's plan, to change in a spec. */
export function editablePlan(): EditablePlan {
  return bacKanPlan() as unknown as EditablePlan;
}
