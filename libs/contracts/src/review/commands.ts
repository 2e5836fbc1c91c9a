import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CommandContext } from '../campaign/commands';
import { THRESHOLD_DENOMINATORS, type ThresholdDenominator } from './views';

/** RPC patterns answered by `review`. */
export const REVIEW_RPC = {
  acceptDossier: 'review.accept-dossier',
  returnDossier: 'review.return-dossier',
  dossierHistory: 'review.dossier-history',
  configureCouncil: 'review.configure-council',
  getCouncil: 'review.get-council',
  openSession: 'review.open-session',
  castVote: 'review.cast-vote',
  closeSession: 'review.close-session',
  recordTieBreak: 'review.record-tie-break',
  getSession: 'review.get-session',
  listSessions: 'review.list-sessions',
  decide: 'review.decide',
  revokeDecision: 'review.revoke-decision',
  getDecision: 'review.get-decision',
  listDecisions: 'review.list-decisions',
  propose: 'review.propose',
  recordProposalOutcome: 'review.record-proposal-outcome',
  getProposal: 'review.get-proposal',
  listProposals: 'review.list-proposals',
  getQuotaLedger: 'review.get-quota-ledger',
} as const;

/** The largest sizes the review commands accept. */
export const REVIEW_LIMITS = {
  id: 200,
  reason: 2_000,
  reasons: 50,
  members: 200,
  thresholds: 100,
  awardForms: 100,
  nominations: 1_000,
  source: 1_000,
  text: 500,
  recipients: 100,
} as const;

/** A `YYYY-MM-DD` calendar date. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A fraction `p/q` with 1 ≤ q ≤ 1000 and 0 ≤ p ≤ q (checked in full by the service). */
const FRACTION = /^\d{1,4}\/\d{1,4}$/;

/** Accept a submitted dossier as complete (secretariat). */
export class AcceptDossierCommand {
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_LIMITS.id)
  nominationId!: string;
}

/** Return a submitted dossier to its unit for supplement (secretariat). */
export class ReturnDossierCommand {
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_LIMITS.id)
  nominationId!: string;

  /** Why (at least one). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REVIEW_LIMITS.reasons)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(REVIEW_LIMITS.reason, { each: true })
  reasons!: string[];

  /**
   * A later resubmission deadline: the unit may resubmit before this day (`YYYY-MM-DD`, 00:00
   * Asia/Ho_Chi_Minh, exclusive), or absent/null: the unit stage's deadline holds.
   */
  @IsOptional()
  @Matches(DATE)
  resubmitBefore?: string | null;
}

/** A dossier's review history. */
export class DossierHistoryQuery {
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  @IsString()
  @IsNotEmpty()
  nominationId!: string;
}

/** A threshold of the council's rules. */
export class CouncilThresholdInput {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_LIMITS.id)
  awardFormCode?: string;

  @Matches(FRACTION)
  fraction!: string;

  @IsIn(THRESHOLD_DENOMINATORS)
  of!: ThresholdDenominator;

  @IsBoolean()
  secretBallot!: boolean;
}

/** The council's rules as configured. */
export class CouncilRulesInput {
  /** Default `2/3`. */
  @IsOptional()
  @Matches(FRACTION)
  quorum?: string;

  @IsOptional()
  @Matches(FRACTION)
  minAttendance?: string | null;

  /** Default true (absent members give written opinions). */
  @IsOptional()
  @IsBoolean()
  allowWrittenVotes?: boolean;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REVIEW_LIMITS.thresholds)
  @ValidateNested({ each: true })
  @Type(() => CouncilThresholdInput)
  thresholds!: CouncilThresholdInput[];

  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_LIMITS.source)
  source!: string;

  /** Default: today. */
  @IsOptional()
  @Matches(DATE)
  effectiveFrom?: string;
}

/** `PUT /agencies/{id}/council` (agency-admin). The gateway has checked the users exist in the agency. */
export class ConfigureCouncilCommand {
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  @IsString()
  @IsNotEmpty()
  chairUserId!: string;

  @IsString()
  @IsNotEmpty()
  secretaryUserId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REVIEW_LIMITS.members)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  memberUserIds!: string[];

  @ValidateNested()
  @Type(() => CouncilRulesInput)
  rules!: CouncilRulesInput;
}

/** An agency's council. */
export class GetCouncilQuery {
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  @IsString()
  @IsNotEmpty()
  agencyId!: string;
}

