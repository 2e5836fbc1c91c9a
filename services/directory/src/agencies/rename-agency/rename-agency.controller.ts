import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  RENAME_AGENCY,
  RenameAgencyCommand,
  type AgencyView,
  type CommandResult,
} from '@ttkt/contracts';
import { runCommand } from '../../command-rpc';
import { AgencyCommands } from '../agency-commands';
import { decideRenameAgency } from './rename-agency.decide';

/** `directory.rename-agency`. */
@Controller()
export class RenameAgencyController {
  constructor(private readonly agencies: AgencyCommands) {}

  @MessagePattern(RENAME_AGENCY)
  rename(@Payload() payload: unknown): Promise<CommandResult<AgencyView>> {
    return runCommand(RenameAgencyCommand, payload, ({ context, ...message }) =>
      this.agencies.run(
        context,
        message.agencyId,
        () => Promise.resolve(null),
        (current) => decideRenameAgency(message, current),
      ),
    );
  }
}
