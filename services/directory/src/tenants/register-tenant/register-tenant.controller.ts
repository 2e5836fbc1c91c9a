import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  REGISTER_TENANT,
  RegisterTenantCommand,
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
import { decideRegisterTenant } from './register-tenant.decide';

/** `directory.register-tenant`. */
@Controller()
export class RegisterTenantController {
  constructor(
    private readonly writer: StreamWriter,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @MessagePattern(REGISTER_TENANT)
  register(@Payload() payload: unknown): Promise<CommandResult<TenantView>> {
    const message = validateCommand(RegisterTenantCommand, payload);
    const { schema, clock } = this.infrastructure;
    return answer(async () => {
      const { state, position } = await this.writer.write({
        context: message.context,
        ref: { tenantId: message.tenantId, streamId: tenantStreamId(message.tenantId) },
        stream: tenantStream,
        facts: () => Promise.resolve(null),
        decide: (current) => decideRegisterTenant(message, current),
        save: (client, after) => saveTenant(client, schema, after),
      });
      if (state.status !== 'registered') throw new Error('a registered tenant was expected');
      return {
        body: tenantView(state, dayOf(clock.now())),
        version: state.version,
        position,
      };
    });
  }
}