/** `POST /campaigns/{id}/council-sessions` (secretariat). */
export class OpenSessionCommand {
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The new session's id (chosen by the gateway). */
  @IsString()
  @IsNotEmpty()
  sessionId!: string;

  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  @Matches(DATE)
  heldOn!: string;

  @IsArray()
  @ArrayMaxSize(REVIEW_LIMITS.members)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  presentUserIds!: string[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REVIEW_LIMITS.awardForms)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  awardFormCodes!: string[];
}

/** `POST /council-sessions/{id}/votes`: the voter is the command's actor. */
export class CastVoteCommand {
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  @IsString()
  @IsNotEmpty()
  sessionId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_LIMITS.id)
  nominationId!: string;

  @IsBoolean()
  approve!: boolean;
}

/** `POST /council-sessions/{id}/close` (secretariat). */
export class CloseSessionCommand {
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  @IsString()
  @IsNotEmpty()
  sessionId!: string;
}

/** `POST /council-sessions/{id}/tie-breaks` (the chair: the actor must be the session's chair). */
export class RecordTieBreakCommand {
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  @IsString()
  @IsNotEmpty()
  sessionId!: string;

  @IsString()
  @IsNotEmpty()
  awardFormCode!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REVIEW_LIMITS.nominations)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  chosenNominationIds!: string[];

  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_LIMITS.reason)
  reason!: string;
}

/** A session, or a campaign's sessions. */
export class GetSessionQuery {
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  @IsString()
  @IsNotEmpty()
  sessionId!: string;
}

/** A campaign's sessions. */
export class ListSessionsQuery {
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  @IsString()
  @IsNotEmpty()
  campaignId!: string;
}

/** A signer as given. */
export class SignerInput {
  @IsOptional()
  @IsIn(['TM.', 'KT.', 'Q.', 'TL.', 'TUQ.'])
  capacity?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_LIMITS.text)
  title!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_LIMITS.text)
  name!: string;
}

/** A recipient as given. */
export class RecipientInput {
  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_LIMITS.text)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(REVIEW_LIMITS.text)
  purpose?: string;
}

/** The fields a decision and a proposal share. */
abstract class NumberedAwardCommand {
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_LIMITS.id)
  awardFormCode!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REVIEW_LIMITS.nominations)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  nominationIds!: string[];

  /** Default: the campaign's signer. */
  @IsOptional()
  @ValidateNested()
  @Type(() => SignerInput)
  signer?: SignerInput;

  /** Default: the campaign's recipients. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(REVIEW_LIMITS.recipients)
  @ValidateNested({ each: true })
  @Type(() => RecipientInput)
  recipients?: RecipientInput[];

  /** How long to wait for the register's number before answering `pending` (ms). */
  @IsInt()
  @Min(0)
  @Max(60_000)
  waitMs!: number;
}

/** `POST /campaigns/{id}/decisions` (agency-head). */
export class DecideCommand extends NumberedAwardCommand {
  /** The new decision's id (chosen by the gateway). */
  @IsString()
  @IsNotEmpty()
  decisionId!: string;

  @Matches(DATE)
  decidedOn!: string;
}

/** `POST /decisions/{id}/revoke` (agency-head). */
export class RevokeDecisionCommand {
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  @IsString()
  @IsNotEmpty()
  decisionId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_LIMITS.reason)
  reason!: string;
}

/** `POST /campaigns/{id}/proposals` (agency-head). */
export class ProposeCommand extends NumberedAwardCommand {
  /** The new proposal's id (chosen by the gateway). */
  @IsString()
  @IsNotEmpty()
  proposalId!: string;

  /** The letter's date; default today. Must lie before the proposal stage's cut-off. */
  @IsOptional()
  @Matches(DATE)
  proposedOn?: string;
}

/** `POST /proposals/{id}/outcome` (secretariat). */
export class RecordProposalOutcomeCommand {
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  @IsString()
  @IsNotEmpty()
  proposalId!: string;

  @IsArray()
  @ArrayMaxSize(REVIEW_LIMITS.nominations)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  approvedNominationIds!: string[];

  /** The higher authority's decision number as printed. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_LIMITS.text)
  decisionNumber!: string;

  @Matches(DATE)
  decidedOn!: string;
}

/** One decision or proposal. */
export class GetReviewDocumentQuery {
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  @IsString()
  @IsNotEmpty()
  id!: string;
}

/** A campaign's decisions or proposals (by creation, keyset cursor), or its quota ledger. */
export class ListByCampaignQuery {
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @IsOptional()
  @IsString()
  cursor?: string;
}
