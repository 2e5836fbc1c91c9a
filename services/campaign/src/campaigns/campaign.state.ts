import type { CampaignStatus } from '@ttkt/contracts';
import type { AwardFormAmendmentData, CampaignActor, CampaignEvent } from './campaign.events';

/** A recorded amendment. */
export interface CampaignAmendment {
  reason: string;
  changes: { awardForms: AwardFormAmendmentData[] };
  amendedAt: string;
  amendedBy: CampaignActor | null;
}

/** A campaign that exists. */
export interface ExistingCampaign {
  status: CampaignStatus;
  /** Events applied so far (the stream's version). */
  version: number;
  campaignId: string;
  agencyId: string;
  title: string;
  /** The plan's fields without agencyId and title; amendments applied. */
  plan: Record<string, unknown>;
  draftedAt: string;
  /** The pending request while issuing. */
  issueRequest: {
    requestId: string;
    agencyCode: string;
    issuedOn: string;
    registerNumber: number | null;
  } | null;
  /** Set once issued. */
  issue: {
    requestId: string;
    planNumber: string;
    number: number;
    year: number;
    issuedOn: string;
  } | null;
  lastIssueRefusal: {
    requestId: string;
    code: string;
    params: Record<string, string | number | boolean | null>;
  } | null;
  /** Requests given up (cancelled), whose late numbers are released. */
  cancelledRequests: string[];
  /** Why each cancelled request was given up, as the agency-head wrote it (by request id). */
  cancelReasons: Readonly<Record<string, string>>;
  /** Requests whose numbers were released already. */
  releasedRequests: string[];
  amendments: CampaignAmendment[];
  closedAt: string | null;
}

/** A campaign's state, folded from its stream. */
export type CampaignState = { status: 'none'; version: 0 } | ExistingCampaign;

/** The state of a stream with no events. */
export function initialCampaignState(): CampaignState {
  return { status: 'none', version: 0 };
}

/** Applies one stored event. */
export function evolveCampaign(state: CampaignState, event: CampaignEvent): CampaignState {
  if (event.type === 'CampaignDrafted') {
    return {
      status: 'draft',
      version: state.version + 1,
      campaignId: event.data.campaignId,
      agencyId: event.data.agencyId,
      title: event.data.title,
      plan: event.data.plan,
      draftedAt: event.data.draftedAt,
      issueRequest: null,
      issue: null,
      lastIssueRefusal: null,
      cancelledRequests: [],
      cancelReasons: {},
      releasedRequests: [],
      amendments: [],
      closedAt: null,
    };
  }
  if (state.status === 'none') return state;
  const next: ExistingCampaign = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'CampaignDraftUpdated': {
      const { title: _title, ...plan } = event.data.changes;
      return { ...next, title: event.data.title, plan: { ...next.plan, ...plan } };
    }
    case 'CampaignIssueRequested':
      return {
        ...next,
        status: 'issuing',
        issueRequest: {
          requestId: event.data.requestId,
          agencyCode: event.data.agencyCode,
          issuedOn: event.data.issuedOn,
          registerNumber: event.data.registerNumber,
        },
        lastIssueRefusal: null,
      };
    case 'CampaignIssued':
      return {
        ...next,
        status: 'issued',
        issueRequest: null,
        issue: {
          requestId: event.data.requestId,
          planNumber: event.data.planNumber,
          number: event.data.number,
          year: event.data.year,
          issuedOn: event.data.issuedOn,
        },
      };
    case 'CampaignIssueRefused':
      return {
        ...next,
        status: 'draft',
        issueRequest: null,
        lastIssueRefusal: {
          requestId: event.data.requestId,
          code: event.data.code,
          params: event.data.params,
        },
      };
    case 'CampaignIssueCancelled':
      return {
        ...next,
        status: 'draft',
        issueRequest: null,
        cancelledRequests: [...next.cancelledRequests, event.data.requestId],
        cancelReasons: { ...next.cancelReasons, [event.data.requestId]: event.data.reason },
      };
    case 'CampaignIssueNumberReleased':
      return { ...next, releasedRequests: [...next.releasedRequests, event.data.requestId] };
    case 'CampaignAmended':
      return {
        ...next,
        plan: event.data.plan,
        amendments: [
          ...next.amendments,
          {
            reason: event.data.reason,
            changes: event.data.changes,
            amendedAt: event.data.amendedAt,
            amendedBy: event.data.amendedBy,
          },
        ],
      };
    case 'CampaignClosed':
      return { ...next, status: 'closed', closedAt: event.data.closedAt };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
