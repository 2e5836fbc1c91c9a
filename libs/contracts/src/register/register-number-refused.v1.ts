import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RegisterRequesterV1 } from './register-requester';

/** Routing key of {@link RegisterNumberRefusedV1}. */
export const REGISTER_NUMBER_REFUSED_V1 = 'register.number-refused.v1';

/** Why the register can refuse a request for a number. */
export const REGISTER_REFUSAL_CODES = ['register-number-taken', 'validation-failed'] as const;

/** One of {@link REGISTER_REFUSAL_CODES}. */
export type RegisterRefusalCode = (typeof REGISTER_REFUSAL_CODES)[number];

/** A failing field of a refused request, as in a `validation-failed` problem. */
export class RegisterRefusalIssueV1 {
  /** The request's field: `issuedOn`, `requestedNumber`, `agencyCode`. */
  @IsString()
  @IsNotEmpty()
  path!: string;

  /** The message key (`isDateString`, `notInRegisterYear`, `min`, `isInt`, `isNotEmpty`). */
  @IsString()
  @IsNotEmpty()
  message!: string;
}

/**
 * The register refused a request: the requested number was already used (assigned or voided
 * numbers are never given again), or the request was malformed. The register is unchanged.
 * Published by `document`; the requester (the campaign's saga) ends its issue attempt with it.
 */
export class RegisterNumberRefusedV1 {
  /** The issuing agency whose register refused. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The register's calendar year: the year of the request's `issuedOn`. */
  @IsInt()
  @Min(1900)
  @Max(2999)
  year!: number;

  /** The requester's own id for this request: match the answer on it. */
  @IsString()
  @IsNotEmpty()
  requestId!: string;

  /** Who asked. */
  @ValidateNested()
  @Type(() => RegisterRequesterV1)
  requestedBy!: RegisterRequesterV1;

  /** The number asked for (a number given on paper), or null when the next one was asked for. */
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  requestedNumber!: number | null;

  /** `register-number-taken` (params `{ number }`) or `validation-failed` (see `errors`). */
  @IsIn(REGISTER_REFUSAL_CODES)
  code!: RegisterRefusalCode;

  /** Values the message is built from, e.g. `{ number: 27 }`. */
  @IsObject()
  params!: Record<string, string | number | boolean | null>;

  /** For `validation-failed`, the failing fields. */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RegisterRefusalIssueV1)
  errors?: RegisterRefusalIssueV1[];

  /** When the register refused (ISO-8601, UTC). */
  @IsISO8601({ strict: true })
  refusedAt!: string;
}
