import { Inject, Injectable } from '@nestjs/common';
import type { HoldClosedV1, HoldOpenedV1, IntegrationEvent } from '@ttkt/contracts';
import { PG_POOL } from '@ttkt/messaging';
import type { Pool, PoolClient } from 'pg';

/** An open hold on a person (discipline, investigation, complaint). */
export interface ReviewHold {
  holdId: string;
  kind: string;
  /** The day it started (`YYYY-MM-DD`). */
  openedOn: string;
}

/**
 * Review's copy of the directory's holds on people (`review_holds`): a person with an open hold
 * cannot be awarded. Kept from `directory.hold-opened.v1` / `hold-closed.v1` in the inbox's
 * transaction; a close that overtook its opening keeps the hold closed.
 */
@Injectable()
export class HoldsCopy {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** `directory.hold-opened.v1`. */
  async onHoldOpened(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as HoldOpenedV1;
    await client.query(
      `INSERT INTO review_holds (tenant_id, hold_id, person_id, kind, opened_on)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, hold_id) DO UPDATE SET kind = EXCLUDED.kind, opened_on = EXCLUDED.opened_on`,
      [event.tenantId, data.holdId, data.personId, data.kind, data.openedOn],
    );
  }

  /** `directory.hold-closed.v1`. */
  async onHoldClosed(event: IntegrationEvent, client: PoolClient): Promise<void> {
    const data = event.data as HoldClosedV1;
    await client.query(
      `INSERT INTO review_holds (tenant_id, hold_id, person_id, closed_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, hold_id) DO UPDATE SET closed_on = EXCLUDED.closed_on`,
      [event.tenantId, data.holdId, data.personId, data.closedOn],
    );
  }

  /** The open holds of each of `personIds` that has any (oldest first); people without are absent. */
  async openFor(
    tenantId: string,
    personIds: readonly string[],
    client?: PoolClient,
  ): Promise<Map<string, ReviewHold[]>> {
    const holds = new Map<string, ReviewHold[]>();
    if (personIds.length === 0) return holds;
    const { rows } = await (client ?? this.pool).query<{
      person_id: string;
      hold_id: string;
      kind: string;
      opened_on: string;
    }>(
      `SELECT person_id, hold_id, kind, opened_on FROM review_holds
        WHERE tenant_id = $1 AND person_id = ANY($2::text[])
          AND opened_on IS NOT NULL AND closed_on IS NULL
        ORDER BY opened_on, hold_id`,
      [tenantId, [...personIds]],
    );
    for (const row of rows) {
      const list = holds.get(row.person_id) ?? [];
      list.push({ holdId: row.hold_id, kind: row.kind, openedOn: row.opened_on });
      holds.set(row.person_id, list);
    }
    return holds;
  }
}
