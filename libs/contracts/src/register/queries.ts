import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import type { RegisterDocumentKindV1 } from './register-requester';

/** RPC pattern of {@link GetRegisterQuery}, answered by `document`. */
export const GET_REGISTER = 'document.get-register';

/** Read an agency's register of numbers for one calendar year. */
export class GetRegisterQuery {
  /** The caller's tenant; another tenant's register reads as empty. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The issuing agency. */
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  /** The calendar year (1900 to 2999). */
  @IsInt()
  @Min(1900)
  @Max(2999)
  year!: number;
}

/** One number of a register: assigned, voided (never issued) or revoked (issued, then revoked). */
export interface RegisterEntryView {
  /** The number alone (số). */
  number: number;
  /** As printed after "Số:", `27/KH-SKHCN`. */
  formatted: string;
  /** The symbol (ký hiệu), `KH-SKHCN`. */
  symbol: string;
  /** `KH`, `QĐ` or `TTr`. */
  documentKind: RegisterDocumentKindV1;
  /**
   * `voided` numbers keep their line, with the reason, and are never given again; so do `revoked`
   * ones (a decision issued under the number, then revoked).
   */
  status: 'assigned' | 'voided' | 'revoked';
  /** The document's issue date (`YYYY-MM-DD`). */
  issuedOn: string;
  /** Who asked for the number. */
  requestedBy: { kind: string; id: string };
  /** The requester's id for the request. */
  requestId: string;
  /** When the number was given (ISO-8601, UTC). */
  assignedAt: string;
  /** Why it was voided; null unless voided. */
  voidReason: string | null;
  /** When it was voided (ISO-8601, UTC); null unless voided. */
  voidedAt: string | null;
  /** Why it was revoked, `Thu hồi: <reason>`; null unless revoked. */
  revokedReason: string | null;
  /** When the register marked it revoked (ISO-8601, UTC); null unless revoked. */
  revokedAt: string | null;
}

/** An agency's register for one year, entries sorted by number (a year with none: `entries: []`). */
export interface RegisterView {
  /** The issuing agency. */
  agencyId: string;
  /** The calendar year. */
  year: number;
  /** Every number given this year, in order. */
  entries: RegisterEntryView[];
}
