import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  OpenSessionCommand,
  REVIEW_RPC,
  type CommandResult,
  type CouncilSessionView,
} from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { CLOCK } from '@ttkt/messaging';
import { CampaignCopy } from '../../copies/campaign-copy';
import { actorOf, runRpc } from '../../council/command-context';
import { CouncilStreams } from '../../council/council-streams';
import { DossierReads } from '../../dossiers/dossier-reads';
import { openSecretTallies } from '../secret-tallies';
import { SessionCommands } from '../session-commands';
import type { AgendaDossier } from '../session.events';
import { decideOpenSession, type SessionCampaign } from './open-session.decide';

/**
 * RPC entry of `review.open-session` (secretariat): the campaign from review's copy (waited for
 * briefly, holding no transaction), then in the session's transaction the council of the
 * campaign's agency and each form's accepted dossiers; the secret-ballot dossiers get their zero
 * counters with the opening.
 */
@Controller()
export class OpenSessionController {
  constructor(
    private readonly sessions: SessionCommands,
    private readonly campaigns: CampaignCopy,
    private readonly councils: CouncilStreams,
    private readonly dossiers: DossierReads,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(REVIEW_RPC.openSession)
  open(@Payload() payload: unknown): Promise<CommandResult<CouncilSessionView>> {
    return runRpc(OpenSessionCommand, payload, async (message) => {
      const { tenantId } = message.context;
      const known = await this.campaigns.await(tenantId, message.campaignId);
      const campaign: SessionCampaign | null = known && {
        campaignId: known.campaignId,
        agencyId: known.agencyId,
        status: known.status,
        awardForms: known.awardForms.map((form) => ({
          code: form.code,
          name: form.name,
          quota: form.quota,
        })),
      };
      return this.sessions.run(message.context, message.sessionId, {
        decide: async (state, client) => {
          const councils = campaign
            ? (await this.councils.read(tenantId, campaign.agencyId, client)).configs
            : [];
          const accepted: Record<string, AgendaDossier[]> = {};
          if (state.status === 'none' && campaign) {
            for (const code of message.awardFormCodes) {
              const dossiers = await this.dossiers.listByCampaignForm(
                tenantId,
                campaign.campaignId,
                code,
                ['accepted'],
                client,
              );
              accepted[code] = dossiers.map((dossier) => ({
                nominationId: dossier.nominationId,
                nominee: dossier.nominee,
                nominatingUnitId: dossier.nominatingUnitId,
              }));
            }
          }
          return decideOpenSession(
            {
              type: 'OpenSession',
              sessionId: message.sessionId,
              campaignId: message.campaignId,
              heldOn: message.heldOn,
              presentUserIds: message.presentUserIds,
              awardFormCodes: message.awardFormCodes,
              campaign,
              councils,
              accepted,
              actor: actorOf(message.context),
              now: this.clock.now(),
            },
            state,
          );
        },
        apply: async (client, _events, session) => {
          const secret = session.agenda
            .filter((form) => form.secretBallot)
            .flatMap((form) => form.dossiers.map((dossier) => dossier.nominationId));
          await openSecretTallies(client, tenantId, session.sessionId, secret);
        },
      });
    });
  }
}
