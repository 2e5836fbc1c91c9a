import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  RecordTieBreakCommand,
  REVIEW_RPC,
  type CommandResult,
  type CouncilSessionView,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import { actorOf, runRpc } from '../../council/command-context';
import { SessionCommands } from '../session-commands';
import { decideRecordTieBreak } from './record-tie-break.decide';

/** RPC entry of `review.record-tie-break`: the session council's chair chooses among the tied. */
@Controller()
export class RecordTieBreakController {
  constructor(
    private readonly sessions: SessionCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(REVIEW_RPC.recordTieBreak)
  record(@Payload() payload: unknown): Promise<CommandResult<CouncilSessionView>> {
    return runRpc(RecordTieBreakCommand, payload, (message) =>
      this.sessions.run(message.context, message.sessionId, {
        decide: (state) =>
          Promise.resolve(
            decideRecordTieBreak(
              {
                type: 'RecordTieBreak',
                sessionId: message.sessionId,
                awardFormCode: message.awardFormCode,
                chosenNominationIds: message.chosenNominationIds,
                reason: message.reason,
                actor: actorOf(message.context),
                now: this.clock.now(),
              },
              state,
            ),
          ),
      }),
    );
  }
}
