import { Injectable } from '@nestjs/common';
import type { SessionTie, SessionTieBreak } from '@ttkt/contracts';
import type { PoolClient } from 'pg';
import { SessionReads } from './session-reads';

/** A form's result in the latest closed session that voted on it. */
export interface FormSessionResult {
  sessionId: string;
  /** The tie at the form's last place within the quota, or null. */
  tie: SessionTie | null;
  /** The chair's tie-break of that tie, or null. */
  tieBreak: SessionTieBreak | null;
}

/**
 * The council's results for the awards: which session last voted on a form of a campaign, and its
 * tie and tie-break for that form (decisions and proposals refuse a set that splits an unresolved
 * tie).
 */
@Injectable()
export class SessionResults {
  constructor(private readonly reads: SessionReads) {}

  /**
   * The latest closed session of the campaign (by the day held, then closing) whose agenda had the
   * form, with the form's tie and tie-break; null when no closed session voted on the form.
   */
  async latestForForm(
    tenantId: string,
    campaignId: string,
    awardFormCode: string,
    client?: PoolClient,
  ): Promise<FormSessionResult | null> {
    const view = await this.reads.latestClosedWithForm(tenantId, campaignId, awardFormCode, client);
    if (!view) return null;
    const form = view.result?.forms.find((candidate) => candidate.awardFormCode === awardFormCode);
    return { sessionId: view.id, tie: form?.tie ?? null, tieBreak: form?.tieBreak ?? null };
  }
}
