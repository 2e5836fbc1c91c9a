import { Inject, Injectable } from '@nestjs/common';
import { comparePositions, parsePosition, type ParsedPosition } from '@ttkt/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@ttkt/messaging';
import { setTimeout as delay } from 'node:timers/promises';

/** Read-your-writes: how far the dashboard has received each source service's log. */
@Injectable()
export class SourcePositions {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  /** Every source's furthest position, as tokens. */
  async tokens(): Promise<string[]> {
    const { rows } = await this.infrastructure.pool.query<{
      service: string;
      position_xid: string;
      position_gp: string;
    }>(
      `SELECT service, position_xid, position_gp FROM "${this.infrastructure.schema}".source_positions ORDER BY service`,
    );
    return rows.map((row) => `${row.service}:${row.position_xid}.${row.position_gp}`);
  }

  /** True once the source's furthest received position is at or past `token`. */
  async reached(token: ParsedPosition): Promise<boolean> {
    const { rows } = await this.infrastructure.pool.query<{
      position_xid: string;
      position_gp: string;
    }>(
      `SELECT position_xid, position_gp FROM "${this.infrastructure.schema}".source_positions WHERE service = $1`,
      [token.service],
    );
    const row = rows[0];
    if (!row) return false;
    const current = parsePosition(`${token.service}:${row.position_xid}.${row.position_gp}`);
    return current !== undefined && comparePositions(current, token) >= 0;
  }

  /**
   * Waits, at most `timeoutMs`, until `token` is reached. The wait is a bounded poll of one indexed
   * row with a growing interval; a reader in another instance sees the same table.
   */
  async waitFor(token: ParsedPosition, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let interval = 10;
    for (;;) {
      if (await this.reached(token)) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await delay(Math.min(interval, left));
      interval = Math.min(interval * 2, 100);
    }
  }
}
