import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ConfigureCouncilCommand,
  REVIEW_RPC,
  type CommandResult,
  type CouncilView,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import { actorOf, runRpc } from '../command-context';
import { CouncilStreams } from '../council-streams';
import { decideConfigureCouncil } from './configure-council.decide';

/** RPC entry of `review.configure-council` (agency-admin; the gateway has checked the users). */
@Controller()
export class ConfigureCouncilController {
  constructor(
    private readonly councils: CouncilStreams,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(REVIEW_RPC.configureCouncil)
  configure(@Payload() payload: unknown): Promise<CommandResult<CouncilView>> {
    return runRpc(ConfigureCouncilCommand, payload, (message) =>
      this.councils.configure(message.context, message.agencyId, (state) =>
        decideConfigureCouncil(
          {
            type: 'ConfigureCouncil',
            agencyId: message.agencyId,
            chairUserId: message.chairUserId,
            secretaryUserId: message.secretaryUserId,
            memberUserIds: message.memberUserIds,
            rules: {
              ...(message.rules.quorum === undefined ? {} : { quorum: message.rules.quorum }),
              ...(message.rules.minAttendance === undefined
                ? {}
                : { minAttendance: message.rules.minAttendance }),
              ...(message.rules.allowWrittenVotes === undefined
                ? {}
                : { allowWrittenVotes: message.rules.allowWrittenVotes }),
              thresholds: message.rules.thresholds.map((threshold) => ({
                ...(threshold.awardFormCode === undefined
                  ? {}
                  : { awardFormCode: threshold.awardFormCode }),
                fraction: threshold.fraction,
                of: threshold.of,
                secretBallot: threshold.secretBallot,
              })),
              source: message.rules.source,
              ...(message.rules.effectiveFrom === undefined
                ? {}
                : { effectiveFrom: message.rules.effectiveFrom }),
            },
            actor: actorOf(message.context),
            now: this.clock.now(),
          },
          state,
        ),
      ),
    );
  }
}
