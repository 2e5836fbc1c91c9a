import { Inject, Injectable } from '@nestjs/common';
import type { HoldClosedV1, HoldOpenedV1, IntegrationEvent } from '@ttkt/contracts';
import type { AppendMetadata, Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import type { PoolClient } from 'pg';
import { DirectoryCopy, lockPerson } from '../copies/directory-copy';
import { decideHoldChange, type HoldChange } from '../nominations/hold-change/hold-change.decide';
import { actorOf, NominationCommands } from '../nominations/nomination-commands';
import { NominationReadRepository } from '../read-model/nomination-read.repository';

/**
 * The directory's holds: recorded in the copy (a held person cannot be submitted), and carried to
 * every live dossier of the person (flagged when opened, cleared when closed), all in the inbox's
 * transaction.
 */
@Injectable()
export class HoldChangesHandler {
  constructor(
    private readonly directory: DirectoryCopy,
    private readonly reads: NominationReadRepository,
    private readonly commands: NominationCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `directory.hold-opened.v1`. */
  async onHoldOpened(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as HoldOpenedV1;
    await lockPerson(client, event.tenantId, data.personId);
    await this.directory.onHoldOpened(event, client);
    await this.carry(event, client, data.personId, {
      kind: 'opened',
      holdId: data.holdId,
      holdKind: data.kind,
      openedOn: data.openedOn,
    });
  }

  /** `directory.hold-closed.v1`. */
  async onHoldClosed(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as HoldClosedV1;
    await lockPerson(client, event.tenantId, data.personId);
    await this.directory.onHoldClosed(event, client);
    await this.carry(event, client, data.personId, { kind: 'closed', holdId: data.holdId });
  }

  private async carry(
    event: IntegrationEvent,
    client: PoolClient,
    personId: string,
    change: HoldChange,
  ): Promise<void> {
    const metadata: AppendMetadata = {
      actor: event.actor ?? { kind: 'system', id: 'directory' },
      ...(event.correlationId ? { correlationId: event.correlationId } : {}),
      causationId: event.id,
    };
    for (const nominationId of await this.reads.liveOfPerson(client, event.tenantId, personId)) {
      await this.commands.run(event.tenantId, nominationId, {
        client,
        metadata,
        decide: (state) =>
          decideHoldChange(
            {
              type: 'ChangeHold',
              nominationId,
              change,
              actor: actorOf(metadata),
              now: this.clock.now(),
            },
            state,
          ),
      });
    }
  }
}
