import type { QuotaLedgerEntry } from '@ttkt/contracts';

/**
 * The events of a quota ledger (`quota-<campaignId>:<awardFormCode>`): the places of one award
 * form of one campaign, taken by decisions and proposals and given back when a decision is
 * refused a number or revoked (or a proposal is refused its number), or one dossier's place when
 * it was withdrawn while its decision waited for its number. The sum of the places held
 * never exceeds the form's quota: every append is serialised per ledger and checked against it.
 */
export type QuotaEvent = PlacesTaken | PlacesReleased;

/** Who holds places: a decision or a proposal. */
export type QuotaHolderKind = QuotaLedgerEntry['kind'];

/** What every ledger event carries. */
export interface QuotaEventFacts {
  campaignId: string;
  awardFormCode: string;
  /** `decision` or `proposal`. */
  kind: QuotaHolderKind;
  /** The decision's or proposal's id. */
  id: string;
  /** The dossiers concerned. */
  nominationIds: string[];
  /** When (ISO-8601). */
  at: string;
}

/** A decision or proposal took places (one per dossier), within the quota. */
export interface PlacesTaken {
  type: 'PlacesTaken';
  data: QuotaEventFacts & {
    /** The quota in force when the places were taken. */
    quota: number;
  };
}

/** Why places came back. */
export type PlacesReleasedReason = 'number-refused' | 'revoked' | 'withdrawn';

/**
 * A holder gave places back: all of them (refused by the register, or a decision revoked), or
 * those of the dossiers `nominationIds` names (withdrawn before the decision was numbered); a
 * holder left with no dossier holds nothing.
 */
export interface PlacesReleased {
  type: 'PlacesReleased';
  data: QuotaEventFacts & { reason: PlacesReleasedReason };
}

/** The stream type of quota ledgers. */
export const QUOTA_STREAM_TYPE = 'quota';

/** The ledger's stream id: `quota-<campaignId>:<awardFormCode>`. */
export function quotaStreamId(campaignId: string, awardFormCode: string): string {
  return `${QUOTA_STREAM_TYPE}-${campaignId}:${awardFormCode}`;
}
