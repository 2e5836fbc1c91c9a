import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CastVoteCommand,
  REVIEW_RPC,
  type CommandResult,
  type CouncilSessionView,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import { actorOf, runRpc } from '../../council/command-context';
import { countSecretBallot } from '../secret-tallies';
import { SessionCommands } from '../session-commands';
import { decideCastVote } from './cast-vote.decide';

/**
 * RPC entry of `review.cast-vote` (the voter is the command's actor). A secret ballot's choice goes
 * only to its counter, in the transaction that records `BallotCast`; the answer is the session's
 * view, which shows who voted, never how. Nothing of the command is logged.
 */
@Controller()
export class CastVoteController {
  constructor(
    private readonly sessions: SessionCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(REVIEW_RPC.castVote)
  vote(@Payload() payload: unknown): Promise<CommandResult<CouncilSessionView>> {
    return runRpc(CastVoteCommand, payload, (message) =>
      this.sessions.run(message.context, message.sessionId, {
        decide: (state) =>
          Promise.resolve(
            decideCastVote(
              {
                type: 'CastVote',
                sessionId: message.sessionId,
                nominationId: message.nominationId,
                approve: message.approve,
                actor: actorOf(message.context),
                now: this.clock.now(),
              },
              state,
            ),
          ),
        apply: async (client, events, session) => {
          for (const event of events) {
            if (event.type !== 'BallotCast') continue;
            await countSecretBallot(
              client,
              message.context.tenantId,
              session.sessionId,
              event.data.nominationId,
              message.approve,
            );
          }
        },
      }),
    );
  }
}
