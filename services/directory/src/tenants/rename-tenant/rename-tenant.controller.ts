import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  RENAME_TENANT,
  RenameTenantCommand,
  type CommandResult,
  type TenantView,
} from '@ttkt/contracts';
import { runCommand } from '../../command-rpc';
import { TenantCommands } from '../tenant-commands';
import { decideRenameTenant } from './rename-tenant.decide';

/** `directory.rename-tenant`. */
@Controller()
export class RenameTenantController {
  constructor(private readonly tenants: TenantCommands) {}

  @MessagePattern(RENAME_TENANT)
  rename(@Payload() payload: unknown): Promise<CommandResult<TenantView>> {
    return runCommand(RenameTenantCommand, payload, (message) =>
      this.tenants.run(message.context, message.tenantId, (current) =>
        decideRenameTenant(message, current),
      ),
    );
  }
}
