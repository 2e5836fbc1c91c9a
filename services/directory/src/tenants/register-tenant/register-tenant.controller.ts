import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  REGISTER_TENANT,
  RegisterTenantCommand,
  type CommandResult,
  type TenantView,
} from '@ttkt/contracts';
import { runCommand } from '../../command-rpc';
import { TenantCommands } from '../tenant-commands';
import { decideRegisterTenant } from './register-tenant.decide';

/** `directory.register-tenant`. */
@Controller()
export class RegisterTenantController {
  constructor(private readonly tenants: TenantCommands) {}

  @MessagePattern(REGISTER_TENANT)
  register(@Payload() payload: unknown): Promise<CommandResult<TenantView>> {
    return runCommand(RegisterTenantCommand, payload, (message) =>
      this.tenants.run(message.context, message.tenantId, (current) =>
        decideRegisterTenant(message, current),
      ),
    );
  }
}
