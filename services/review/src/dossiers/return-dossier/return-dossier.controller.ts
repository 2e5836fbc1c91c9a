import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { REVIEW_RPC, ReturnDossierCommand, type CommandResult } from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import {
  actorOf,
  DossierCommands,
  metadataOf,
  runDossierRpc,
  type DossierCommandBody,
} from '../dossier-commands';
import { decideReturn } from './return-dossier.decide';

/** RPC entry of `review.return-dossier` (secretariat). */
@Controller()
export class ReturnDossierController {
  constructor(
    private readonly commands: DossierCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Returns a submitted dossier to its unit. */
  @MessagePattern(REVIEW_RPC.returnDossier)
  return(@Payload() payload: unknown): Promise<CommandResult<DossierCommandBody>> {
    return runDossierRpc(ReturnDossierCommand, payload, (message) =>
      this.commands.answer(message.context, message.nominationId, (state) =>
        decideReturn(
          {
            type: 'ReturnDossier',
            nominationId: message.nominationId,
            reasons: message.reasons,
            resubmitBefore: message.resubmitBefore ?? null,
            actor: actorOf(metadataOf(message.context)),
            now: this.clock.now(),
          },
          state,
        ),
      ),
    );
  }
}
