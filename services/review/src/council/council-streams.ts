import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, CommandResult, CouncilView } from '@ttkt/contracts';
import { handleCommand, type Clock, type EventStore, type StreamRef } from '@ttkt/event-store';
import { CLOCK, EVENT_STORE } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { dayOf } from './calendar';
import { metadataOf } from './command-context';
import { councilStreamId, type CouncilEvent } from './council.events';
import {
  evolveCouncil,
  foldCouncil,
  initialCouncilState,
  type CouncilState,
} from './council.state';
import { toCouncilView } from './council.view';

/**
 * The agencies' council streams (`council-<agencyId>`): configurations are appended by
 * {@link CouncilStreams.configure}; sessions read the configuration in force on their day with
 * {@link CouncilStreams.read}. The stream is short (a few configurations a year), so it is folded
 * on each read rather than kept in a read table.
 */
@Injectable()
export class CouncilStreams {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The council's state (in `client`'s transaction when given). */
  async read(tenantId: string, agencyId: string, client?: PoolClient): Promise<CouncilState> {
    const stored = await this.store.readStream(
      this.ref(tenantId, agencyId),
      client ? { client } : {},
    );
    return foldCouncil(
      stored.map((event) => ({ type: event.type, data: event.data }) as CouncilEvent),
    );
  }

  /** Decides a configuration against the council and appends it; answers with the council. */
  async configure(
    context: CommandContext,
    agencyId: string,
    decide: (state: CouncilState) => CouncilEvent[],
  ): Promise<CommandResult<CouncilView>> {
    const ref = this.ref(context.tenantId, agencyId);
    const { state, result } = await handleCommand<null, CouncilState, CouncilEvent>(
      this.store,
      {
        initialState: initialCouncilState,
        evolve: evolveCouncil,
        decide: (_none, current) => decide(current),
      },
      ref,
      null,
      { metadata: metadataOf(context) },
    );
    const body = toCouncilView(agencyId, state, dayOf(this.clock.now()));
    if (result !== null) {
      return {
        body,
        version: result.nextVersion,
        position: this.store.toToken(result.lastPosition),
      };
    }
    const stored = await this.store.readStream(ref);
    const last = stored[stored.length - 1];
    return { body, version: state.version, position: last ? this.store.toToken(last) : '' };
  }

  /** Today's council view (Asia/Ho_Chi_Minh). */
  view(agencyId: string, state: CouncilState): CouncilView {
    return toCouncilView(agencyId, state, dayOf(this.clock.now()));
  }

  private ref(tenantId: string, agencyId: string): StreamRef {
    return { tenantId, streamId: councilStreamId(agencyId) };
  }
}
