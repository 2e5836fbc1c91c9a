import { Inject, Injectable } from '@nestjs/common';
import type {
  CampaignAmendedV1,
  CampaignClosedV1,
  CampaignIssuedV1,
  IntegrationEvent,
} from '@ttkt/contracts';
import { PG_POOL } from '@ttkt/messaging';
import type { Pool, PoolClient } from 'pg';

/** An award form of a campaign's plan, as review needs it. */
export interface ReviewAwardForm {
  code: string;
  name: string;
  /** The plan's quota (`quota.max`): at most this many awards. */
  quota: number;
  /** Who decides: the agency head, or a higher authority (by proposal). */
  decidedBy: { kind: 'agency-head' | 'higher-authority'; title: string };
  /**
   * For a form a higher authority decides: where the proposal goes (`to`: the party's name), its
   * deadline's date (`before`, `YYYY-MM-DD`) and that deadline as an exclusive instant (`cutoff`).
   */
  proposalStage: { to: string; before: string; cutoff: string } | null;
}

/** A campaign as review's copy holds it. */
export interface ReviewCampaign {
  campaignId: string;
  agencyId: string;
  /** The agency part of the plan's number's symbol (`27/KH-SKHCN` → `SKHCN`). */
  agencyCode: string;
  /** The plan's number as printed (`27/KH-SKHCN`). */
  planNumber: string;
  planTitle: string;
  /** The plan's date (`YYYY-MM-DD`). */
  planIssuedOn: string;
  status: 'issued' | 'closed';
  /** The plan's signer (the default signer of decisions and proposals). */
  signer: { capacity?: string; title: string; name: string };
  /** The plan's recipients ("Nơi nhận"). */
  recipients: { name: string; purpose?: string }[];
  awardForms: ReviewAwardForm[];
}

/** A row of `review_campaigns`. */
interface CampaignRow {
  agency_id: string;
  agency_code: string | null;
  plan_number: string | null;
  plan_title: string | null;
  plan_issued_on: string | null;
  plan_version: number;
  signer: ReviewCampaign['signer'] | null;
  recipients: ReviewCampaign['recipients'];
  award_forms: ReviewAwardForm[];
  closed_at: Date | null;
}

type Json = Record<string, unknown>;

/** How often {@link CampaignCopy.await} looks again. */
const POLL_MS = 50;

/**
 * Review's copy of the campaigns (`review_campaigns`): each issued plan's number, signer,
 * recipients and award forms (quota, who decides, the proposal stage), an amendment's plan, and
 * whether the campaign is closed. Kept from the campaign's events in the inbox's transaction; the
 * source stream's version orders plans that arrive out of order (a close or an amendment may
 * overtake the issue: the row then waits for the number).
 */
@Injectable()
export class CampaignCopy {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** `campaign.issued.v1`: the plan as issued, with its number. */
  async onIssued(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as CampaignIssuedV1;
    await this.savePlan(client, event, data.campaignId, data.agencyId, data.plan);
    await client.query(
      `UPDATE review_campaigns SET plan_number = $3, agency_code = $4, plan_issued_on = $5,
              plan_title = COALESCE(plan_title, $6)
        WHERE tenant_id = $1 AND campaign_id = $2`,
      [
        event.tenantId,
        data.campaignId,
        data.planNumber,
        agencyCodeOf(data.planNumber),
        data.issuedOn,
        data.title.normalize('NFC'),
      ],
    );
  }

  /** `campaign.amended.v1`: the plan after the amendment. */
  async onAmended(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as CampaignAmendedV1;
    await this.savePlan(client, event, data.campaignId, data.agencyId, data.plan);
  }

  /** `campaign.closed.v1`: the campaign is over. */
  async onClosed(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as CampaignClosedV1;
    await client.query(
      `INSERT INTO review_campaigns (tenant_id, campaign_id, agency_id, plan_version, closed_at)
       VALUES ($1, $2, $3, 0, $4)
       ON CONFLICT (tenant_id, campaign_id) DO UPDATE SET closed_at = EXCLUDED.closed_at`,
      [event.tenantId, data.campaignId, data.agencyId, data.closedAt],
    );
  }

  /** The campaign as the copy holds it; null until its issue has arrived. */
  async get(
    tenantId: string,
    campaignId: string,
    client?: PoolClient,
  ): Promise<ReviewCampaign | null> {
    const { rows } = await (client ?? this.pool).query<CampaignRow>(
      `SELECT agency_id, agency_code, plan_number, plan_title, plan_issued_on, plan_version, signer,
              recipients, award_forms, closed_at
         FROM review_campaigns WHERE tenant_id = $1 AND campaign_id = $2`,
      [tenantId, campaignId],
    );
    const row = rows[0];
    if (!row || row.plan_number === null || row.plan_version === 0) return null;
    return {
      campaignId,
      agencyId: row.agency_id,
      agencyCode: row.agency_code ?? '',
      planNumber: row.plan_number,
      planTitle: row.plan_title ?? '',
      planIssuedOn: row.plan_issued_on ?? '',
      status: row.closed_at === null ? 'issued' : 'closed',
      signer: row.signer ?? { title: '', name: '' },
      recipients: row.recipients,
      awardForms: row.award_forms,
    };
  }

