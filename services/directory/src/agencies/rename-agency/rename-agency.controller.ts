import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  RENAME_AGENCY,
  RenameAgencyCommand,
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
import { agencyStreamId } from '../agency.events';
import { agencyStream } from '../agency.state';
import { readAgency, saveAgency } from '../agency.table';
import { decideRenameAgency } from './rename-agency.decide';

/** `directory.rename-agency`. */
@Controller()
export class RenameAgencyController {
  constructor(
    private readonly writer: StreamWriter,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @MessagePattern(RENAME_AGENCY)
  rename(@Payload() payload: unknown): Promise<CommandResult<AgencyView>> {
    const { context, ...message } = validateCommand(RenameAgencyCommand, payload);
    const { pool, schema, clock } = this.infrastructure;
    return answer(async () => {
      const { position } = await this.writer.write({
        context,
        ref: { tenantId: context.tenantId, streamId: agencyStreamId(message.agencyId) },
        stream: agencyStream,
        facts: () => Promise.resolve(null),
        decide: (current) => decideRenameAgency(message, current),
        save: (client, after) => saveAgency(client, schema, after),
      });
      const body = await readAgency(
        pool,
        schema,
        context.tenantId,
        message.agencyId,
        dayOf(clock.now()),
      );
      return { body, version: body.version, position };
    });
  }
}
