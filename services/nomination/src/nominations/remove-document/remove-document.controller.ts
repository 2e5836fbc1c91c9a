import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  REMOVE_NOMINATION_DOCUMENT,
  RemoveNominationDocumentCommand,
  type CommandResult,
  type NominationView,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import { runCommand } from '../../command-rpc';
import { actorOf, metadataOf, NominationCommands } from '../nomination-commands';
import { decideRemoveDocument } from './remove-document.decide';

/** RPC entry of `nomination.remove-document` (the blob stays; it is collected when unused). */
@Controller()
export class RemoveDocumentController {
  constructor(
    private readonly commands: NominationCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(REMOVE_NOMINATION_DOCUMENT)
  remove(@Payload() payload: unknown): Promise<CommandResult<NominationView>> {
    return runCommand(RemoveNominationDocumentCommand, payload, (message) =>
      this.commands.answer(message.context, message.nominationId, {
        decide: (state) =>
          decideRemoveDocument(
            {
              type: 'RemoveDocument',
              nominationId: message.nominationId,
              documentId: message.documentId,
              actor: actorOf(metadataOf(message.context)),
              now: this.clock.now(),
            },
            state,
          ),
      }),
    );
  }
}