  /** Whether the copy says the campaign is closed (false when it has no row). */
  async isClosed(tenantId: string, campaignId: string, client: PoolClient): Promise<boolean> {
    const { rows } = await client.query<{ closed_at: Date | null }>(
      'SELECT closed_at FROM review_campaigns WHERE tenant_id = $1 AND campaign_id = $2',
      [tenantId, campaignId],
    );
    return (rows[0]?.closed_at ?? null) !== null;
  }

  /**
   * The campaign, waiting up to `timeoutMs` for its issue to arrive (a command may overtake the
   * consumer): polls with the pool, holding no transaction; null when it did not arrive in time.
   */
  async await(
    tenantId: string,
    campaignId: string,
    timeoutMs = 3000,
  ): Promise<ReviewCampaign | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const campaign = await this.get(tenantId, campaignId);
      if (campaign !== null || Date.now() >= deadline) return campaign;
      await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, deadline - Date.now())));
    }
  }

  private async savePlan(
    client: PoolClient,
    event: IntegrationEvent,
    campaignId: string,
    agencyId: string,
    plan: Json,
  ): Promise<void> {
    await client.query(
      `INSERT INTO review_campaigns
         (tenant_id, campaign_id, agency_id, plan_version, plan_title, signer, recipients, award_forms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id, campaign_id) DO UPDATE
         SET plan_version = EXCLUDED.plan_version, plan_title = EXCLUDED.plan_title,
             signer = EXCLUDED.signer, recipients = EXCLUDED.recipients,
             award_forms = EXCLUDED.award_forms
         WHERE review_campaigns.plan_version < EXCLUDED.plan_version`,
      [
        event.tenantId,
        campaignId,
        agencyId,
        event.source.streamVersion,
        typeof plan['title'] === 'string' ? plan['title'].normalize('NFC') : null,
        JSON.stringify(signerOf(plan)),
        JSON.stringify(recipientsOf(plan)),
        JSON.stringify(reviewAwardFormsOf(plan)),
      ],
    );
  }
}

/** The agency part of a plan number's symbol: `27/KH-SKHCN` → `SKHCN` (empty when there is none). */
export function agencyCodeOf(planNumber: string): string {
  const symbol = planNumber.slice(planNumber.indexOf('/') + 1);
  const dash = symbol.indexOf('-');
  return dash < 0 ? '' : symbol.slice(dash + 1);
}

/** The award forms of a plan as published (with `cutoff` beside each deadline), as review needs them. */
export function reviewAwardFormsOf(plan: Json): ReviewAwardForm[] {
  const forms = Array.isArray(plan['awardForms']) ? (plan['awardForms'] as unknown[]) : [];
  return forms.filter(isObject).map((form) => {
    const decidedBy = isObject(form['decidedBy']) ? form['decidedBy'] : {};
    const quota = isObject(form['quota']) ? form['quota'] : {};
    const stage = isObject(form['proposalStage']) ? form['proposalStage'] : null;
    const to = stage && isObject(stage['to']) ? stage['to'] : {};
    return {
      code: String(form['code']),
      name: text(form['name']),
      quota: typeof quota['max'] === 'number' ? quota['max'] : 0,
      decidedBy: {
        kind: decidedBy['kind'] === 'higher-authority' ? 'higher-authority' : 'agency-head',
        title: text(decidedBy['title']),
      },
      proposalStage: stage
        ? {
            to: text(to['name']) || text(to['unit']) || text(to['kind']),
            before: text(stage['before']),
            cutoff: text(stage['cutoff']),
          }
        : null,
    };
  });
}

function signerOf(plan: Json): ReviewCampaign['signer'] {
  const signer = isObject(plan['signer']) ? plan['signer'] : {};
  return {
    ...(typeof signer['capacity'] === 'string' ? { capacity: signer['capacity'] } : {}),
    title: text(signer['title']),
    name: text(signer['name']),
  };
}

function recipientsOf(plan: Json): ReviewCampaign['recipients'] {
  const recipients = Array.isArray(plan['recipients']) ? (plan['recipients'] as unknown[]) : [];
  return recipients.filter(isObject).map((recipient) => ({
    name: text(recipient['name']),
    ...(typeof recipient['purpose'] === 'string' ? { purpose: text(recipient['purpose']) } : {}),
  }));
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.normalize('NFC') : '';
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
