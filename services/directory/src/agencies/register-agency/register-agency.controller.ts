import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  REGISTER_AGENCY,
  RegisterAgencyCommand,
  type AgencyView,
  type CommandResult,
} from '@ttkt/contracts';
import { runCommand } from '../../command-rpc';
import { tenantExists } from '../../tenants/tenant.table';
import { AgencyCommands } from '../agency-commands';
import { agencyExists, predecessorFacts } from '../agency.table';
import { decideRegisterAgency } from './register-agency.decide';

/** `directory.register-agency`: in the context's tenant. */
@Controller()
export class RegisterAgencyController {
  constructor(private readonly agencies: AgencyCommands) {}

  @MessagePattern(REGISTER_AGENCY)
  register(@Payload() payload: unknown): Promise<CommandResult<AgencyView>> {
    return runCommand(RegisterAgencyCommand, payload, ({ context, ...message }) => {
      const { tenantId } = context;
      return this.agencies.run(
        context,
        message.agencyId,
        async (client, schema) => ({
          tenantKnown: await tenantExists(client, schema, tenantId),
          parentKnown: await agencyExists(client, schema, tenantId, message.parentAgencyId),
          predecessor: await predecessorFacts(
            client,
            schema,
            tenantId,
            message.predecessorAgencyId,
          ),
        }),
        (current, facts) => decideRegisterAgency({ ...message, tenantId }, current, facts),
      );
    });
  }
}
