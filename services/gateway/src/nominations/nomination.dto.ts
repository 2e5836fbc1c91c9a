import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOMINATION_LIMITS, NOMINATION_STATUSES, type NominationStatus } from '@ttkt/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
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
  ValidateNested,
} from 'class-validator';

/** An award form's or a document type's code in the plan (`GIAY_KHEN_GD_SO`, `OTHER`). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
/** A command's `position` (`nomination:123.4`). */
const POSITION = /^[a-z][a-z0-9-]*:[0-9]+\.[0-9]+$/;

/** NFC of a string value (anything else as it is, for the validators to refuse). */
const nfc = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.normalize('NFC') : value;

/** `{id}` of a route. */
export class NominationIdParams {
  @IsUUID()
  id!: string;
}

/** `{id}` and `{documentId}`. */
export class NominationDocumentParams {
  @IsUUID()
  id!: string;

  @IsUUID()
  documentId!: string;
}

/**
 * `?minPosition=`: a command's `position`. The nomination service writes its read rows in the
 * command's transaction, so a position of its own is reached once its command answered; the
 * gateway checks the token's form and reads at once.
 */
export class NominationReadQueryDto {
  @ApiPropertyOptional({ example: 'nomination:1234.1' })
  @IsOptional()
  @Matches(POSITION)
  minPosition?: string;
}

/** The nominee: a person (individual) or a unit (collective). */
export class NomineeDto {
  @ApiProperty({ enum: ['individual', 'collective'] })
  @IsIn(['individual', 'collective'])
  kind!: 'individual' | 'collective';

  /** The person, for `individual` (and only then). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  /** The unit, for `collective` (and only then). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

/** The self-assessment against one criterion of the plan. */
export class NominationCriterionDto {
  @ApiProperty({ example: 'Hoàn thành xuất sắc các nhiệm vụ chuyên môn trong thời gian thi đua' })
  @Transform(nfc)
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.criterion)
  criterion!: string;

  @ApiProperty()
  @IsBoolean()
  met!: boolean;

  @ApiPropertyOptional({ example: 'Báo cáo tổng kết năm 2020' })
  @IsOptional()
  @Transform(nfc)
  @IsString()
  @MaxLength(NOMINATION_LIMITS.evidence)
  evidence?: string;
}

/** `POST /campaigns/{id}/nominations`: a draft dossier. */
export class CreateNominationDto {
  @ApiProperty({ example: 'GIAY_KHEN_GD_SO' })
  @IsString()
  @Matches(CODE)
  awardFormCode!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  nominatingUnitId!: string;

  @ApiProperty({ type: NomineeDto })
  @ValidateNested()
  @Type(() => NomineeDto)
  nominee!: NomineeDto;

  @ApiProperty({ example: 'Hoàn thành xuất sắc nhiệm vụ; tham gia tích cực công tác bầu cử.' })
  @Transform(nfc)
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.achievementSummary)
  achievementSummary!: string;

  @ApiProperty({ type: [NominationCriterionDto] })
  @ArrayMaxSize(NOMINATION_LIMITS.criteria)
  @ValidateNested({ each: true })
  @Type(() => NominationCriterionDto)
  criteria!: NominationCriterionDto[];
}

/** The text fields of `POST /nominations/{id}/documents` (the `file` part is streamed). */
export class AttachDocumentDto {
  /** One of the award form's unit-stage document codes, or `OTHER`. */
  @ApiProperty({ example: 'BAO_CAO_THANH_TICH' })
  @IsString()
  @Matches(CODE)
  documentTypeCode!: string;
}

/** The multipart body of `POST /nominations/{id}/documents`, for OpenAPI. */
export class AttachDocumentFormDto extends AttachDocumentDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'PDF, DOCX, DOC, XLSX, XLS, ODT, JPEG or PNG',
  })
  file!: unknown;
}

/** `POST /nominations/{id}/submit`: no fields. */
export class SubmitNominationDto {}

/** `POST /nominations/{id}/withdraw`. */
export class WithdrawNominationDto {
  @ApiPropertyOptional({ example: 'Đơn vị rút hồ sơ để bổ sung thành tích năm sau' })
  @IsOptional()
  @Transform(nfc)
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOMINATION_LIMITS.reason)
  reason?: string;
}

/** `GET /campaigns/{id}/nominations?status=&unitId=&awardFormCode=&limit=&cursor=`. */
export class ListNominationsQueryDto extends NominationReadQueryDto {
  @ApiPropertyOptional({ enum: NOMINATION_STATUSES })
  @IsOptional()
  @IsIn(NOMINATION_STATUSES)
  status?: NominationStatus;

  /** The nominating unit. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ example: 'GIAY_KHEN_GD_SO' })
  @IsOptional()
  @IsString()
  @Matches(CODE)
  awardFormCode?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  cursor?: string;
}

/**
 * The issues of a nominee of the wrong shape: `individual` takes `personId` only, `collective`
 * `unitId` only (`400 validation-failed` at those paths).
 */
export function nomineeIssues(nominee: NomineeDto): { path: string; message: string }[] {
  if (nominee.kind === 'individual') {
    return [
      ...(nominee.personId === undefined
        ? [{ path: 'nominee.personId', message: 'isDefined' }]
        : []),
      ...(nominee.unitId === undefined
        ? []
        : [{ path: 'nominee.unitId', message: 'whitelistValidation' }]),
    ];
  }
  return [
    ...(nominee.unitId === undefined ? [{ path: 'nominee.unitId', message: 'isDefined' }] : []),
    ...(nominee.personId === undefined
      ? []
      : [{ path: 'nominee.personId', message: 'whitelistValidation' }]),
  ];
}
