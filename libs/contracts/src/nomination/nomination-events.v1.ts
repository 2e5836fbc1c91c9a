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
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  NOMINATION_STATUSES,
  NOMINEE_KINDS,
  type NominationStatus,
  type NomineeKind,
} from './views';

/** Routing key of {@link NominationDraftedV1}. */
export const NOMINATION_DRAFTED_V1 = 'nomination.drafted.v1';
/** Routing key of {@link NominationSubmittedV1}. */
export const NOMINATION_SUBMITTED_V1 = 'nomination.submitted.v1';
/** Routing key of {@link NominationReturnedV1}. */
export const NOMINATION_RETURNED_V1 = 'nomination.returned.v1';
/** Routing key of {@link NominationWithdrawnV1}. */
export const NOMINATION_WITHDRAWN_V1 = 'nomination.withdrawn.v1';
/** Routing key of {@link NominationStatusChangedV1}. */
export const NOMINATION_STATUS_CHANGED_V1 = 'nomination.status-changed.v1';
/** Routing key of {@link NominationHoldFlaggedV1}. */
export const NOMINATION_HOLD_FLAGGED_V1 = 'nomination.hold-flagged.v1';

/** Who is nominated, in an event: a person or a unit. */
export class NomineeRefV1 {
  /** `individual` (a person) or `collective` (a unit). */
  @IsIn(NOMINEE_KINDS)
  kind!: NomineeKind;

  /** The person, for an individual. */
  @ValidateIf((nominee: NomineeRefV1) => nominee.kind === 'individual')
  @IsString()
  @IsNotEmpty()
  personId?: string;

  /** The unit, for a collective. */
  @ValidateIf((nominee: NomineeRefV1) => nominee.kind === 'collective')
  @IsString()
  @IsNotEmpty()
  unitId?: string;
}

/** The fields every dossier event carries, so consumers need no lookup. */
export abstract class NominationFactsV1 {
  /** The dossier. */
  @IsString()
  @IsNotEmpty()
  nominationId!: string;

  /** The campaign. */
  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  /** The campaign's agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The award form's code. */
  @IsString()
  @IsNotEmpty()
  awardFormCode!: string;

  /** The unit that nominates. */
  @IsString()
  @IsNotEmpty()
  nominatingUnitId!: string;
}

/** A unit opened a draft dossier. */
export class NominationDraftedV1 extends NominationFactsV1 {
  /** Who is nominated. */
  @ValidateNested()
  @Type(() => NomineeRefV1)
  nominee!: NomineeRefV1;

  /** Always `draft`. */
  @IsIn(['draft'])
  status!: 'draft';

  /** When (ISO-8601). */
  @IsISO8601({ strict: true })
  draftedAt!: string;
}

/** A document of a submitted dossier (the blob is in the blob store, by `sha256`). */
export class NominationDocumentV1 {
  /** The document's id in the dossier. */
  @IsString()
  @IsNotEmpty()
  documentId!: string;

  /** A required document's code, or `OTHER`. */
  @IsString()
  @IsNotEmpty()
  documentTypeCode!: string;

  /** SHA-256 of the content. */
  @IsString()
  @IsNotEmpty()
  sha256!: string;

  /** Size in bytes. */
  @IsInt()
  @Min(0)
  size!: number;

  /** Media type. */
  @IsString()
  @IsNotEmpty()
  mediaType!: string;

  /** The original file name. */
  @IsString()
  @IsNotEmpty()
  fileName!: string;
}

/** An open hold on the nominee, as carried to the dossier. */
export class NominationHoldV1 {
  /** The hold's id in the directory. */
  @IsString()
  @IsNotEmpty()
  holdId!: string;

  /** `discipline`, `investigation` or `complaint`. */
  @IsString()
  @IsNotEmpty()
  kind!: string;

  /** The day it started (`YYYY-MM-DD`). */
  @IsString()
  @IsNotEmpty()
  openedOn!: string;
}

/** A dossier was submitted (or resubmitted after a return) to the secretariat. */
export class NominationSubmittedV1 extends NominationFactsV1 {
  /** Who is nominated. */
  @ValidateNested()
  @Type(() => NomineeRefV1)
  nominee!: NomineeRefV1;

  /**
   * The nominee as of this submission (`{ kind: 'individual', fullName, dateOfBirth, gender,
   * position, unitId, unitName }` or `{ kind: 'collective', unitId, unitName }`).
   */
  @IsObject()
  snapshot!: Record<string, unknown>;

  /** The achievement summary. */
  @IsString()
  achievementSummary!: string;

  /** The self-assessment (`[{ criterion, met, evidence? }]`). */
  @IsArray()
  @IsObject({ each: true })
  criteria!: Record<string, unknown>[];

  /** The documents attached at submission. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => NominationDocumentV1)
  documents!: NominationDocumentV1[];

  /** True for a resubmission after a return. */
  @IsBoolean()
  resubmission!: boolean;

  /** Open holds at submission (always empty for a person: a held person cannot be submitted). */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => NominationHoldV1)
  holds!: NominationHoldV1[];

  /** When (ISO-8601). */
  @IsISO8601({ strict: true })
  submittedAt!: string;
}

/** The secretariat returned the dossier to the unit for supplement. */
export class NominationReturnedV1 extends NominationFactsV1 {
  /** Why, as the secretariat wrote it. */
  @IsArray()
  @IsString({ each: true })
  reasons!: string[];

  /** A later resubmission deadline (ISO-8601 instant, exclusive), or null: the unit stage's. */
  @IsOptional()
  @IsISO8601({ strict: true })
  resubmitBefore!: string | null;

  /** When (ISO-8601). */
  @IsISO8601({ strict: true })
  returnedAt!: string;
}

/** The unit withdrew the dossier. */
export class NominationWithdrawnV1 extends NominationFactsV1 {
  /** Why, or empty. */
  @IsString()
  reason!: string;

  /** The status it was withdrawn from. */
  @IsIn(NOMINATION_STATUSES)
  previousStatus!: NominationStatus;

  /** When (ISO-8601). */
  @IsISO8601({ strict: true })
  withdrawnAt!: string;
}

/**
 * A dossier's status changed (published for every change, drafting included), so a read model
 * such as the dashboard needs one handler.
 */
export class NominationStatusChangedV1 extends NominationFactsV1 {
  /** The status after the change. */
  @IsIn(NOMINATION_STATUSES)
  status!: NominationStatus;

  /** The status before, or null when the dossier was just drafted. */
  @IsOptional()
  @IsIn(NOMINATION_STATUSES)
  previousStatus!: NominationStatus | null;

  /** When (ISO-8601). */
  @IsISO8601({ strict: true })
  at!: string;
}

/** A hold opened on the nominee of a live dossier after it was drafted: review must see it. */
export class NominationHoldFlaggedV1 extends NominationFactsV1 {
  /** The person on hold. */
  @IsString()
  @IsNotEmpty()
  personId!: string;

  /** The hold's id in the directory. */
  @IsString()
  @IsNotEmpty()
  holdId!: string;

  /** `discipline`, `investigation` or `complaint`. */
  @IsString()
  @IsNotEmpty()
  kind!: string;

  /** The day it started (`YYYY-MM-DD`). */
  @IsString()
  @IsNotEmpty()
  openedOn!: string;

  /** The dossier's status when flagged. */
  @IsIn(NOMINATION_STATUSES)
  status!: NominationStatus;

  /** When (ISO-8601). */
  @IsISO8601({ strict: true })
  flaggedAt!: string;
}
