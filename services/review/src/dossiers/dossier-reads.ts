import { Inject, Injectable } from '@nestjs/common';
import type { NomineeKind, NomineeSnapshot } from '@ttkt/contracts';
import { PG_POOL } from '@ttkt/messaging';
import type { Pool, PoolClient } from 'pg';
import type { ReviewDossier, ReviewDossierStatus } from './dossier.state';

/** A row of `review_dossiers`. */
interface DossierRow {
  nomination_id: string;
  campaign_id: string;
  agency_id: string;
  award_form_code: string;
  status: ReviewDossierStatus;
  nominee: NomineeSnapshot;
  nominee_kind: NomineeKind;
  person_id: string | null;
  unit_id: string | null;
  nominating_unit_id: string;
  achievement_summary: string;
  session_id: string | null;
  decision_id: string | null;
  proposal_id: string | null;
  version: number;
}

const COLUMNS = `nomination_id, campaign_id, agency_id, award_form_code, status, nominee, nominee_kind,
  person_id, unit_id, nominating_unit_id, achievement_summary, session_id, decision_id, proposal_id, version`;

/**
 * Writes a dossier's row of `review_dossiers` (in the transaction of the append that changed it).
 * A row written by a later version is never overwritten by an earlier one.
 */
export async function saveDossierRow(
  client: PoolClient,
  tenantId: string,
  dossier: ReviewDossier,
): Promise<void> {
  await client.query(
    `INSERT INTO review_dossiers (tenant_id, ${COLUMNS})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (tenant_id, nomination_id) DO UPDATE SET
       campaign_id = EXCLUDED.campaign_id, agency_id = EXCLUDED.agency_id,
       award_form_code = EXCLUDED.award_form_code, status = EXCLUDED.status,
       nominee = EXCLUDED.nominee, nominee_kind = EXCLUDED.nominee_kind,
       person_id = EXCLUDED.person_id, unit_id = EXCLUDED.unit_id,
       nominating_unit_id = EXCLUDED.nominating_unit_id,
       achievement_summary = EXCLUDED.achievement_summary, session_id = EXCLUDED.session_id,
       decision_id = EXCLUDED.decision_id, proposal_id = EXCLUDED.proposal_id,
       version = EXCLUDED.version
     WHERE review_dossiers.version < EXCLUDED.version`,
    [
      tenantId,
      dossier.nominationId,
      dossier.campaignId,
      dossier.agencyId,
      dossier.awardFormCode,
      dossier.status,
      JSON.stringify(dossier.nominee),
      dossier.nomineeRef.kind,
      dossier.nomineeRef.personId ?? null,
      dossier.nomineeRef.unitId ?? null,
      dossier.nominatingUnitId,
      dossier.achievementSummary,
      dossier.sessionId,
      dossier.decisionId,
      dossier.proposalId,
      dossier.version,
    ],
  );
}

function toDossier(row: DossierRow): ReviewDossier {
  return {
    status: row.status,
    nominationId: row.nomination_id,
    campaignId: row.campaign_id,
    agencyId: row.agency_id,
    awardFormCode: row.award_form_code,
    nomineeRef: {
      kind: row.nominee_kind,
      ...(row.person_id === null ? {} : { personId: row.person_id }),
      ...(row.unit_id === null ? {} : { unitId: row.unit_id }),
    },
    nominee: row.nominee,
    nominatingUnitId: row.nominating_unit_id,
    achievementSummary: row.achievement_summary,
    sessionId: row.session_id,
    decisionId: row.decision_id,
    proposalId: row.proposal_id,
    version: row.version,
  };
}

/**
 * Reads of `review_dossiers`, the dossiers as review sees them (written with each append by
 * {@link DossierStreams}). Pass the transaction's client to read inside it (the row of a dossier
 * written earlier in the same transaction is then seen).
 */
@Injectable()
export class DossierReads {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * The dossiers of one award form of a campaign, optionally only in some statuses, in the order
   * they were first received.
   */
  async listByCampaignForm(
    tenantId: string,
    campaignId: string,
    awardFormCode: string,
    statuses?: readonly ReviewDossierStatus[],
    client?: PoolClient,
  ): Promise<ReviewDossier[]> {
    const { rows } = await (client ?? this.pool).query<DossierRow>(
      `SELECT ${COLUMNS} FROM review_dossiers
        WHERE tenant_id = $1 AND campaign_id = $2 AND award_form_code = $3
          AND ($4::text[] IS NULL OR status = ANY($4::text[]))
        ORDER BY received_at, nomination_id`,
      [tenantId, campaignId, awardFormCode, statuses ? [...statuses] : null],
    );
    return rows.map(toDossier);
  }

  /** The dossiers of a campaign (every form), optionally only in some statuses. */
  async listByCampaign(
    tenantId: string,
    campaignId: string,
    statuses?: readonly ReviewDossierStatus[],
    client?: PoolClient,
  ): Promise<ReviewDossier[]> {
    const { rows } = await (client ?? this.pool).query<DossierRow>(
      `SELECT ${COLUMNS} FROM review_dossiers
        WHERE tenant_id = $1 AND campaign_id = $2
          AND ($3::text[] IS NULL OR status = ANY($3::text[]))
        ORDER BY received_at, nomination_id`,
      [tenantId, campaignId, statuses ? [...statuses] : null],
    );
    return rows.map(toDossier);
  }

  /** The dossiers among `nominationIds` review knows (unknown ids are left out), in the given order. */
  async getMany(
    tenantId: string,
    nominationIds: readonly string[],
    client?: PoolClient,
  ): Promise<ReviewDossier[]> {
    if (nominationIds.length === 0) return [];
    const { rows } = await (client ?? this.pool).query<DossierRow>(
      `SELECT ${COLUMNS} FROM review_dossiers WHERE tenant_id = $1 AND nomination_id = ANY($2::text[])`,
      [tenantId, [...nominationIds]],
    );
    const byId = new Map(rows.map((row) => [row.nomination_id, toDossier(row)]));
    return nominationIds.flatMap((id) => {
      const dossier = byId.get(id);
      return dossier ? [dossier] : [];
    });
  }

  /** One dossier, or null when review has not received it. */
  async get(
    tenantId: string,
    nominationId: string,
    client?: PoolClient,
  ): Promise<ReviewDossier | null> {
    const [dossier] = await this.getMany(tenantId, [nominationId], client);
    return dossier ?? null;
  }
}
