/**
 * Stable error codes. Services raise domain errors with one of these; they travel over RPC as
 * `{ code, params }`, and the gateway turns them into `application/problem+json` with `type` = code.
 */
export const ERROR_STATUS = {
  'validation-failed': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'invalid-state': 409,
  'version-conflict': 409,
  'duplicate-nomination': 409,
  'register-number-taken': 409,
  'already-decided': 409,
  'session-closed': 409,
  'idempotency-key-in-use': 409,
  'precondition-failed': 412,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'idempotency-key-reused': 422,
  'deadline-passed': 422,
  'missing-documents': 422,
  'nominee-not-eligible': 422,
  'nominee-on-hold': 422,
  'quota-exceeded': 422,
  'quorum-not-met': 422,
  'not-a-council-member': 422,
  'tie-unresolved': 422,
  'not-recommended': 422,
  'campaign-not-open': 422,
  'unknown-award-form': 422,
  'unsafe-archive': 422,
  'rate-limited': 429,
  'service-unavailable': 503,
  'position-not-reached': 503,
  'service-timeout': 504,
} as const;

/** One of the stable error codes. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** A validation failure at one path of a request (`awardForms[0].quota.max`). */
export interface ValidationIssue {
  /** Dotted path with array indexes, from the body's root. */
  path: string;
  /** The message key or text (the gateway translates known keys). */
  message: string;
}

/** A domain error as it travels between services: code, parameters for the message, issues. */
export interface DomainErrorPayload {
  /** The stable code. */
  code: ErrorCode;
  /** Values the message is built from (e.g. `{ expected: 3, actual: 4 }`). */
  params?: Record<string, string | number | boolean | null>;
  /** For `validation-failed`, the failing paths. */
  errors?: ValidationIssue[];
}

/** True when `value` is a known error code. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, value);
}

/**
 * A rule of the domain refused a command. Thrown by pure `decide` functions; the service's RPC
 * layer sends it as a {@link DomainErrorPayload}, the gateway answers with the code's HTTP status.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    /** The stable code (the problem's `type`). */
    readonly code: ErrorCode,
    /** Values the message is built from. */
    readonly params: Record<string, string | number | boolean | null> = {},
    /** For `validation-failed`, the failing paths. */
    readonly errors: ValidationIssue[] = [],
  ) {
    super(code);
  }

  /** The form it travels in. */
  toPayload(): DomainErrorPayload {
    return {
      code: this.code,
      ...(Object.keys(this.params).length > 0 ? { params: this.params } : {}),
      ...(this.errors.length > 0 ? { errors: this.errors } : {}),
    };
  }
}
