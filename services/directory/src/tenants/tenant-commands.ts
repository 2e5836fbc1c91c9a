import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, CommandResult, TenantView } from '@ttkt/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@ttkt/messaging';
import { dayOf } from '../calendar';
import { StreamWriter } from '../stream-writer';
import { tenantStreamId, type TenantEvent } from './tenant.events';
import { tenantStream, type TenantState } from './tenant.state';
import { saveTenant, tenantView } from './tenant.table';

/** Runs a command on a tenant's stream and keeps the tenants table with it. */
@Injectable()
export class TenantCommands {
  constructor(
    private readonly writer: StreamWriter,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  async run(
    context: CommandContext,
    tenantId: string,
    decide: (state: TenantState) => TenantEvent[],
  ): Promise<CommandResult<TenantView>> {
    const { schema, clock } = this.infrastructure;
    const { state, position } = await this.writer.write({
      context,
      ref: { tenantId, streamId: tenantStreamId(tenantId) },
      stream: tenantStream,
      facts: () => Promise.resolve(null),
      decide,
      save: (client, after) => saveTenant(client, schema, after),
    });
    if (state.status !== 'registered') throw new Error('a registered tenant was expected');
    return { body: tenantView(state, dayOf(clock.now())), version: state.version, position };
  }
}
