import { Injectable } from '@nestjs/common';
import type { SessionTie } from '@ttkt/contracts';
import type { PoolClient } from 'pg';
import { SessionReads } from './session-reads';

/** A tie a closed session reported for a form, which its chair has not broken. */
export interface UnresolvedTie {
  /** The session that reported it. */
  sessionId: string;
  tie: SessionTie;
}

/** A form's results in the closed sessions of a campaign that voted on it. */
export interface FormSessionResults {
  /** The latest closed session (by the day held, then closing) whose agenda had the form, or null. */
  latestSessionId: string | null;
  /**
   * Every tie of the form without the chair's tie-break, one per session at most, oldest session
   * first. Their dossiers are disjoint: a dossier is on one session's agenda only (it is voted
   * once, from `accepted`).
   */
  unresolvedTies: UnresolvedTie[];
}

/**
 * The council's results for the awards: which session last voted on a form of a campaign, and
 * every tie of that form still waiting for the chair (decisions and proposals refuse a set that
 * would need the chair's choice). Every closed session counts, not only the latest: a later
 * session of the same form does not settle an earlier session's tie.
 */
@Injectable()
export class SessionResults {
  constructor(private readonly reads: SessionReads) {}

  /** The form's results over every closed session of the campaign whose agenda had it. */
  async forForm(
    tenantId: string,
    campaignId: string,
    awardFormCode: string,
    client?: PoolClient,
  ): Promise<FormSessionResults> {
    const views = await this.reads.closedWithForm(tenantId, campaignId, awardFormCode, client);
    const unresolvedTies = views.flatMap((view) => {
      const form = view.result?.forms.find(
        (candidate) => candidate.awardFormCode === awardFormCode,
      );
      return form?.tie && !form.tieBreak ? [{ sessionId: view.id, tie: form.tie }] : [];
    });
    return { latestSessionId: views[views.length - 1]?.id ?? null, unresolvedTies };
  }
}
