import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  REGISTER_AGENCY,
  RegisterAgencyCommand,
  type AgencyView,
  type CommandResult,
} from '@ttkt/contracts';
import {
  answer,
  SERVICE_INFRASTRUCTURE,
  validateCommand,
  type ServiceInfrastructure,
} from '@ttkt/messaging';
import { dayOf } from '../../calendar';
import { StreamWriter } from '../../stream-writer';
import { tenantExists } from '../../tenants/tenant.table';
import { agencyStreamId } from '../agency.events';
import { agencyStream } from '../agency.state';
import { agencyExists, readAgency, saveAgency } from '../agency.table';
import { decideRegisterAgency } from './register-agency.decide';

/** `directory.register-agency`: in the context's tenant. */
@Controller()
export class RegisterAgencyController {
  constructor(
    private readonly writer: StreamWriter,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @MessagePattern(REGISTER_AGENCY)
  register(@Payload() payload: unknown): Promise<CommandResult<AgencyView>> {
    const { context, ...message } = validateCommand(RegisterAgencyCommand, payload);
    const { pool, schema, clock } = this.infrastructure;
    const tenantId = context.tenantId;
    return answer(async () => {
      const { position } = await this.writer.write({
        context,
        ref: { tenantId, streamId: agencyStreamId(message.agencyId) },
        stream: agencyStream,
        facts: async (client) => ({
          tenantKnown: await tenantExists(client, schema, tenantId),
          parentKnown: await agencyExists(client, schema, tenantId, message.parentAgencyId),
          predecessorKnown: await agencyExists(
            client,
            schema,
            tenantId,
            message.predecessorAgencyId,
          ),
        }),
        decide: (current, facts) => decideRegisterAgency({ ...message, tenantId }, current, facts),
        save: (client, after) => saveAgency(client, schema, after),
      });
      const body = await readAgency(pool, schema, tenantId, message.agencyId, dayOf(clock.now()));
      return { body, version: body.version, position };
    });
  }
}
