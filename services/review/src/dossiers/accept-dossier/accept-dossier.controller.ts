import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AcceptDossierCommand, REVIEW_RPC, type CommandResult } from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import {
  actorOf,
  DossierCommands,
  metadataOf,
  runDossierRpc,
  type DossierCommandBody,
} from '../dossier-commands';
import { decideAccept } from './accept-dossier.decide';

/** RPC entry of `review.accept-dossier` (secretariat). */
@Controller()
export class AcceptDossierController {
  constructor(
    private readonly commands: DossierCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Accepts a submitted dossier. */
  @MessagePattern(REVIEW_RPC.acceptDossier)
  accept(@Payload() payload: unknown): Promise<CommandResult<DossierCommandBody>> {
    return runDossierRpc(AcceptDossierCommand, payload, (message) =>
      this.commands.answer(message.context, message.nominationId, (state) =>
        decideAccept(
          {
            type: 'AcceptDossier',
            nominationId: message.nominationId,
            actor: actorOf(metadataOf(message.context)),
            now: this.clock.now(),
          },
          state,
        ),
      ),
    );
  }
}
