import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CloseSessionCommand,
  REVIEW_RPC,
  type CommandResult,
  type CouncilSessionView,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import { actorOf, runRpc } from '../../council/command-context';
import { CampaignCloseRule } from '../../dossiers/campaign-close-rule';
import { decideDossierOutcome } from '../../dossiers/dossier-outcomes';
import { DossierStreams } from '../../dossiers/dossier-streams';
import { readSecretTallies } from '../secret-tallies';
import { SessionCommands } from '../session-commands';
import { decideCloseSession } from './close-session.decide';

/**
 * RPC entry of `review.close-session` (secretariat). In one transaction: the agenda dossiers'
 * current states (those no longer `accepted` are left out of the tally), the secret ballots'
 * counters, the decision, and each tallied dossier's outcome on its stream — `approved`, or
 * `not-approved` by the vote — through {@link DossierStreams}. A session closed after its campaign
 * closed still records the vote, and its approved dossiers then end `not-approved`
 * (`campaign-closed`) at once, as the campaign's close left every approved dossier.
 */
@Controller()
export class CloseSessionController {
  constructor(
    private readonly sessions: SessionCommands,
    private readonly dossiers: DossierStreams,
    private readonly closeRule: CampaignCloseRule,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(REVIEW_RPC.closeSession)
  close(@Payload() payload: unknown): Promise<CommandResult<CouncilSessionView>> {
    return runRpc(CloseSessionCommand, payload, (message) => {
      const { tenantId } = message.context;
      return this.sessions.run(message.context, message.sessionId, {
        decide: async (state, client) => {
          const leftOut: string[] = [];
          let secretCounts = {};
          if (state.status === 'open') {
            for (const form of state.agenda) {
              for (const { nominationId } of form.dossiers) {
                const dossier = await this.dossiers.read(tenantId, nominationId, client);
                if (dossier.status !== 'accepted') leftOut.push(nominationId);
              }
            }
            secretCounts = await readSecretTallies(client, tenantId, state.sessionId);
          }
          return decideCloseSession(
            {
              type: 'CloseSession',
              sessionId: message.sessionId,
              secretCounts,
              leftOut,
              actor: actorOf(message.context),
              now: this.clock.now(),
            },
            state,
          );
        },
        apply: async (client, events, session, metadata) => {
          for (const event of events) {
            if (event.type !== 'SessionClosed') continue;
            // Under the campaign's close lock: a close arriving now waits, or is waited for.
            const closed = await this.closeRule.isClosed(client, tenantId, session.campaignId);
            const approved: string[] = [];
            for (const form of event.data.forms) {
              for (const line of form.tally) {
                await this.dossiers.run(
                  tenantId,
                  line.nominationId,
                  (dossier) =>
                    decideDossierOutcome(
                      dossier,
                      line.approved
                        ? {
                            kind: 'approved',
                            sessionId: session.sessionId,
                            at: event.data.at,
                            by: event.data.by,
                          }
                        : {
                            kind: 'not-approved',
                            cause: 'vote',
                            refId: session.sessionId,
                            at: event.data.at,
                            by: event.data.by,
                          },
                    ),
                  { client, metadata },
                );
                if (line.approved) approved.push(line.nominationId);
              }
            }
            if (closed) {
              await this.closeRule.closeOut(
                client,
                tenantId,
                approved,
                event.data.at,
                event.data.by,
                metadata,
              );
            }
          }
        },
      });
    });
  }
}
