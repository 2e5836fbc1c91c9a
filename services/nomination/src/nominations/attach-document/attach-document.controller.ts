import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ATTACH_NOMINATION_DOCUMENT,
  AttachNominationDocumentCommand,
  type CommandResult,
  type NominationView,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import { runCommand } from '../../command-rpc';
import { actorOf, metadataOf, NominationCommands } from '../nomination-commands';
import { NominationFacts } from '../nomination-facts';
import { decideAttachDocument } from './attach-document.decide';

/** RPC entry of `nomination.attach-document`: records a file already in the blob store. */
@Controller()
export class AttachDocumentController {
  constructor(
    private readonly commands: NominationCommands,
    private readonly facts: NominationFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(ATTACH_NOMINATION_DOCUMENT)
  attach(@Payload() payload: unknown): Promise<CommandResult<NominationView>> {
    return runCommand(AttachNominationDocumentCommand, payload, (message) =>
      this.commands.answer(message.context, message.nominationId, {
        facts: (client, state) =>
          state.status === 'none'
            ? Promise.resolve(null)
            : this.facts.campaign(client, message.context.tenantId, state.campaignId),
        decide: (state, campaign) =>
          decideAttachDocument(
            {
              type: 'AttachDocument',
              nominationId: message.nominationId,
              documentId: message.documentId,
              documentTypeCode: message.documentTypeCode,
              file: {
                sha256: message.file.sha256,
                size: message.file.size,
                mediaType: message.file.mediaType,
                fileName: message.file.fileName,
              },
              campaign,
              actor: actorOf(metadataOf(message.context)),
              now: this.clock.now(),
            },
            state,
          ),
      }),
    );
  }
}
