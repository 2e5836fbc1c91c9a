import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CREATE_UNIT, CreateUnitCommand, type CommandResult, type UnitView } from '@ttkt/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@ttkt/messaging';
import { agencyExists } from '../../agencies/agency.table';
import { runCommand } from '../../command-rpc';
import { StreamWriter } from '../../stream-writer';
import { unitStreamId } from '../unit.events';
import { unitStream } from '../unit.state';
import { agencyOfUnit, saveUnit } from '../unit.table';
import { decideCreateUnit } from './create-unit.decide';

/** `directory.create-unit`. */
@Controller()
export class CreateUnitController {
  constructor(
    private readonly writer: StreamWriter,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @MessagePattern(CREATE_UNIT)
  create(@Payload() payload: unknown): Promise<CommandResult<UnitView>> {
    const { schema } = this.infrastructure;
    return runCommand(CreateUnitCommand, payload, async ({ context, ...message }) => {
      const tenantId = context.tenantId;
      const { state, position } = await this.writer.write({
        context,
        ref: { tenantId, streamId: unitStreamId(message.unitId) },
        stream: unitStream,
        facts: async (client) => ({
          agencyKnown: await agencyExists(client, schema, tenantId, message.agencyId),
          parentUnitAgencyId: await agencyOfUnit(client, schema, tenantId, message.parentUnitId),
        }),
        decide: (current, facts) => decideCreateUnit(message, current, facts),
        save: (client, after) => saveUnit(client, schema, tenantId, after),
      });
      if (state.status !== 'created') throw new Error('a created unit was expected');
      const { status: _status, ...body } = state;
      return { body, version: body.version, position };
    });
  }
}
