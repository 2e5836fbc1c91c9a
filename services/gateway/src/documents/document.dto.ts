import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_LIST_MAX_LIMIT,
  GENERATED_DOCUMENT_FORMATS,
  GENERATED_DOCUMENT_KINDS,
  GENERATED_DOCUMENT_STATUSES,
  type GeneratedDocumentFormat,
  type GeneratedDocumentKind,
  type GeneratedDocumentStatus,
} from '@ttkt/contracts';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** A command's `position` (`document:123.4`). */
const POSITION = /^[a-z][a-z0-9-]*:[0-9]+\.[0-9]+$/;

/** `{id}` of `/documents/{id}` and of `/campaigns/{id}/documents`. */
export class DocumentIdParams {
  @IsUUID()
  id!: string;
}

/**
 * `?minPosition=` of a document read: accepted for uniformity (API.md, Conventions); the document
 * service answers from its read table at once.
 */
export class DocumentReadQueryDto {
  @ApiPropertyOptional({ example: 'document:1234.1' })
  @IsOptional()
  @Matches(POSITION)
  minPosition?: string;
}

/** `GET /documents/{id}/content?format=`: default `pdf` when the document has one, else its first file. */
export class DocumentContentQueryDto extends DocumentReadQueryDto {
  @ApiPropertyOptional({ enum: GENERATED_DOCUMENT_FORMATS })
  @IsOptional()
  @IsIn(GENERATED_DOCUMENT_FORMATS)
  format?: GeneratedDocumentFormat;
}

/** `GET /campaigns/{id}/documents?kind=&status=&limit=&cursor=`. */
export class CampaignDocumentsQueryDto extends DocumentReadQueryDto {
  @ApiPropertyOptional({ enum: GENERATED_DOCUMENT_KINDS })
  @IsOptional()
  @IsIn(GENERATED_DOCUMENT_KINDS)
  kind?: GeneratedDocumentKind;

  @ApiPropertyOptional({ enum: GENERATED_DOCUMENT_STATUSES })
  @IsOptional()
  @IsIn(GENERATED_DOCUMENT_STATUSES)
  status?: GeneratedDocumentStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: DOCUMENT_LIST_MAX_LIMIT, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(DOCUMENT_LIST_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  cursor?: string;
}
