import { IsNotEmpty, IsString } from 'class-validator';

/** Who asked the register for a number: the register shows who holds each one. */
export class RegisterRequesterV1 {
  /** What asked: `campaign` (its plan), `decision`, `proposal`, or a `user` recording a paper number. */
  @IsString()
  @IsNotEmpty()
  kind!: string;

  /** The requester's id (for `campaign`, the campaign's id). */
  @IsString()
  @IsNotEmpty()
  id!: string;
}

/** The numbered kinds of document: KH (plan), QĐ (decision, Đ = U+0110), TTr (proposal letter). */
export const REGISTER_DOCUMENT_KINDS = ['KH', 'QĐ', 'TTr'] as const;

/** One of {@link REGISTER_DOCUMENT_KINDS}. */
export type RegisterDocumentKindV1 = (typeof REGISTER_DOCUMENT_KINDS)[number];
