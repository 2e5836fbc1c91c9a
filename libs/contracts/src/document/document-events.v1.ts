import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DOCUMENT_SOURCE_KINDS,
  GENERATED_DOCUMENT_FORMATS,
  GENERATED_DOCUMENT_KINDS,
  type DocumentSourceKind,
  type GeneratedDocumentFormat,
  type GeneratedDocumentKind,
} from './views';

/** Routing key of {@link DocumentGeneratedV1}. */
export const DOCUMENT_GENERATED_V1 = 'document.generated.v1';
/** Routing key of {@link DocumentFailedV1}. */
export const DOCUMENT_FAILED_V1 = 'document.failed.v1';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What a document was generated from, in an event. */
export class DocumentSourceV1 {
  /** `campaign`, `decision`, `proposal` or `session`. */
  @IsIn(DOCUMENT_SOURCE_KINDS)
  kind!: DocumentSourceKind;

  /** Its id. */
  @IsString()
  @IsNotEmpty()
  id!: string;
}

/** A stored file of a generated document, in an event. */
export class DocumentFileV1 {
  /** `pdf`, `docx` or `xlsx`. */
  @IsIn(GENERATED_DOCUMENT_FORMATS)
  format!: GeneratedDocumentFormat;

  /** SHA-256 of the bytes (the blob's address). */
  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;

  /** Size in bytes. */
  @IsInt()
  @Min(1)
  size!: number;

  /** Media type. */
  @IsString()
  @IsNotEmpty()
  mediaType!: string;

  /** The download name. */
  @IsString()
  @IsNotEmpty()
  fileName!: string;
}

/** The facts of a generated document every document event carries, so consumers need no lookup. */
abstract class DocumentFactsV1 {
  /** The document's id (a UUID). */
  @IsUUID()
  documentId!: string;

  /** Its kind. */
  @IsIn(GENERATED_DOCUMENT_KINDS)
  kind!: GeneratedDocumentKind;

  /** The campaign. */
  @IsString()
  @IsNotEmpty()
  campaignId!: string;

  /** The issuing agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** As printed after "Số:", or null (the minutes). */
  @IsOptional()
  @IsString()
  number!: string | null;

  /** The document's date (`YYYY-MM-DD`). */
  @Matches(DATE)
  issuedOn!: string;

  /** Its short title. */
  @IsString()
  @IsNotEmpty()
  title!: string;

  /** What it was generated from. */
  @ValidateNested()
  @Type(() => DocumentSourceV1)
  source!: DocumentSourceV1;

  /** A certificate's awardee when a person; null otherwise. */
  @IsOptional()
  @IsString()
  subjectPersonId!: string | null;
}

/** A document's files were generated and stored: it can be downloaded. */
export class DocumentGeneratedV1 extends DocumentFactsV1 {
  /** The stored files. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DocumentFileV1)
  files!: DocumentFileV1[];

  /** When (ISO-8601). */
  @IsISO8601({ strict: true })
  generatedAt!: string;
}

/** A document's generation failed for the last time: it stays `failed`. */
export class DocumentFailedV1 extends DocumentFactsV1 {
  /** The last attempt's error. */
  @IsString()
  error!: string;

  /** How many attempts were made. */
  @IsInt()
  @Min(1)
  attempts!: number;

  /** When (ISO-8601). */
  @IsISO8601({ strict: true })
  failedAt!: string;
}
