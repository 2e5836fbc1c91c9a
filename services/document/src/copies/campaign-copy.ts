import { Injectable } from '@nestjs/common';
import type { CampaignIssuedV1 } from '@ttkt/contracts';
import type { PoolClient } from 'pg';
import type { CampaignFacts } from '../documents/document-inputs';

/**
 * The document service's copy of issued campaigns, for the documents that name them without
 * carrying them (the minutes of a session: the plan's title and number, the award forms' names).
 * Kept from `campaign.issued.v1` in the inbox's transaction (an amendment changes neither).
 */
@Injectable()
export class CampaignCopy {
  /** Records the issued plan's title, number and award forms. */
  async save(client: PoolClient, tenantId: string, campaign: CampaignIssuedV1): Promise<void> {
    const forms = Array.isArray(campaign.plan['awardForms'])
      ? (campaign.plan['awardForms'] as unknown[])
      : [];
    const awardForms = forms.flatMap((form) => {
      if (typeof form !== 'object' || form === null) return [];
      const { code, name } = form as Record<string, unknown>;
      return typeof code === 'string'
        ? [{ code, name: typeof name === 'string' ? name.normalize('NFC') : '' }]
        : [];
    });
    await client.query(
      `INSERT INTO campaign_copies (tenant_id, campaign_id, title, plan_number, issued_on, award_forms)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, campaign_id) DO UPDATE
         SET title = EXCLUDED.title, plan_number = EXCLUDED.plan_number,
             issued_on = EXCLUDED.issued_on, award_forms = EXCLUDED.award_forms`,
      [
        tenantId,
        campaign.campaignId,
        campaign.title.normalize('NFC'),
        campaign.planNumber,
        campaign.issuedOn,
        JSON.stringify(awardForms),
      ],
    );
  }

  /** The campaign as the copy holds it; null when its plan has not arrived. */
  async read(
    client: PoolClient,
    tenantId: string,
    campaignId: string,
  ): Promise<CampaignFacts | null> {
    const { rows } = await client.query<{
      title: string;
      plan_number: string;
      issued_on: string;
      award_forms: { code: string; name: string }[];
    }>(
      `SELECT title, plan_number, issued_on, award_forms FROM campaign_copies
        WHERE tenant_id = $1 AND campaign_id = $2`,
      [tenantId, campaignId],
    );
    const row = rows[0];
    return row
      ? {
          title: row.title,
          planNumber: row.plan_number,
          issuedOn: row.issued_on,
          awardForms: row.award_forms,
        }
      : null;
  }
}
