import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ENSURE_BOOTSTRAP_ADMIN,
  EnsureBootstrapAdminCommand,
  type BootstrapAdminResult,
} from '@ttkt/contracts';
import { runCommand } from '../../command-rpc';
import { UserAccounts } from '../user-accounts';

/** `directory.ensure-bootstrap-admin`: idempotent by username. */
@Controller()
export class EnsureBootstrapAdminController {
  constructor(private readonly accounts: UserAccounts) {}

  @MessagePattern(ENSURE_BOOTSTRAP_ADMIN)
  ensure(@Payload() payload: unknown): Promise<BootstrapAdminResult> {
    return runCommand(EnsureBootstrapAdminCommand, payload, (message) =>
      this.accounts.ensureBootstrapAdmin(message.username, message.password),
    );
  }
}
