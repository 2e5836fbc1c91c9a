import { Inject, Injectable } from '@nestjs/common';
import type {
  CampaignIssuedV1,
  DecisionIssuedV1,
  IntegrationEvent,
  ProposalIssuedV1,
  SessionClosedV1,
} from '@ttkt/contracts';
import { VersionConflict, type Clock, type EventStore } from '@ttkt/event-store';
import { CLOCK, EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { CampaignCopy } from '../copies/campaign-copy';
import { DirectoryNamesCopy } from '../copies/directory-names-copy';
import { NomineeCopy } from '../copies/nominee-copy';
import { SessionCopy } from '../copies/session-copy';
import { metadataOf } from '../integration/consumed-events';
import type { AgencyNames } from './document-inputs';
import {
  decisionDocuments,
  documentDates,
  minutesDocuments,
  planDocuments,
  proposalDocuments,
  type PlannedDocument,
} from './document-requests';
import { DocumentReads } from './document-reads';
import { documentStreamId, type DocumentRequested } from './document.events';
import { evolveDocument, initialDocumentState, type ExistingDocument } from './document.state';
import { toDocumentView } from './document.view';
import { DocumentWorker } from './document-worker';

/**
 * Turns the events that issue documents into pending documents, in the consumer's transaction
 * (with the inbox claim): `campaign.issued.v1` → the plan; `review.decision-issued.v1` → the
 * decision and a certificate per awardee; `review.proposal-issued.v1` → the proposal letter and
 * the summary list; `review.session-closed.v1` → the minutes. (An amended plan is not generated
 * again: `campaign.amended.v1` is not consumed.) Each document's `DocumentRequested` carries what
 * its generation needs — the event's payload and the names in force on its date from the
 * directory's copy — and is appended with expected version `no-stream` under an id derived from
 * the source: a redelivery finds the stream and requests nothing. The worker generates them
 * after the commit.
 */
@Injectable()
export class RequestDocumentsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly names: DirectoryNamesCopy,
    private readonly campaigns: CampaignCopy,
    private readonly nominees: NomineeCopy,
    private readonly sessions: SessionCopy,
    private readonly reads: DocumentReads,
    private readonly worker: DocumentWorker,
  ) {}

  /** `campaign.issued.v1`: the plan. */
  async onCampaignIssued(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const campaign = event.data as CampaignIssuedV1;
    await this.campaigns.save(client, event.tenantId, campaign);
    const names = await this.namesOf(
      client,
      event,
      campaign.agencyId,
      documentDates.campaign(campaign),
    );
    await this.request(event, client, planDocuments(event.tenantId, campaign, names));
  }

  /** `review.decision-issued.v1`: the decision and its certificates. */
  async onDecisionIssued(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const decision = event.data as DecisionIssuedV1;
    const names = await this.namesOf(
      client,
      event,
      decision.agencyId,
      documentDates.decision(decision),
    );
    const heldOn = await this.sessions.heldOn(client, event.tenantId, decision.sessionId);
    await this.request(event, client, decisionDocuments(event.tenantId, decision, names, heldOn));
  }

  /** `review.proposal-issued.v1`: the proposal letter and the summary list. */
  async onProposalIssued(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const proposal = event.data as ProposalIssuedV1;
    const names = await this.namesOf(
      client,
      event,
      proposal.agencyId,
      documentDates.proposal(proposal),
    );
    const heldOn = await this.sessions.heldOn(client, event.tenantId, proposal.sessionId);
    await this.request(event, client, proposalDocuments(event.tenantId, proposal, names, heldOn));
  }

  /** `review.session-closed.v1`: the minutes. */
  async onSessionClosed(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const session = event.data as SessionClosedV1;
    await this.sessions.save(client, event.tenantId, session);
    const names = await this.namesOf(
      client,
      event,
      session.agencyId,
      documentDates.session(session),
    );
    const nominationIds = session.forms.flatMap((form) =>
      form.tally.map((line) => line.nominationId),
    );
    const known = {
      campaign: await this.campaigns.read(client, event.tenantId, session.campaignId),
      nominees: await this.nominees.read(client, event.tenantId, nominationIds),
    };
    await this.request(event, client, minutesDocuments(event.tenantId, session, names, known));
  }

  /**
   * The names in force on the document's date. The directory registers agencies long before they
   * issue anything; should its events still be on their way, the message is retried (and its
   * documents requested once they arrive).
   */
  private async namesOf(
    client: PoolClient,
    event: IntegrationEvent,
    agencyId: string,
    day: string,
  ): Promise<AgencyNames> {
    const names = await this.names.namesOn(client, event.tenantId, agencyId, day);
    if (names === null) {
      throw new Error(
        `${event.type} ${event.id}: the names of agency ${agencyId} (its tenant, its parent) are not in the directory's copy yet`,
      );
    }
    return names;
  }

  private async request(
    event: IntegrationEvent,
    client: PoolClient,
    planned: readonly PlannedDocument[],
  ): Promise<void> {
    const requestedAt = this.clock.now().toISOString();
    let requested = 0;
    for (const { facts, sequence, input } of planned) {
      const requestedEvent: DocumentRequested = {
        type: 'DocumentRequested',
        data: { ...facts, sequence, input, requestedAt },
      };
      try {
        const result = await this.store.append(
          { tenantId: event.tenantId, streamId: documentStreamId(facts.documentId) },
          'no-stream',
          [requestedEvent],
          metadataOf(event),
          { client },
        );
        const state = evolveDocument(initialDocumentState(), requestedEvent) as ExistingDocument;
        if (state.version !== result.nextVersion)
          throw new Error('a new document stream at another version');
        await this.reads.save(client, event.tenantId, toDocumentView(facts.documentId, state), 0);
        requested += 1;
      } catch (error) {
        // Requested already (a redelivery, or the same event sent again): nothing to do.
        if (error instanceof VersionConflict && error.actual > 0) continue;
        throw error;
      }
    }
    if (requested > 0) this.worker.nudge();
  }
}
