import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';

/** Routing key of {@link ReviewNumberRequestedV1}. */
export const REVIEW_NUMBER_REQUESTED_V1 = 'review.number-requested.v1';
/** Routing key of {@link DecisionIssuedV1}. */
export const REVIEW_DECISION_ISSUED_V1 = 'review.decision-issued.v1';
/** Routing key of {@link DecisionRevokedV1}. */
export const REVIEW_DECISION_REVOKED_V1 = 'review.decision-revoked.v1';
/** Routing key of {@link ProposalIssuedV1}. */
export const REVIEW_PROPOSAL_ISSUED_V1 = 'review.proposal-issued.v1';
/** Routing key of {@link ProposalOutcomeRecordedV1}. */
export const REVIEW_PROPOSAL_OUTCOME_RECORDED_V1 = 'review.proposal-outcome-recorded.v1';
/** Routing key of {@link SessionClosedV1}. */
export const REVIEW_SESSION_CLOSED_V1 = 'review.session-closed.v1';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A decision (`QĐ`) or proposal letter (`TTr`) asks the agency's register for the next number of
 * the year of `issuedOn`. The register answers with `register.number-assigned.v1` or
 * `register.number-refused.v1` carrying `requestId` and `requestedBy`.
 */
export class ReviewNumberRequestedV1 {
  /** This request's id; the register's answer carries it back. */
  @IsString()
  @IsNotEmpty()
  requestId!: string;

  /** The issuing agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The agency's code for the symbol (`SKHCN`). */
  @IsString()
  @IsNotEmpty()
  agencyCode!: string;

  /** `QĐ` (decision) or `TTr` (proposal letter). */
  @IsIn(['QĐ', 'TTr'])
  documentKind!: 'QĐ' | 'TTr';

  /** The document's date (`YYYY-MM-DD`): its year is the register's. */
  @Matches(DATE)
  issuedOn!: string;

  /** `decision` or `proposal`, with its id. */
  @IsIn(['decision', 'proposal'])
  requesterKind!: 'decision' | 'proposal';

  /** The decision's or proposal's id. */
  @IsString()
  @IsNotEmpty()
  requesterId!: string;
}

/** A signer in an event. */
export class SignerV1 {
  @IsOptional()
  @IsString()
  capacity?: string;

  @IsString()
  title!: string;

  @IsString()
  name!: string;
}

/** A recipient in an event. */
export class RecipientV1 {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  purpose?: string;
}

/** A nominee of a decision or proposal, with what the documents print. */
export class AwardeeV1 {
  @IsString()
  @IsNotEmpty()
  nominationId!: string;

  /** The nominee as submitted (`NomineeSnapshot`). */
  @IsObject()
  nominee!: Record<string, unknown>;

  @IsOptional()
  @IsString()
  personId!: string | null;

  @IsOptional()
  @IsString()
  unitId!: string | null;

  @IsString()
  nominatingUnitId!: string;

  @IsString()
  achievementSummary!: string;

  /** The golden-book number (decisions), or null (proposals). */
  @IsOptional()
  @IsInt()
  @Min(1)
  goldenBookNumber!: number | null;
}

/** The fields a decision and a proposal share in their events. */
abstract class NumberedAwardV1 {
  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  @IsString()
  @IsNotEmpty()
  awardFormCode!: string;

  @IsString()
  awardFormName!: string;

  /** As printed after "Số:". */
  @IsString()
  @IsNotEmpty()
  number!: string;

  /** The register's number alone and its year. */
  @IsInt()
  @Min(1)
  registerNumber!: number;

  @IsInt()
  year!: number;

  /** The campaign's plan number (`27/KH-SKHCN`) and title, for the legal basis. */
  @IsString()
  planNumber!: string;

  @IsString()
  planTitle!: string;

  @IsString()
  planIssuedOn!: string;

