import { Inject, Injectable } from '@nestjs/common';
import type { AgencyView, CommandContext, CommandResult } from '@ttkt/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { dayOf } from '../calendar';
import { StreamWriter } from '../stream-writer';
import { agencyStreamId, type AgencyEvent } from './agency.events';
import { agencyStream, type AgencyState } from './agency.state';
import { readAgency, saveAgency } from './agency.table';

/**
 * Runs a command on an agency's stream (in the context's tenant), keeps the agencies table with
 * it, and answers the agency as read back from that table (its successor comes from other rows).
 */
@Injectable()
export class AgencyCommands {
  constructor(
    private readonly writer: StreamWriter,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  async run<Facts>(
    context: CommandContext,
    agencyId: string,
    facts: (client: PoolClient, schema: string) => Promise<Facts>,
    decide: (state: AgencyState, facts: Facts) => AgencyEvent[],
  ): Promise<CommandResult<AgencyView>> {
    const { pool, schema, clock } = this.infrastructure;
    const { tenantId } = context;
    const { position } = await this.writer.write({
      context,
      ref: { tenantId, streamId: agencyStreamId(agencyId) },
      stream: agencyStream,
      facts: (client) => facts(client, schema),
      decide,
      save: (client, after) => saveAgency(client, schema, after),
    });
    const body = await readAgency(pool, schema, tenantId, agencyId, dayOf(clock.now()));
    return { body, version: body.version, position };
  }
}
