import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  SUBMIT_NOMINATION,
  SubmitNominationCommand,
  type CommandResult,
  type NominationView,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import { runCommand } from '../../command-rpc';
import { actorOf, metadataOf, NominationCommands } from '../nomination-commands';
import { NominationFacts, type DossierFacts } from '../nomination-facts';
import { decideSubmit } from './submit-nomination.decide';

const NO_FACTS: DossierFacts = { campaign: null, nomineeFacts: null, units: [], openHolds: [] };

/**
 * RPC entry of `nomination.submit`: the campaign's forms and cut-off, the nominee as of now and
 * the person's open holds are read in the submit's transaction, then the decider runs (and
 * re-runs against the fresh stream after a concurrent submit: `invalid-state`).
 */
@Controller()
export class SubmitNominationController {
  constructor(
    private readonly commands: NominationCommands,
    private readonly facts: NominationFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(SUBMIT_NOMINATION)
  submit(@Payload() payload: unknown): Promise<CommandResult<NominationView>> {
    return runCommand(SubmitNominationCommand, payload, (message) =>
      this.commands.answer(message.context, message.nominationId, {
        facts: (client, state) =>
          state.status === 'none'
            ? Promise.resolve(NO_FACTS)
            : this.facts.forDossier(client, message.context.tenantId, state),
        decide: (state, facts) =>
          decideSubmit(
            {
              type: 'SubmitNomination',
              nominationId: message.nominationId,
              ...facts,
              actor: actorOf(metadataOf(message.context)),
              now: this.clock.now(),
            },
            state,
          ),
      }),
    );
  }
}
