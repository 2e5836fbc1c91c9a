import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DomainError,
  GET_NOMINATION,
  GET_NOMINATION_HISTORY,
  GetNominationHistoryQuery,
  GetNominationQuery,
  LIST_CAMPAIGN_NOMINATIONS,
  LIST_MY_NOMINATIONS,
  ListCampaignNominationsQuery,
  ListMyNominationsQuery,
  REFERENCED_NOMINATION_BLOBS,
  ReferencedNominationBlobsQuery,
  type MyNominations,
  type NominationHistory,
  type NominationList,
  type NominationView,
  type ReferencedBlobs,
} from '@ttkt/contracts';
import type { EventStore } from '@ttkt/event-store';
import { answer, EVENT_STORE, validateCommand } from '@ttkt/messaging';
import { nominationStreamId } from '../nominations/nomination.events';
import { NominationReadRepository } from './nomination-read.repository';

/**
 * RPC entries of the dossier queries: one dossier and a campaign's or a person's dossiers from the
 * read table, the history from the dossier's stream (every stored event with its actor and instant),
 * and, for the gateway's blob sweep, which blobs any dossier's documents hold.
 */
@Controller()
export class NominationQueriesController {
  constructor(
    private readonly reads: NominationReadRepository,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @MessagePattern(GET_NOMINATION)
  async get(@Payload() payload: unknown): Promise<NominationView> {
    const query = validateCommand(GetNominationQuery, payload);
    return answer(() => this.reads.get(query.tenantId, query.nominationId));
  }

  @MessagePattern(GET_NOMINATION_HISTORY)
  async history(@Payload() payload: unknown): Promise<NominationHistory> {
    const query = validateCommand(GetNominationHistoryQuery, payload);
    return answer(async () => {
      const stored = await this.store.readStream({
        tenantId: query.tenantId,
        streamId: nominationStreamId(query.nominationId),
      });
      if (stored.length === 0)
        throw new DomainError('not-found', { nominationId: query.nominationId });
      return {
        items: stored.map((event) => ({
          type: event.type,
          at: event.metadata.occurredAt,
          actor: event.metadata.actor
            ? { kind: event.metadata.actor.kind, id: event.metadata.actor.id }
            : null,
          data: event.data as Record<string, unknown>,
        })),
      };
    });
  }

  @MessagePattern(LIST_CAMPAIGN_NOMINATIONS)
  async list(@Payload() payload: unknown): Promise<NominationList> {
    const query = validateCommand(ListCampaignNominationsQuery, payload);
    return answer(() =>
      this.reads.list({
        tenantId: query.tenantId,
        campaignId: query.campaignId,
        ...(query.status ? { status: query.status } : {}),
        ...(query.unitId ? { unitId: query.unitId } : {}),
        ...(query.unitIds ? { unitIds: query.unitIds } : {}),
        ...(query.awardFormCode ? { awardFormCode: query.awardFormCode } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      }),
    );
  }

  @MessagePattern(LIST_MY_NOMINATIONS)
  async mine(@Payload() payload: unknown): Promise<MyNominations> {
    const query = validateCommand(ListMyNominationsQuery, payload);
    return answer(() => this.reads.listMine(query.tenantId, query.personId));
  }

  /** The gateway's blob sweep: which of these blobs a dossier records (all tenants). */
  @MessagePattern(REFERENCED_NOMINATION_BLOBS)
  async referencedBlobs(@Payload() payload: unknown): Promise<ReferencedBlobs> {
    const query = validateCommand(ReferencedNominationBlobsQuery, payload);
    return answer(async () => ({ referenced: await this.reads.referencedBlobs(query.sha256s) }));
  }
}
