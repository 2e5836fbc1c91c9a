import { Inject, Injectable } from '@nestjs/common';
import { formatPosition, type ParsedPosition } from '@ttkt/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@ttkt/messaging';
import { setTimeout as delay } from 'node:timers/promises';

/** Links followed by one walk along a source's chain (one statement); the next walk goes on. */
const WALK_STEPS = 10_000;

/** What one walk along a source's chain found. */
interface Walk {
  /** The watermark after the walk, as a token; undefined while nothing is contiguous. */
  token: string | undefined;
  /** The watermark is at or past the target (false without one). */
  reached: boolean;
  /** The walk stopped at its bound: more links may follow. */
  truncated: boolean;
}

/**
 * Read-your-writes: how far the dashboard has received each source service's events without a
 * gap — its watermark.
 *
 * Every published event links to the one its source published before it
 * (`source.previousPosition`, absent for the first), and `received_events` keeps those links. A
 * source's watermark is the furthest position reachable from the stored one
 * (`source_positions`) by following them: the event whose previous is the watermark (or, with no
 * watermark yet, the one with no previous), then the one whose previous is that event, and so on.
 * Events received out of order (handlers run concurrently, retries and redeliveries reorder them)
 * wait beyond a hole until it is filled, so a watermark at or past a position means every event of
 * that source up to it has been handled (the event's row commits with its projection's writes).
 *
 * The walk runs here, on the read side, bounded to {@link WALK_STEPS} links per statement, and
 * persists an advance in the same statement (only forward, so concurrent readers agree); the
 * handlers only insert their own rows and never wait for each other on a shared row.
 */
@Injectable()
export class SourcePositions {
  private readonly schema: string;

  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {
    this.schema = infrastructure.schema;
  }

  /** Every source's watermark, as tokens, ordered by service (sources with none are left out). */
  async tokens(): Promise<string[]> {
    const { rows } = await this.infrastructure.pool.query<{ service: string }>(
      `SELECT service FROM "${this.schema}".source_positions
        UNION
       SELECT DISTINCT source_service FROM "${this.schema}".received_events WHERE previous_xid IS NULL
        ORDER BY service`,
    );
    const tokens: string[] = [];
    for (const { service } of rows) {
      const { token } = await this.walk(service, undefined);
      if (token !== undefined) tokens.push(token);
    }
    return tokens;
  }

  /** The source's watermark as a token; undefined while none of its events is contiguous. */
  async watermark(service: string): Promise<string | undefined> {
    for (;;) {
      const walk = await this.walk(service, undefined);
      if (!walk.truncated) return walk.token;
    }
  }

  /** True once the source's watermark is at or past `token`. */
  async reached(token: ParsedPosition): Promise<boolean> {
    for (;;) {
      const walk = await this.walk(token.service, token);
      if (walk.reached || !walk.truncated) return walk.reached;
    }
  }

  /**
   * Waits, at most `timeoutMs`, until `token` is reached. A bounded poll with a growing interval;
   * a reader in another instance sees the same tables (and moves the same stored watermarks).
   */
  async waitFor(token: ParsedPosition, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let interval = 10;
    for (;;) {
      const walk = await this.walk(token.service, token);
      if (walk.reached) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      if (walk.truncated) continue;
      await delay(Math.min(interval, left));
      interval = Math.min(interval * 2, 100);
    }
  }

  /**
   * One walk along `service`'s chain from its stored watermark (at most {@link WALK_STEPS} links),
   * storing the furthest position reached if it is past the stored one, and comparing the
   * watermark with `target` in SQL. One statement: the walk and the write see one snapshot, and
   * the write moves the stored watermark only forward (a concurrent reader that got further wins).
   */
  private async walk(service: string, target: ParsedPosition | undefined): Promise<Walk> {
    const s = `"${this.schema}"`;
    const { rows } = await this.infrastructure.pool.query<{
      xid: string | null;
      gp: string | null;
      reached: boolean | null;
      truncated: boolean | null;
    }>(
      `WITH RECURSIVE
         stored AS (
           SELECT position_xid AS xid, position_gp AS gp
             FROM ${s}.source_positions WHERE service = $1
         ),
         starts AS (
           SELECT r.position_xid AS xid, r.position_gp AS gp
             FROM ${s}.received_events AS r JOIN stored
               ON r.previous_xid = stored.xid AND r.previous_gp = stored.gp
            WHERE r.source_service = $1
           UNION ALL
           SELECT r.position_xid, r.position_gp
             FROM ${s}.received_events AS r
            WHERE r.source_service = $1 AND r.previous_xid IS NULL
              AND NOT EXISTS (SELECT 1 FROM stored)
         ),
         chain (xid, gp, steps) AS (
           SELECT xid, gp, 1 FROM starts
           UNION ALL
           SELECT r.position_xid, r.position_gp, chain.steps + 1
             FROM chain JOIN ${s}.received_events AS r
               ON r.source_service = $1 AND r.previous_xid = chain.xid AND r.previous_gp = chain.gp
            WHERE chain.steps < $2
         ),
         tip AS (
           SELECT xid, gp FROM chain ORDER BY xid DESC, gp DESC LIMIT 1
         ),
         advanced AS (
           INSERT INTO ${s}.source_positions AS p (service, position_xid, position_gp)
           SELECT $1, xid, gp FROM tip
           ON CONFLICT (service) DO UPDATE
              SET position_xid = EXCLUDED.position_xid, position_gp = EXCLUDED.position_gp,
                  updated_at = now()
            WHERE (p.position_xid, p.position_gp) < (EXCLUDED.position_xid, EXCLUDED.position_gp)
         ),
         watermark AS (
           SELECT xid, gp FROM (SELECT xid, gp FROM tip UNION ALL SELECT xid, gp FROM stored) AS w
            ORDER BY xid DESC, gp DESC LIMIT 1
         )
       SELECT w.xid::text AS xid, w.gp::text AS gp,
              (w.xid, w.gp) >= ($3::numeric, $4::numeric) AS reached,
              (SELECT bool_or(steps >= $2) FROM chain) AS truncated
         FROM (SELECT 1) AS one LEFT JOIN watermark AS w ON TRUE`,
      [
        service,
        WALK_STEPS,
        target?.transactionId.toString() ?? null,
        target?.globalPosition.toString() ?? null,
      ],
    );
    const row = rows[0];
    return {
      token:
        row?.xid !== null && row?.xid !== undefined && row.gp !== null
          ? formatPosition(service, row.xid, row.gp)
          : undefined,
      reached: row?.reached === true,
      truncated: row?.truncated === true,
    };
  }
}
