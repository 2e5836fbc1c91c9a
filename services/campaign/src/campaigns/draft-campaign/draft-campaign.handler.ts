import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, CommandResult } from '@ttkt/contracts';
import { handleCommand, type Clock, type EventStore } from '@ttkt/event-store';
import { CLOCK, EVENT_STORE } from '@ttkt/messaging';
import { campaignStreamId, type CampaignEvent } from '../campaign.events';
import { evolveCampaign, initialCampaignState, type CampaignState } from '../campaign.state';
import { decideDraftCampaign, type DraftCampaign } from './draft-campaign.decide';

/** The draft as the gateway reads it back. */
export interface CampaignDraftView {
  id: string;
  agencyId: string;
  title: string;
  status: 'draft';
  version: number;
  [field: string]: unknown;
}

/** Loads the campaign's stream, decides, appends; retries on a concurrent write. */
@Injectable()
export class DraftCampaignHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    context: CommandContext,
    input: Omit<DraftCampaign, 'type' | 'now'>,
  ): Promise<CommandResult<CampaignDraftView>> {
    const command: DraftCampaign = { ...input, type: 'DraftCampaign', now: this.clock.now() };
    const outcome = await handleCommand<DraftCampaign, CampaignState, CampaignEvent>(
      this.store,
      { initialState: initialCampaignState, evolve: evolveCampaign, decide: decideDraftCampaign },
      { tenantId: context.tenantId, streamId: campaignStreamId(input.campaignId) },
      command,
      {
        metadata: {
          actor: context.actor,
          correlationId: context.correlationId,
          ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
        },
      },
    );
    const { state, result } = outcome;
    if (state.status !== 'draft' || result === null) {
      throw new Error('a draft must leave the campaign in draft with one event');
    }
    return {
      body: {
        ...state.plan,
        id: state.campaignId,
        agencyId: state.agencyId,
        title: state.title,
        status: 'draft',
        version: result.nextVersion,
      },
      version: result.nextVersion,
      position: this.store.toToken(result.lastPosition),
    };
  }
}
