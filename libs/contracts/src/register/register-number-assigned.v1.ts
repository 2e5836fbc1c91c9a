import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  REGISTER_DOCUMENT_KINDS,
  RegisterRequesterV1,
  type RegisterDocumentKindV1,
} from './register-requester';

/** Routing key of {@link RegisterNumberAssignedV1}. */
export const REGISTER_NUMBER_ASSIGNED_V1 = 'register.number-assigned.v1';

/**
 * The register (sổ đăng ký văn bản đi) gave a number to a document about to be issued. Published
 * by `document`; the requester (the campaign's issuance saga) completes the issue with it. A
 * request that already holds a number gets no second one and no second event.
 */
export class RegisterNumberAssignedV1 {
  /** The issuing agency whose register gave the number. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The register's calendar year: the year of `issuedOn`. */
  @IsInt()
  @Min(1900)
  @Max(2999)
  year!: number;

  /** The number alone (số), from 1 each calendar year. */
  @IsInt()
  @Min(1)
  number!: number;

  /** As printed after "Số:", zero-padded below 10: `01/KH-SKHCN`, `27/KH-SKHCN` (NFC). */
  @IsString()
  @IsNotEmpty()
  formatted!: string;

  /** The symbol (ký hiệu): the document kind and the agency's code, `KH-SKHCN` (NFC). */
  @IsString()
  @IsNotEmpty()
  symbol!: string;

  /** The agency's code on the issue date, as used in the symbol (`SKHCN`). */
  @IsString()
  @IsNotEmpty()
  agencyCode!: string;

  /** The kind of document numbered: `KH`, `QĐ` or `TTr`. */
  @IsIn(REGISTER_DOCUMENT_KINDS)
  documentKind!: RegisterDocumentKindV1;

  /** The requester's own id for this request (the campaign's `requestId`): match the answer on it. */
  @IsString()
  @IsNotEmpty()
  requestId!: string;

  /** Who asked (`{ kind: 'campaign', id: campaignId }` for a plan). */
  @ValidateNested()
  @Type(() => RegisterRequesterV1)
  requestedBy!: RegisterRequesterV1;

  /** The document's local calendar date (`YYYY-MM-DD`, Asia/Ho_Chi_Minh). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  issuedOn!: string;

  /** The instant of the assignment (ISO-8601, UTC). */
  @IsISO8601({ strict: true })
  assignedAt!: string;
}
