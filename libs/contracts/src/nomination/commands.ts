import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CommandContext } from '../campaign/commands';
import {
  NOMINATION_STATUSES,
  NOMINEE_KINDS,
  type NominationStatus,
  type NomineeKind,
} from './views';

/** RPC pattern of {@link NominateCommand}, answered by `nomination`. */
export const NOMINATE = 'nomination.nominate';
/** RPC pattern of {@link AttachNominationDocumentCommand}. */
export const ATTACH_NOMINATION_DOCUMENT = 'nomination.attach-document';
/** RPC pattern of {@link RemoveNominationDocumentCommand}. */
export const REMOVE_NOMINATION_DOCUMENT = 'nomination.remove-document';
/** RPC pattern of {@link SubmitNominationCommand}. */
export const SUBMIT_NOMINATION = 'nomination.submit';
/** RPC pattern of {@link WithdrawNominationCommand}. */
export const WITHDRAW_NOMINATION = 'nomination.withdraw';
/** RPC pattern of {@link GetNominationQuery}. */
export const GET_NOMINATION = 'nomination.get';
/** RPC pattern of {@link GetNominationHistoryQuery}. */
export const GET_NOMINATION_HISTORY = 'nomination.history';
/** RPC pattern of {@link ListCampaignNominationsQuery}. */
export const LIST_CAMPAIGN_NOMINATIONS = 'nomination.list-by-campaign';
/** RPC pattern of {@link ListMyNominationsQuery}. */
export const LIST_MY_NOMINATIONS = 'nomination.list-mine';
/** RPC pattern of {@link ReferencedNominationBlobsQuery}. */
export const REFERENCED_NOMINATION_BLOBS = 'nomination.referenced-blobs';

/** The document type code for an attachment outside the award form's required list. */
export const OTHER_DOCUMENT_TYPE = 'OTHER';

/** The largest lengths the nomination commands accept. */
export const NOMINATION_LIMITS = {
  /** An id (dossier, campaign, unit, person, document). */
  id: 200,
  /** The achievement summary. */
  achievementSummary: 20_000,
  /** Criteria per dossier. */
  criteria: 100,
  /** One criterion's text. */
  criterion: 2_000,
  /** One criterion's evidence. */
  evidence: 5_000,
  /** A file name. */
  fileName: 255,
  /** A reason (withdrawal). */
  reason: 2_000,
} as const;

/**
 * Who is nominated: `{ kind: 'individual', personId }` or `{ kind: 'collective', unitId }`
 * (the nomination service refuses the other id with the wrong kind).
 */
export class NomineeInput {
  /** `individual` (a person) or `collective` (a unit). */
  @IsIn(NOMINEE_KINDS)
  kind!: NomineeKind;

  /** The person, for an individual. */
  @ValidateIf((nominee: NomineeInput) => nominee.kind === 'individual')
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  personId?: string;

  /** The unit, for a collective. */
  @ValidateIf((nominee: NomineeInput) => nominee.kind === 'collective')
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  unitId?: string;
}

/** The self-assessment against one criterion. */
export class NominationCriterionInput {
  /** The criterion as the plan words it. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.criterion)
  criterion!: string;

  /** Whether the nominee meets it. */
  @IsBoolean()
  met!: boolean;

  /** Evidence. */
  @IsOptional()
  @IsString()
  @MaxLength(NOMINATION_LIMITS.evidence)
  evidence?: string;
}

/** Open a draft dossier for a nominee and an award form of an issued campaign. */
export class NominateCommand {
  /** Sender and tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The new dossier's id, chosen by the sender (a UUID), so a retried command is harmless. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  nominationId!: string;

  /** The campaign. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  campaignId!: string;

  /** The award form's code in the campaign's plan. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  awardFormCode!: string;

  /** The unit that nominates (the nominee is it, a sub-unit, or a person of either). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  nominatingUnitId!: string;

  /** Who is nominated. */
  @ValidateNested()
  @Type(() => NomineeInput)
  nominee!: NomineeInput;

  /** The achievement summary. */
  @IsString()
  @MaxLength(NOMINATION_LIMITS.achievementSummary)
  achievementSummary!: string;

