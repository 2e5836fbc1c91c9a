import { IsArray, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Routing key of {@link DossierAcceptedV1}. */
export const REVIEW_DOSSIER_ACCEPTED_V1 = 'review.dossier-accepted.v1';
/** Routing key of {@link DossierReturnedV1}. */
export const REVIEW_DOSSIER_RETURNED_V1 = 'review.dossier-returned.v1';
/** Routing key of {@link DossierApprovedV1}. */
export const REVIEW_DOSSIER_APPROVED_V1 = 'review.dossier-approved.v1';
/** Routing key of {@link DossierNotApprovedV1}. */
export const REVIEW_DOSSIER_NOT_APPROVED_V1 = 'review.dossier-not-approved.v1';
/** Routing key of {@link DossierAwardedV1}. */
export const REVIEW_DOSSIER_AWARDED_V1 = 'review.dossier-awarded.v1';
/** Routing key of {@link DossierProposedV1}. */
export const REVIEW_DOSSIER_PROPOSED_V1 = 'review.dossier-proposed.v1';
/** Routing key of {@link DossierAwardRevokedV1}. */
export const REVIEW_DOSSIER_AWARD_REVOKED_V1 = 'review.dossier-award-revoked.v1';

/** The fields every review outcome about one dossier carries. */
export abstract class DossierOutcomeV1 {
  /** The dossier (the nomination service's id). */
  @IsString()
  @IsNotEmpty()
  nominationId!: string;

  /** Its campaign. */
  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  /** When the outcome took effect (ISO-8601). */
  @IsISO8601({ strict: true })
  at!: string;
}

/** The secretariat found the dossier complete. */
export class DossierAcceptedV1 extends DossierOutcomeV1 {}

/** The secretariat returned the dossier to the unit for supplement. */
export class DossierReturnedV1 extends DossierOutcomeV1 {
  /** Why (at least one reason). */
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(2000, { each: true })
  reasons!: string[];

  /**
   * A resubmission deadline later than the unit stage's (ISO-8601 instant, exclusive), or null:
   * the unit stage's deadline holds.
   */
  @IsOptional()
  @IsISO8601({ strict: true })
  resubmitBefore!: string | null;
}

/** The council's vote met the threshold. */
export class DossierApprovedV1 extends DossierOutcomeV1 {}

/**
 * The council's vote did not meet the threshold, the higher authority did not approve the
 * proposal, or the campaign closed with the dossier left out of every decision and proposal.
 */
export class DossierNotApprovedV1 extends DossierOutcomeV1 {}

/** The dossier is in a decision (of the agency, or the higher authority's outcome of a proposal). */
export class DossierAwardedV1 extends DossierOutcomeV1 {
  /** The decision. */
  @IsString()
  @IsNotEmpty()
  decisionId!: string;

  /** The decision's number as printed (`12/QĐ-SKHCN`). */
  @IsString()
  @IsNotEmpty()
  decisionNumber!: string;
}

/** The dossier is in a proposal awaiting the higher authority's outcome. */
export class DossierProposedV1 extends DossierOutcomeV1 {
  /** The proposal. */
  @IsString()
  @IsNotEmpty()
  proposalId!: string;
}

/** The decision that awarded the dossier was revoked: back to `approved`. */
export class DossierAwardRevokedV1 extends DossierOutcomeV1 {
  /** The revoked decision. */
  @IsString()
  @IsNotEmpty()
  decisionId!: string;
}
