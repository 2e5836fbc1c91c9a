import { Inject, Injectable } from '@nestjs/common';
import type { CampaignView, CommandContext, CommandResult } from '@ttkt/contracts';
import {
  handleCommand,
  type AppendMetadata,
  type AppendResult,
  type EventStore,
} from '@ttkt/event-store';
import { EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { CampaignReadRepository } from '../read-model/campaign-read.repository';
import { campaignStreamId, type CampaignEvent } from './campaign.events';
import { evolveCampaign, initialCampaignState, type CampaignState } from './campaign.state';
import { toCampaignView } from './campaign.view';

/** What a run produced. */
export interface CampaignRun {
  events: CampaignEvent[];
  state: CampaignState;
  result: AppendResult | null;
}

/** Who and why, stored with the events. */
export type RunMetadata = AppendMetadata;

/** The metadata of a command sent over RPC. */
export function metadataOf(context: CommandContext): RunMetadata {
  return {
    actor: context.actor,
    correlationId: context.correlationId,
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
  };
}

/**
 * Runs a campaign decider: load the stream, decide, append, and write the campaign's row of the
 * read table — all in one transaction (the caller's `client`, e.g. the inbox's, or a new one).
 */
@Injectable()
export class CampaignCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reads: CampaignReadRepository,
  ) {}

  /** Decides and appends; `after` runs in the same transaction once events were appended. */
  async run(
    tenantId: string,
    campaignId: string,
    decide: (state: CampaignState) => CampaignEvent[],
    options: {
      metadata?: RunMetadata;
      client?: PoolClient;
      after?: (client: PoolClient, run: CampaignRun) => Promise<void>;
    } = {},
  ): Promise<CampaignRun> {
    const work = async (client: PoolClient): Promise<CampaignRun> => {
      const outcome = await handleCommand<null, CampaignState, CampaignEvent>(
        this.store,
        {
          initialState: initialCampaignState,
          evolve: evolveCampaign,
          decide: (_command, state) => decide(state),
        },
        { tenantId, streamId: campaignStreamId(campaignId) },
        null,
        { metadata: options.metadata ?? {}, client },
      );
      if (outcome.result !== null && outcome.state.status !== 'none') {
        await this.reads.save(client, tenantId, toCampaignView(outcome.state));
        await options.after?.(client, outcome);
      }
      return outcome;
    };
    return options.client ? work(options.client) : this.store.transaction(work);
  }

  /** Runs a command sent over RPC and answers with the campaign's view. */
  async answer(
    context: CommandContext,
    campaignId: string,
    decide: (state: CampaignState) => CampaignEvent[],
  ): Promise<CommandResult<CampaignView>> {
    const { state, result } = await this.run(context.tenantId, campaignId, decide, {
      metadata: metadataOf(context),
    });
    if (state.status === 'none' || result === null) {
      throw new Error('a campaign command must leave the campaign existing with new events');
    }
    return {
      body: toCampaignView(state),
      version: result.nextVersion,
      position: this.store.toToken(result.lastPosition),
    };
  }

  /** The token of a stored event's position. */
  token(position: { transactionId: bigint; globalPosition: bigint }): string {
    return this.store.toToken(position);
  }

  /** The stream's events after `fromVersion` (polled by the issue command). */
  eventsAfter(tenantId: string, campaignId: string, fromVersion: number) {
    return this.store.readStream(
      { tenantId, streamId: campaignStreamId(campaignId) },
      { fromVersion },
    );
  }
}
