import type {
  AwardeeV1,
  CampaignIssuedV1,
  DecisionIssuedV1,
  DocumentSourceView,
  GeneratedDocumentKind,
  ProposalIssuedV1,
  SessionClosedV1,
} from '@ttkt/contracts';
import { documentIdOf } from './document-id';
import type { AgencyNames, CampaignFacts, DocumentInput, NomineeFacts } from './document-inputs';
import type { DocumentFacts } from './document.events';

/** One document an event asks for: its facts, its place in the request, its generation input. */
export interface PlannedDocument {
  facts: DocumentFacts;
  sequence: number;
  input: DocumentInput;
}

/** The day a document of each source is dated (its names are those in force then). */
export const documentDates = {
  campaign: (event: CampaignIssuedV1): string => event.issuedOn,
  decision: (event: DecisionIssuedV1): string => event.decidedOn,
  proposal: (event: ProposalIssuedV1): string => event.proposedOn,
  session: (event: SessionClosedV1): string => event.heldOn,
};

/** `campaign.issued.v1` → the plan (kế hoạch), dated and numbered as issued. Pure. */
export function planDocuments(
  tenantId: string,
  campaign: CampaignIssuedV1,
  names: AgencyNames,
): PlannedDocument[] {
  const source: DocumentSourceView = { kind: 'campaign', id: campaign.campaignId };
  return [
    {
      facts: facts(tenantId, source, 'plan', '', {
        campaignId: campaign.campaignId,
        agencyId: campaign.agencyId,
        number: campaign.planNumber,
        issuedOn: campaign.issuedOn,
        title: campaign.title,
        subjectPersonId: null,
      }),
      sequence: 0,
      input: { kind: 'plan', names, campaign },
    },
  ];
}

/**
 * `review.decision-issued.v1` → the decision (its annex of awardees inside) and one certificate
 * per awardee, in the annex's order; a certificate's input holds the decision with that awardee
 * only. Pure.
 */
export function decisionDocuments(
  tenantId: string,
  decision: DecisionIssuedV1,
  names: AgencyNames,
  sessionHeldOn: string | null,
): PlannedDocument[] {
  const source: DocumentSourceView = { kind: 'decision', id: decision.decisionId };
  const common = {
    campaignId: decision.campaignId,
    agencyId: decision.agencyId,
    number: decision.number,
    issuedOn: decision.decidedOn,
  };
  const main: PlannedDocument = {
    facts: facts(tenantId, source, 'decision', '', {
      ...common,
      title: withForm(`Quyết định số ${decision.number}`, decision.awardFormName),
      subjectPersonId: null,
    }),
    sequence: 0,
    input: { kind: 'decision', names, decision, sessionHeldOn },
  };
  const certificates = decision.awardees.map((awardee, index): PlannedDocument => ({
    facts: facts(tenantId, source, 'certificate', awardee.nominationId, {
      ...common,
      title: `Giấy khen – ${awardeeName(awardee)}`,
      subjectPersonId: isCollective(awardee) ? null : (awardee.personId ?? null),
    }),
    sequence: index + 1,
    input: { kind: 'certificate', names, decision: { ...decision, awardees: [awardee] } },
  }));
  return [main, ...certificates];
}

/** `review.proposal-issued.v1` → the proposal letter (tờ trình) and its summary list. Pure. */
export function proposalDocuments(
  tenantId: string,
  proposal: ProposalIssuedV1,
  names: AgencyNames,
  sessionHeldOn: string | null,
): PlannedDocument[] {
  const source: DocumentSourceView = { kind: 'proposal', id: proposal.proposalId };
  const common = {
    campaignId: proposal.campaignId,
    agencyId: proposal.agencyId,
    number: proposal.number,
    issuedOn: proposal.proposedOn,
    subjectPersonId: null,
  };
  return [
    {
      facts: facts(tenantId, source, 'proposal', '', {
        ...common,
        title: withForm(`Tờ trình số ${proposal.number}`, proposal.awardFormName),
      }),
      sequence: 0,
      input: { kind: 'proposal', names, proposal, sessionHeldOn },
    },
    {
      facts: facts(tenantId, source, 'summary-list', '', {
        ...common,
        title: `Danh sách trích ngang kèm Tờ trình số ${proposal.number}`,
      }),
      sequence: 1,
      input: { kind: 'summary-list', names, proposal, sessionHeldOn },
    },
  ];
}

/** `review.session-closed.v1` → the minutes (biên bản) of the council's session. Pure. */
export function minutesDocuments(
  tenantId: string,
  session: SessionClosedV1,
  names: AgencyNames,
  known: { campaign: CampaignFacts | null; nominees: Record<string, NomineeFacts> },
): PlannedDocument[] {
  const source: DocumentSourceView = { kind: 'session', id: session.sessionId };
  return [
    {
      facts: facts(tenantId, source, 'minutes', '', {
        campaignId: session.campaignId,
        agencyId: session.agencyId,
        number: null,
        issuedOn: session.heldOn,
        title: `Biên bản họp Hội đồng Thi đua – Khen thưởng ngày ${shortDate(session.heldOn)}`,
        subjectPersonId: null,
      }),
      sequence: 0,
      input: {
        kind: 'minutes',
        names,
        session,
        campaign: known.campaign,
        nominees: known.nominees,
        members: {},
      },
    },
  ];
}

function facts(
  tenantId: string,
  source: DocumentSourceView,
  kind: GeneratedDocumentKind,
  discriminator: string,
  rest: Omit<DocumentFacts, 'documentId' | 'kind' | 'source'>,
): DocumentFacts {
  return {
    documentId: documentIdOf({ tenantId, source, kind, discriminator }),
    kind,
    ...rest,
    title: rest.title.normalize('NFC'),
    source,
  };
}

function withForm(title: string, awardFormName: string): string {
  return awardFormName.trim() === '' ? title : `${title} – ${awardFormName.trim()}`;
}

function isCollective(awardee: AwardeeV1): boolean {
  return awardee.nominee['kind'] === 'collective';
}

/** The awardee as a certificate names it: the person's full name, or the unit's name. */
export function awardeeName(awardee: AwardeeV1): string {
  const name = isCollective(awardee) ? awardee.nominee['unitName'] : awardee.nominee['fullName'];
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : awardee.nominationId;
}

/** `2021-05-20` → `20/5/2021`, as a title writes a date. */
function shortDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${Number(date)}/${Number(month)}/${year}`;
}
