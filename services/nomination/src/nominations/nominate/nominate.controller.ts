import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  NOMINATE,
  NominateCommand,
  type CommandResult,
  type NominationView,
  type NomineeRef,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import { DirectoryCopy, lockPerson } from '../../copies/directory-copy';
import { runCommand } from '../../command-rpc';
import { NominationReadRepository } from '../../read-model/nomination-read.repository';
import { actorOf, metadataOf, NominationCommands } from '../nomination-commands';
import { NominationFacts, type DossierFacts } from '../nomination-facts';
import { decideNominate } from './nominate.decide';

/** RPC entry of `nomination.nominate`: a draft dossier, checked against the copies' facts. */
@Controller()
export class NominateController {
  constructor(
    private readonly commands: NominationCommands,
    private readonly facts: NominationFacts,
    private readonly reads: NominationReadRepository,
    private readonly directory: DirectoryCopy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(NOMINATE)
  nominate(@Payload() payload: unknown): Promise<CommandResult<NominationView>> {
    return runCommand(NominateCommand, payload, async (message) => {
      const { tenantId } = message.context;
      const nominee = nomineeRefOf(message.nominee);
      const known: DossierFacts = nominee
        ? await this.facts.awaitForNomination(tenantId, {
            campaignId: message.campaignId,
            nominatingUnitId: message.nominatingUnitId,
            nominee,
          })
        : { campaign: null, nomineeFacts: null, units: [], openHolds: [] };
      return this.commands.answer(message.context, message.nominationId, {
        facts: async (client) => ({
          ...known,
          // Under the person's lock, the holds as they are now (see lockPerson).
          ...(nominee?.kind === 'individual'
            ? {
                openHolds: await lockPerson(client, tenantId, nominee.personId).then(() =>
                  this.directory.openHolds(tenantId, nominee.personId, client),
                ),
              }
            : {}),
          liveDuplicates: nominee
            ? await this.reads.liveDuplicates(client, tenantId, {
                campaignId: message.campaignId,
                awardFormCode: message.awardFormCode,
                nomineeKind: nominee.kind,
                nomineeId: nominee.kind === 'individual' ? nominee.personId : nominee.unitId,
              })
            : [],
        }),
        decide: (state, facts) =>
          decideNominate(
            {
              type: 'Nominate',
              nominationId: message.nominationId,
              campaignId: message.campaignId,
              awardFormCode: message.awardFormCode,
              nominatingUnitId: message.nominatingUnitId,
              nominee: {
                kind: message.nominee.kind,
                ...(message.nominee.personId === undefined
                  ? {}
                  : { personId: message.nominee.personId }),
                ...(message.nominee.unitId === undefined ? {} : { unitId: message.nominee.unitId }),
              },
              achievementSummary: message.achievementSummary,
              criteria: message.criteria.map((criterion) => ({
                criterion: criterion.criterion,
                met: criterion.met,
                ...(criterion.evidence === undefined ? {} : { evidence: criterion.evidence }),
              })),
              ...facts,
              actor: actorOf(metadataOf(message.context)),
              now: this.clock.now(),
            },
            state,
          ),
      });
    });
  }
}

/** The posted nominee as a reference, when it names the id its kind needs. */
function nomineeRefOf(nominee: NominateCommand['nominee']): NomineeRef | null {
  if (nominee.kind === 'individual' && nominee.personId) {
    return { kind: 'individual', personId: nominee.personId };
  }
  if (nominee.kind === 'collective' && nominee.unitId) {
    return { kind: 'collective', unitId: nominee.unitId };
  }
  return null;
}