  /** The self-assessment against each criterion. */
  @IsArray()
  @ArrayMaxSize(NOMINATION_LIMITS.criteria)
  @ValidateNested({ each: true })
  @Type(() => NominationCriterionInput)
  criteria!: NominationCriterionInput[];
}

/** A stored file's facts (from the blob store). */
export class NominationFileInput {
  /** SHA-256 of the content (64 lower-case hex digits). */
  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;

  /** Size in bytes. */
  @IsInt()
  @Min(0)
  size!: number;

  /** The media type sniffed from the content. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  mediaType!: string;

  /** The original file name (NFC), never used as a path. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.fileName)
  fileName!: string;
}

/** Record a stored file on a dossier (draft or returned). */
export class AttachNominationDocumentCommand {
  /** Sender and tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The dossier. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  nominationId!: string;

  /** The new document's id, chosen by the sender (a UUID). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  documentId!: string;

  /** One of the award form's unit-stage required documents' codes, or {@link OTHER_DOCUMENT_TYPE}. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  documentTypeCode!: string;

  /** The stored file. */
  @ValidateNested()
  @Type(() => NominationFileInput)
  file!: NominationFileInput;
}

/** Remove a document from a dossier (draft or returned). */
export class RemoveNominationDocumentCommand {
  /** Sender and tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The dossier. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  nominationId!: string;

  /** The document. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  documentId!: string;
}

/** Submit a draft (or resubmit a returned) dossier before the unit stage's deadline. */
export class SubmitNominationCommand {
  /** Sender and tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The dossier. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  nominationId!: string;
}

/** Withdraw a dossier before a decision. */
export class WithdrawNominationCommand {
  /** Sender and tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The dossier. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  nominationId!: string;

  /** Why. */
  @IsOptional()
  @IsString()
  @MaxLength(NOMINATION_LIMITS.reason)
  reason?: string;
}

/** Read one dossier. */
export class GetNominationQuery {
  /** The caller's tenant; another tenant's dossier is not found. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The dossier. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  nominationId!: string;
}

/** Read every stored event of a dossier. */
export class GetNominationHistoryQuery {
  /** The caller's tenant. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The dossier. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  nominationId!: string;
}

/** List a campaign's dossiers. */
export class ListCampaignNominationsQuery {
  /** The caller's tenant. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The campaign. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  campaignId!: string;

  /** Only this status. */
  @IsOptional()
  @IsIn(NOMINATION_STATUSES)
  status?: NominationStatus;

  /** Only dossiers of this nominating unit. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  unitId?: string;

  /** Only dossiers of these nominating units (the caller's visible ones); absent = every unit. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  unitIds?: string[];

  /** Only this award form. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  awardFormCode?: string;

  /** Page size (1 to 100; default 20). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** The previous page's `nextCursor`. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** List the dossiers naming a person as nominee. */
export class ListMyNominationsQuery {
  /** The caller's tenant. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The person linked to the caller. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.id)
  personId!: string;
}

/** The most sha256s one {@link ReferencedNominationBlobsQuery} may ask about. */
export const REFERENCED_BLOBS_BATCH = 500;

/**
 * Which of these blobs any dossier records, in any tenant: a system query of the gateway's blob
 * sweep (never exposed over HTTP), so it carries no tenant. A blob counts while a document of a
 * dossier (of any status, withdrawn included) holds its sha256; a removed document no longer
 * counts. Answered from the read table, so a document attached before the query is seen.
 * Answer: {@link ReferencedBlobs}.
 */
export class ReferencedNominationBlobsQuery {
  /** The blobs asked about (64 lower-case hex digits each), at most {@link REFERENCED_BLOBS_BATCH}. */
  @IsArray()
  @ArrayMaxSize(REFERENCED_BLOBS_BATCH)
  @ArrayUnique()
  @Matches(/^[0-9a-f]{64}$/, { each: true })
  sha256s!: string[];
}

/** The answer of {@link ReferencedNominationBlobsQuery}. */
export interface ReferencedBlobs {
  /** The asked sha256s some dossier records (each once, in no particular order). */
  referenced: string[];
}
