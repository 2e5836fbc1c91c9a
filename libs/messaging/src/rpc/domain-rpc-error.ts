import { RpcException } from '@nestjs/microservices';
import {
  ERROR_STATUS,
  type DomainError,
  type DomainErrorPayload,
  type ErrorCode,
} from '@ttkt/contracts';
import type { DomainErrorWire } from './rpc-errors';

/**
 * Thrown by a service's RPC handler to refuse a command with a domain error. It is a Nest
 * `RpcException`, so Nest's exception filter sends its payload as is; the caller's
 * {@link CommandSender} rejects with a {@link RemoteDomainError} carrying the same code, params and
 * errors.
 * @example
 * throw new DomainRpcError({ code: 'quota-exceeded', params: { max: 3, actual: 4 } });
 */
export class DomainRpcError extends RpcException {
  override readonly name = 'DomainRpcError';
  /** The domain error's code. */
  readonly code: ErrorCode;
  /** The code's HTTP status. */
  readonly status: number;

  constructor(
    /** The domain error as it travels. */
    readonly payload: DomainErrorPayload,
  ) {
    const wire: DomainErrorWire = {
      status: 'error',
      kind: 'domain',
      message: payload.code,
      code: payload.code,
      ...(payload.params !== undefined ? { params: payload.params } : {}),
      ...(payload.errors !== undefined ? { errors: payload.errors } : {}),
    };
    super(wire);
    this.code = payload.code;
    this.status = ERROR_STATUS[payload.code];
  }

  /** The RPC form of a pure {@link DomainError} (as `decide` functions throw it). */
  static from(error: DomainError): DomainRpcError {
    return new DomainRpcError(error.toPayload());
  }
}
