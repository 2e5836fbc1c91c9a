import { Injectable } from '@nestjs/common';
import type { IntegrationEvent, NominationSubmittedV1, NomineeSnapshot } from '@ttkt/contracts';
import type { PoolClient } from 'pg';
import type { NomineeFacts } from '../documents/document-inputs';

/**
 * The document service's copy of submitted dossiers' nominees (the snapshot taken at the last
 * submission), for the minutes, whose tally names dossiers only. Kept from
 * `nomination.submitted.v1` in the inbox's transaction; a later submission of the same dossier
 * (its stream's version is higher) replaces an earlier one, never the reverse.
 */
@Injectable()
export class NomineeCopy {
  /** `nomination.submitted.v1`. */
  async onSubmitted(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as NominationSubmittedV1;
    await client.query(
      `INSERT INTO nominee_copies (tenant_id, nomination_id, award_form_code, nominee, version)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, nomination_id) DO UPDATE
         SET award_form_code = EXCLUDED.award_form_code, nominee = EXCLUDED.nominee,
             version = EXCLUDED.version
         WHERE nominee_copies.version < EXCLUDED.version`,
      [
        event.tenantId,
        data.nominationId,
        data.awardFormCode,
        JSON.stringify(data.snapshot),
        event.source.streamVersion,
      ],
    );
  }

  /** The nominees of these dossiers the copy knows, by dossier. */
  async read(
    client: PoolClient,
    tenantId: string,
    nominationIds: readonly string[],
  ): Promise<Record<string, NomineeFacts>> {
    if (nominationIds.length === 0) return {};
    const { rows } = await client.query<{
      nomination_id: string;
      award_form_code: string;
      nominee: NomineeSnapshot;
    }>(
      `SELECT nomination_id, award_form_code, nominee FROM nominee_copies
        WHERE tenant_id = $1 AND nomination_id = ANY($2::text[])
        ORDER BY nomination_id`,
      [tenantId, nominationIds],
    );
    return Object.fromEntries(
      rows.map((row) => [
        row.nomination_id,
        {
          nominationId: row.nomination_id,
          awardFormCode: row.award_form_code,
          nominee: row.nominee,
        },
      ]),
    );
  }
}
