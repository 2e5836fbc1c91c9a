import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, CommandResult, PersonView } from '@ttkt/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { dayOf } from '../calendar';
import { StreamWriter } from '../stream-writer';
import { personStreamId, type PersonEvent } from './person.events';
import { personStream, type PersonState } from './person.state';
import { savePerson } from './person.table';

/** Runs a command on a person's stream and keeps the people and holds tables with it. */
@Injectable()
export class PersonCommands {
  constructor(
    private readonly writer: StreamWriter,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  /** Today in Asia/Ho_Chi_Minh, from the injected clock. */
  today(): string {
    return dayOf(this.infrastructure.clock.now());
  }

  async run<Facts>(
    context: CommandContext,
    personId: string,
    facts: (client: PoolClient, schema: string) => Promise<Facts>,
    decide: (state: PersonState, facts: Facts) => PersonEvent[],
  ): Promise<CommandResult<PersonView>> {
    const { schema } = this.infrastructure;
    const { state, position } = await this.writer.write({
      context,
      ref: { tenantId: context.tenantId, streamId: personStreamId(personId) },
      stream: personStream,
      facts: (client) => facts(client, schema),
      decide,
      save: (client, after) => savePerson(client, schema, context.tenantId, after),
    });
    if (state.status !== 'registered') throw new Error('a registered person was expected');
    return { body: state.person, version: state.person.version, position };
  }
}
