import { ERROR_STATUS, type ErrorCode, type ValidationIssue } from '@ttkt/contracts';

/** A problem to answer with: its code (the problem's `type`), failing paths, extra headers. */
export class ProblemException extends Error {
  override readonly name = 'ProblemException';

  constructor(
    readonly code: ErrorCode,
    readonly errors: ValidationIssue[] = [],
    readonly headers: Record<string, string> = {},
    readonly params: Record<string, string | number | boolean | null> = {},
  ) {
    super(code);
  }

  /** The HTTP status of the code. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