  @ValidateNested()
  @Type(() => SignerV1)
  signer!: SignerV1;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RecipientV1)
  recipients!: RecipientV1[];

  /** The council session whose vote the dossiers passed, or null. */
  @IsOptional()
  @IsString()
  sessionId!: string | null;
}

/** A decision of the agency head was numbered: what generates it, its annex and certificates. */
export class DecisionIssuedV1 extends NumberedAwardV1 {
  @IsString()
  @IsNotEmpty()
  decisionId!: string;

  @Matches(DATE)
  decidedOn!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AwardeeV1)
  awardees!: AwardeeV1[];

  @IsISO8601({ strict: true })
  issuedAt!: string;
}

/** A decision was revoked: its number stays in the register, marked revoked. */
export class DecisionRevokedV1 {
  @IsString()
  @IsNotEmpty()
  decisionId!: string;

  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  @IsString()
  number!: string;

  @IsInt()
  @Min(1)
  registerNumber!: number;

  @IsInt()
  year!: number;

  @IsString()
  @IsNotEmpty()
  reason!: string;

  @IsArray()
  @IsString({ each: true })
  nominationIds!: string[];

  @IsISO8601({ strict: true })
  revokedAt!: string;
}

/** A proposal letter was numbered: what generates it, the summary list and the minutes. */
export class ProposalIssuedV1 extends NumberedAwardV1 {
  @IsString()
  @IsNotEmpty()
  proposalId!: string;

  @Matches(DATE)
  proposedOn!: string;

  /** Whom it goes to, and who decides. */
  @IsString()
  to!: string;

  @IsString()
  decidedBy!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AwardeeV1)
  nominees!: AwardeeV1[];

  @IsISO8601({ strict: true })
  issuedAt!: string;
}

/** The higher authority's outcome of a proposal. */
export class ProposalOutcomeRecordedV1 {
  @IsString()
  @IsNotEmpty()
  proposalId!: string;

  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  @IsArray()
  @IsString({ each: true })
  approvedNominationIds!: string[];

  @IsArray()
  @IsString({ each: true })
  notApprovedNominationIds!: string[];

  @IsString()
  decisionNumber!: string;

  @Matches(DATE)
  decidedOn!: string;

  @IsISO8601({ strict: true })
  recordedAt!: string;
}

/** One dossier's tally in {@link SessionClosedV1}: counts only, never who voted what. */
export class TallyLineV1 {
  @IsString()
  nominationId!: string;

  @IsInt()
  yes!: number;

  @IsInt()
  no!: number;

  @IsInt()
  ballots!: number;

  @IsInt()
  denominator!: number;

  @IsBoolean()
  approved!: boolean;

  @IsOptional()
  @IsInt()
  rank!: number | null;
}

/** One form's result in {@link SessionClosedV1}. */
export class SessionFormResultV1 {
  @IsString()
  awardFormCode!: string;

  @IsInt()
  quota!: number;

  @IsString()
  fraction!: string;

  @IsString()
  of!: string;

  @IsBoolean()
  secretBallot!: boolean;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TallyLineV1)
  tally!: TallyLineV1[];

  /** `{ nominationIds, places, yes }` or null. */
  @IsOptional()
  @IsObject()
  tie!: Record<string, unknown> | null;
}

/** A council session closed: attendance and the tally, for the minutes (biên bản). */
export class SessionClosedV1 {
  @IsString()
  @IsNotEmpty()
  sessionId!: string;

  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  @Matches(DATE)
  heldOn!: string;

  @IsString()
  chairUserId!: string;

  @IsString()
  secretaryUserId!: string;

  @IsArray()
  @IsString({ each: true })
  memberUserIds!: string[];

  @IsArray()
  @IsString({ each: true })
  presentUserIds!: string[];

  /** The rules' legal source. */
  @IsString()
  rulesSource!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SessionFormResultV1)
  forms!: SessionFormResultV1[];

  @IsISO8601({ strict: true })
  closedAt!: string;
}
