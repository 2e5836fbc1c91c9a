import { IsInt, IsISO8601, IsNotEmpty, IsString, Max, Min } from 'class-validator';

/** Routing key of {@link RegisterNumberVoidedV1}. */
export const REGISTER_NUMBER_VOIDED_V1 = 'register.number-voided.v1';

/**
 * A number was voided: its document was not issued (the saga's compensation, e.g. an issue
 * cancelled before the number arrived). It stays in the register with the reason and is never
 * given again. Published by `document`.
 */
export class RegisterNumberVoidedV1 {
  /** The issuing agency whose register holds the number. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The register's calendar year. */
  @IsInt()
  @Min(1900)
  @Max(2999)
  year!: number;

  /** The voided number. */
  @IsInt()
  @Min(1)
  number!: number;

  /** The request that held the number (its `requestId` when it was assigned). */
  @IsString()
  @IsNotEmpty()
  requestId!: string;

  /** Why the number was not used, shown in the register beside it (NFC). */
  @IsString()
  @IsNotEmpty()
  reason!: string;

  /** When it was voided (ISO-8601, UTC). */
  @IsISO8601({ strict: true })
  voidedAt!: string;
}
