import { Server, type CustomTransportStrategy, type WritePacket } from '@nestjs/microservices';
import type { InProcessRpcBroker, InProcessRpcRequest } from './in-process-rpc.broker';
import { InProcessRpcContext } from './in-process-rpc.context';
import type { InternalErrorWire, NoHandlerWire } from './rpc-errors';
import { deadlinePassed } from './rpc-protocol';

/** Identifies the in-process RPC transport (`@MessagePattern(pattern, IN_PROCESS_RPC_TRANSPORT)`). */
export const IN_PROCESS_RPC_TRANSPORT = Symbol('IN_PROCESS_RPC');

/** What an {@link InProcessRpcServer} serves and where. */
export interface InProcessRpcServerOptions {
  /** The broker every service of the process shares. */
  broker: InProcessRpcBroker;
  /** The service whose requests it answers. */
  service: string;
  /** Requests it works on at once (default {@link DEFAULT_RPC_PREFETCH}). */
  prefetch: number;
}

/**
 * A Nest transport strategy that answers a service's `@MessagePattern` handlers from an
 * {@link InProcessRpcBroker}, with the RMQ server's behaviour: payloads and replies cross as JSON
 * (dates arrive as strings, class instances as plain objects), a request past its deadline is
 * dropped unanswered, an unknown pattern or a failing handler answers an error, and replies are
 * always asynchronous.
 */
export class InProcessRpcServer extends Server implements CustomTransportStrategy {
  override transportId = IN_PROCESS_RPC_TRANSPORT;
  private unregister: (() => void) | undefined;

  constructor(private readonly options: InProcessRpcServerOptions) {
    super();
  }

  /** Registers with the broker; called by Nest when the microservice starts. */
  listen(callback: (...optionalParams: unknown[]) => void): void {
    if (this.unregister === undefined) {
      this.unregister = this.options.broker.register(this.options.service, {
        prefetch: this.options.prefetch,
        deliver: (request, settle) => {
          this.handleRequest(request, settle);
        },
      });
      this._status$.next('connected');
    }
    callback();
  }

  /** Unregisters from the broker; requests being handled still get their replies. */
  close(): void {
    this.unregister?.();
    this.unregister = undefined;
    this._status$.next('disconnected');
  }

  /** Not supported: the in-process transport has no connection events. */
  on(): never {
    throw new Error('the in-process RPC server has no events to listen to');
  }

  /** The broker it serves from. */
  unwrap<T>(): T {
    return this.options.broker as T;
  }

  private handleRequest(request: InProcessRpcRequest, settle: () => void): void {
    if (deadlinePassed(request.deadline)) {
      settle();
      this.logger.warn(`dropped an RPC request to ${this.options.service}: its caller gave up`);
      return;
    }
    const context = new InProcessRpcContext([request.pattern, request.deadline]);
    const respond = (response: WritePacket): void => {
      const final = response.isDisposed === true || response.err !== undefined;
      if (final) this.onProcessingEndHook?.(this.transportId, context);
      const text = serializeReply(response, (error) => {
        this.logger.error(
          `an RPC reply of ${this.options.service} is not serialisable: ${String(error)}`,
        );
      });
      setImmediate(() => request.reply(text));
      if (final) settle();
    };

    const handler = this.getHandlerByPattern(request.pattern);
    if (!handler) {
      this.logger.warn(`no RPC handler for ${request.pattern} in ${this.options.service}`);
      const err: NoHandlerWire = {
        status: 'error',
        kind: 'no-handler',
        message: `no handler for ${request.pattern}`,
      };
      respond({ err, isDisposed: true });
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(request.body) as unknown;
    } catch {
      data = request.body;
    }
    this.onProcessingStartHook(this.transportId, context, async () => {
      try {
        const response$ = this.transformToObservable(await handler(data, context));
        this.send(response$, respond);
      } catch (error: unknown) {
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        respond({ err: internalError(), isDisposed: true });
      }
    });
  }
}

function internalError(): InternalErrorWire {
  return { status: 'error', message: 'Internal server error' };
}

function serializeReply(response: WritePacket, onError: (error: unknown) => void): string {
  try {
    return JSON.stringify(response);
  } catch (error: unknown) {
    onError(error);
    return JSON.stringify({ err: internalError(), isDisposed: true });
  }
}
