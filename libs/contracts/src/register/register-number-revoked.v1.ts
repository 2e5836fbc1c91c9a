import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsNotEmpty, IsString, Max, Min, ValidateNested } from 'class-validator';
import { RegisterRequesterV1 } from './register-requester';

/** Routing key of {@link RegisterNumberRevokedV1}. */
export const REGISTER_NUMBER_REVOKED_V1 = 'register.number-revoked.v1';

/**
 * The reason a register shows beside the number of a revoked decision, built from the
 * agency-head's own reason: `Thu hồi: <reason>`.
 */
export function numberRevokedReason(reason: string): string {
  return `Thu hồi: ${reason}`;
}

/**
 * An issued document's number was revoked (the decision it numbers was revoked, on
 * `review.decision-revoked.v1`). Unlike a voided number, its document was issued: it keeps its line
 * in the register, marked revoked with the reason, and is never given again. Published by
 * `document`.
 */
export class RegisterNumberRevokedV1 {
  /** The issuing agency whose register holds the number. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The register's calendar year. */
  @IsInt()
  @Min(1900)
  @Max(2999)
  year!: number;

  /** The revoked number. */
  @IsInt()
  @Min(1)
  number!: number;

  /** As printed after "Số:", `28/QĐ-SKHCN` (NFC). */
  @IsString()
  @IsNotEmpty()
  formatted!: string;

  /** The request that was given the number (its `requestId` when it was assigned). */
  @IsString()
  @IsNotEmpty()
  requestId!: string;

  /** Who held the number (`{ kind: 'decision', id: decisionId }`). */
  @ValidateNested()
  @Type(() => RegisterRequesterV1)
  requestedBy!: RegisterRequesterV1;

  /** As shown in the register beside the number: `Thu hồi: <reason>` (NFC). */
  @IsString()
  @IsNotEmpty()
  reason!: string;

  /** When the register marked it revoked (ISO-8601, UTC). */
  @IsISO8601({ strict: true })
  revokedAt!: string;
}
