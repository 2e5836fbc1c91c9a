import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DomainError,
  ISSUE_CAMPAIGN,
  IssueCampaignCommand,
  type IssueCampaignResult,
} from '@ttkt/contracts';
import type { Clock, StoredEvent } from '@ttkt/event-store';
import { answer, CLOCK, validateCommand } from '@ttkt/messaging';
import { randomUUID } from 'node:crypto';
import { DirectoryCopy } from '../../directory-copy/directory-copy';
import { CampaignReadRepository } from '../../read-model/campaign-read.repository';
import { CampaignCommands, metadataOf } from '../campaign-commands';
import type { CampaignEvent } from '../campaign.events';
import { decideIssueCampaign } from './issue-campaign.decide';

/** How often the command looks for the register's answer while it waits. */
const POLL_MS = 25;

/**
 * RPC entry of `campaign.issue-campaign`: records the request (its own transaction, committed at
 * once so the relay publishes it), then — holding no transaction — polls the campaign's stream
 * for the register's answer to this request for at most `waitMs`, and answers `issued`,
 * `refused` or `pending`.
 */
@Controller()
export class IssueCampaignController {
  constructor(
    private readonly commands: CampaignCommands,
    private readonly reads: CampaignReadRepository,
    private readonly directory: DirectoryCopy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(ISSUE_CAMPAIGN)
  async issue(@Payload() payload: unknown): Promise<IssueCampaignResult> {
    const message = validateCommand(IssueCampaignCommand, payload);
    return answer(async () => {
      const { tenantId } = message.context;
      const current = await this.reads.getDraft(tenantId, message.campaignId);
      const facts = await this.directory.await(tenantId, current.agencyId);
      if (facts.agencyCode === null) {
        throw new DomainError('invalid-state', {
          campaignId: message.campaignId,
          reason: 'agency-not-in-directory',
        });
      }
      const agencyCode = facts.agencyCode;
      const requestId = randomUUID();
      const requested = await this.commands.run(
        tenantId,
        message.campaignId,
        (state) =>
          decideIssueCampaign(
            {
              type: 'IssueCampaign',
              campaignId: message.campaignId,
              requestId,
              issuedOn: message.issuedOn,
              registerNumber: message.registerNumber ?? null,
              agencyCode,
              agencyValidity: { validFrom: facts.validFrom, validUntil: facts.validUntil },
              now: this.clock.now(),
            },
            state,
          ),
        {
          metadata: metadataOf(message.context),
          after: (client) =>
            this.reads.saveIssueRequest(client, tenantId, requestId, message.campaignId),
        },
      );
      if (requested.result === null) throw new Error('an issue request appends one event');
      const deadline = Date.now() + message.waitMs;
      for (;;) {
        const answered = await this.answerTo(
          tenantId,
          message.campaignId,
          requestId,
          requested.result.nextVersion,
        );
        if (answered) return answered;
        if (Date.now() >= deadline) break;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      return {
        outcome: 'pending',
        campaign: await this.reads.get(tenantId, message.campaignId),
        position: this.commands.token(requested.result.lastPosition),
      };
    });
  }

  /** The register's answer to the request, if the stream holds it. */
  private async answerTo(
    tenantId: string,
    campaignId: string,
    requestId: string,
    fromVersion: number,
  ): Promise<IssueCampaignResult | undefined> {
    const events = await this.commands.eventsAfter(tenantId, campaignId, fromVersion);
    const found = events.find((stored) => {
      const event = { type: stored.type, data: stored.data } as CampaignEvent;
      return (
        (event.type === 'CampaignIssued' || event.type === 'CampaignIssueRefused') &&
        event.data.requestId === requestId
      );
    });
    if (!found) return undefined;
    const campaign = await this.reads.get(tenantId, campaignId);
    const position = this.commands.token(positionOf(found));
    const event = { type: found.type, data: found.data } as CampaignEvent;
    if (event.type === 'CampaignIssueRefused') {
      return {
        outcome: 'refused',
        campaign,
        refusal: { code: event.data.code, params: event.data.params },
        position,
      };
    }
    return { outcome: 'issued', campaign, position };
  }
}

function positionOf(event: StoredEvent): { transactionId: bigint; globalPosition: bigint } {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}
