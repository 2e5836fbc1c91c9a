import { Inject, Injectable } from '@nestjs/common';
import type {
  CampaignAmendedV1,
  CampaignClosedV1,
  CampaignIssuedV1,
  IntegrationEvent,
} from '@ttkt/contracts';
import { PG_POOL } from '@ttkt/messaging';
import type { Pool, PoolClient } from 'pg';
import type { AwardFormFacts, CampaignFacts } from '../nominations/nomination-rules';

/** What the copy keeps of an award form (its unit stage's documents keep their plan names). */
export interface CopiedAwardForm extends AwardFormFacts {
  name: string;
  unitStage: AwardFormFacts['unitStage'] & {
    requiredDocuments: { code: string; name: string }[];
    /** The deadline's date (`YYYY-MM-DD`) as the plan writes it. */
    before: string;
  };
}

type Json = Record<string, unknown>;

/**
 * The nomination service's copy of the campaigns it takes dossiers for: each issued plan's award
 * forms (eligible subjects, the unit stage's required documents and cut-off; an amendment
 * replaces them) and whether it was closed. Kept from the campaign's events in the inbox's
 * transaction; the stream version of the source event orders plans that arrive out of order.
 */
@Injectable()
export class CampaignCopy {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** `campaign.issued.v1`: the plan as issued. */
  async onIssued(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as CampaignIssuedV1;
    await this.savePlan(client, event, data.campaignId, data.agencyId, data.plan);
  }

  /** `campaign.amended.v1`: the plan after the amendment (moved deadlines win). */
  async onAmended(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as CampaignAmendedV1;
    await this.savePlan(client, event, data.campaignId, data.agencyId, data.plan);
  }

  /** `campaign.closed.v1`: no more nominations. */
  async onClosed(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as CampaignClosedV1;
    // A close that overtook the issue still closes: the plan arrives later with its version.
    await client.query(
      `INSERT INTO campaign_copies (tenant_id, campaign_id, agency_id, plan_version, award_forms, closed_at)
       VALUES ($1, $2, $3, 0, '[]'::jsonb, $4)
       ON CONFLICT (tenant_id, campaign_id) DO UPDATE SET closed_at = EXCLUDED.closed_at`,
      [event.tenantId, data.campaignId, data.agencyId, data.closedAt],
    );
  }

  private async savePlan(
    client: PoolClient,
    event: IntegrationEvent,
    campaignId: string,
    agencyId: string,
    plan: Json,
  ): Promise<void> {
    await client.query(
      `INSERT INTO campaign_copies (tenant_id, campaign_id, agency_id, plan_version, award_forms)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, campaign_id) DO UPDATE
         SET award_forms = EXCLUDED.award_forms, plan_version = EXCLUDED.plan_version
         WHERE campaign_copies.plan_version < EXCLUDED.plan_version`,
      [
        event.tenantId,
        campaignId,
        agencyId,
        event.source.streamVersion,
        JSON.stringify(awardFormsOf(plan)),
      ],
    );
  }

  /** The campaign as the copy holds it now (`issued` or `closed`); null when no plan of it arrived. */
  async read(
    tenantId: string,
    campaignId: string,
    client?: PoolClient,
  ): Promise<CampaignFacts | null> {
    const { rows } = await (client ?? this.pool).query<{
      agency_id: string;
      plan_version: number;
      award_forms: CopiedAwardForm[];
      closed_at: Date | null;
    }>(
      `SELECT agency_id, plan_version, award_forms, closed_at FROM campaign_copies
        WHERE tenant_id = $1 AND campaign_id = $2`,
      [tenantId, campaignId],
    );
    const row = rows[0];
    if (!row || row.plan_version === 0) return null;
    return {
      campaignId,
      agencyId: row.agency_id,
      status: row.closed_at === null ? 'issued' : 'closed',
      awardForms: row.award_forms,
    };
  }
}

/** The award forms of a plan as published (`cutoff` beside each deadline), trimmed to the facts. */
export function awardFormsOf(plan: Json): CopiedAwardForm[] {
  const forms = Array.isArray(plan['awardForms']) ? (plan['awardForms'] as unknown[]) : [];
  return forms.filter(isObject).map((form) => {
    const stage = isObject(form['unitStage']) ? form['unitStage'] : {};
    const documents = Array.isArray(stage['requiredDocuments'])
      ? (stage['requiredDocuments'] as unknown[])
      : [];
    return {
      code: String(form['code']),
      name: typeof form['name'] === 'string' ? form['name'].normalize('NFC') : '',
      eligibleSubjects: Array.isArray(form['eligibleSubjects'])
        ? (form['eligibleSubjects'] as unknown[]).map(String)
        : [],
      unitStage: {
        requiredDocuments: documents.filter(isObject).map((document) => ({
          code: String(document['code']),
          name: typeof document['name'] === 'string' ? document['name'].normalize('NFC') : '',
        })),
        before: String(stage['before']),
        cutoff: String(stage['cutoff']),
      },
    };
  });
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
