import {
  ERROR_STATUS,
  isErrorCode,
  type DomainErrorPayload,
  type ErrorCode,
  type ValidationIssue,
} from '@ttkt/contracts';
import { RemoteFailure } from './rpc-reply.deserializer';

/** The code of an unexpected failure inside a service (not one of the domain's codes). */
export const INTERNAL_ERROR_CODE = 'internal-error';

/** What a failed RPC reports: one of the domain's codes or {@link INTERNAL_ERROR_CODE}. */
export type RpcErrorCode = ErrorCode | typeof INTERNAL_ERROR_CODE;

/** Where a failed request was going; every caller-side RPC error carries it. */
export interface RpcTarget {
  /** The answering service (e.g. `campaign`). */
  service: string;
  /** The message pattern (e.g. `campaign.draft-campaign`). */
  pattern: string;
}

/**
 * Base of every error a {@link CommandSender} rejects with. `code` is the problem type the gateway
 * answers with and `status` its HTTP status.
 */
export abstract class RpcError extends Error {
  /** The problem type. */
  abstract readonly code: RpcErrorCode;
  /** The HTTP status the gateway answers with. */
  abstract readonly status: number;

  protected constructor(
    message: string,
    /** The service and pattern the request was sent to. */
    readonly target: RpcTarget,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * No answer arrived within the caller's timeout (→ 504 `service-timeout`). The request was either
 * never started (it expired in the queue, or the server dropped it on seeing its deadline) or it was
 * started before its deadline and its outcome is unknown; a command is safe to retry because its
 * ids (and `Idempotency-Key`) make a repeat harmless.
 */
export class RpcTimeoutError extends RpcError {
  override readonly name = 'RpcTimeoutError';
  readonly code = 'service-timeout' as const;
  readonly status = ERROR_STATUS['service-timeout'];

  constructor(
    target: RpcTarget,
    /** How long the caller waited (ms). */
    readonly timeoutMs: number,
  ) {
    super(`${target.service} did not answer ${target.pattern} within ${timeoutMs} ms`, target);
  }
}

/**
 * The request could not be sent: the broker is unreachable, the connection was lost, or the sender
 * is closed (→ 503 `service-unavailable`). The request did not reach a queue.
 */
export class ServiceUnavailableError extends RpcError {
  override readonly name = 'ServiceUnavailableError';
  readonly code = 'service-unavailable' as const;
  readonly status = ERROR_STATUS['service-unavailable'];

  constructor(target: RpcTarget, reason: string, options?: { cause?: unknown }) {
    super(`cannot send ${target.pattern} to ${target.service}: ${reason}`, target, options);
  }
}

/** The service refused the command with a domain error (→ the code's 4xx status). */
export class RemoteDomainError extends RpcError {
  override readonly name = 'RemoteDomainError';
  readonly code: ErrorCode;
  readonly status: number;
  /** Values the message is built from. */
  readonly params?: DomainErrorPayload['params'];
  /** For `validation-failed`, the failing paths. */
  readonly errors?: ValidationIssue[];

  constructor(target: RpcTarget, payload: DomainErrorPayload) {
    super(`${target.service} refused ${target.pattern}: ${payload.code}`, target);
    this.code = payload.code;
    this.status = ERROR_STATUS[payload.code];
    if (payload.params !== undefined) this.params = payload.params;
    if (payload.errors !== undefined) this.errors = payload.errors;
  }

  /** The error as it travelled (code, params, errors). */
  toPayload(): DomainErrorPayload {
    return {
      code: this.code,
      ...(this.params !== undefined ? { params: this.params } : {}),
      ...(this.errors !== undefined ? { errors: this.errors } : {}),
    };
  }
}

/**
 * The handler failed unexpectedly, or the service has no handler for the pattern (→ 500). Carries
 * no stack or detail of the remote failure; the service logs it.
 */
export class RemoteInternalError extends RpcError {
  override readonly name = 'RemoteInternalError';
  readonly code = INTERNAL_ERROR_CODE;
  readonly status = 500;

  constructor(
    target: RpcTarget,
    /** The remote side's short message (e.g. `Internal server error`), for logs. */
    readonly remoteMessage: string,
  ) {
    super(`${target.service} failed on ${target.pattern}: ${remoteMessage}`, target);
  }
}

/** The wire form of a domain error: what {@link DomainRpcError.getError} returns. */
export interface DomainErrorWire extends DomainErrorPayload {
  status: 'error';
  kind: 'domain';
  message: string;
}

/** The wire form of "no handler for this pattern", sent by this library's servers. */
export interface NoHandlerWire {
  status: 'error';
  kind: 'no-handler';
  message: string;
}

/** The wire form of an unexpected failure (Nest's own form for unknown exceptions). */
export interface InternalErrorWire {
  status: 'error';
  message: string;
}

/** Nest's message when the remote side has no handler for a pattern (sent as a bare string). */
const NEST_NO_HANDLER_MESSAGE =
  'There is no matching message handler defined in the remote service.';

/**
 * Turns whatever a request failed with into one of the {@link RpcError}s: an error the server sent
 * back ({@link RemoteFailure}) becomes a {@link RemoteDomainError} or a {@link RemoteInternalError};
 * anything else was raised on the caller's side by the connection (Nest hands those over as
 * `Error`s, strings such as "Connection lost" or acm's `{ err, url }`) and becomes a
 * {@link ServiceUnavailableError}.
 */
export function toRpcError(error: unknown, target: RpcTarget): RpcError {
  if (error instanceof RpcError) return error;
  if (error instanceof RemoteFailure) return remoteError(error.error, target);
  const cause = isPlainObject(error) && error['err'] !== undefined ? error['err'] : error;
  const reason =
    cause instanceof Error
      ? cause.message
      : typeof cause === 'string'
        ? cause
        : 'connection failed';
  return new ServiceUnavailableError(target, reason, { cause });
}

function remoteError(error: unknown, target: RpcTarget): RpcError {
  if (error === NEST_NO_HANDLER_MESSAGE) return new RemoteInternalError(target, 'no handler');
  if (isPlainObject(error)) {
    if (error['kind'] === 'domain' && isErrorCode(error['code'])) {
      return new RemoteDomainError(target, domainPayloadOf(error['code'], error));
    }
    if (error['kind'] === 'no-handler') return new RemoteInternalError(target, 'no handler');
    const message = error['message'];
    return new RemoteInternalError(target, typeof message === 'string' ? message : 'remote error');
  }
  return new RemoteInternalError(target, typeof error === 'string' ? error : 'remote error');
}

function domainPayloadOf(code: ErrorCode, wire: Record<string, unknown>): DomainErrorPayload {
  const params = wire['params'];
  const errors = wire['errors'];
  return {
    code,
    ...(isPlainObject(params) ? { params: params as DomainErrorPayload['params'] } : {}),
    ...(Array.isArray(errors) ? { errors: errors.filter(isValidationIssue) } : {}),
  };
}

function isValidationIssue(value: unknown): value is ValidationIssue {
  return (
    isPlainObject(value) &&
    typeof value['path'] === 'string' &&
    typeof value['message'] === 'string'
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Error)
  );
}
