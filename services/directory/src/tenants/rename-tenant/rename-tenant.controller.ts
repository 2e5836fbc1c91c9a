import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  RENAME_TENANT,
  RenameTenantCommand,
  type CommandResult,
  type TenantView,
} from '@ttkt/contracts';
import {
  answer,
  SERVICE_INFRASTRUCTURE,
  validateCommand,
  type ServiceInfrastructure,
} from '@ttkt/messaging';
import { dayOf } from '../../calendar';
import { StreamWriter } from '../../stream-writer';
import { tenantStreamId } from '../tenant.events';
import { tenantStream } from '../tenant.state';
import { saveTenant, tenantView } from '../tenant.table';
import { decideRenameTenant } from './rename-tenant.decide';

/** `directory.rename-tenant`. */
@Controller()
export class RenameTenantController {
  constructor(
    private readonly writer: StreamWriter,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @MessagePattern(RENAME_TENANT)
  rename(@Payload() payload: unknown): Promise<CommandResult<TenantView>> {
    const message = validateCommand(RenameTenantCommand, payload);
    const { schema, clock } = this.infrastructure;
    return answer(async () => {
      const { state, position } = await this.writer.write({
        context: message.context,
        ref: { tenantId: message.tenantId, streamId: tenantStreamId(message.tenantId) },
        stream: tenantStream,
        facts: () => Promise.resolve(null),
        decide: (current) => decideRenameTenant(message, current),
        save: (client, after) => saveTenant(client, schema, after),
      });
      if (state.status !== 'registered') throw new Error('a registered tenant was expected');
      return { body: tenantView(state, dayOf(clock.now())), version: state.version, position };
    });
  }
}
