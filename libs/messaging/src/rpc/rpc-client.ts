import { Logger } from '@nestjs/common';
import { ClientRMQ, RmqRecord, type ClientProxy } from '@nestjs/microservices';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { withChannelErrorsLogged } from './channel-errors';
import { lastValueFrom, throwError } from 'rxjs';
import { catchError, timeout } from 'rxjs/operators';
import { InProcessRpcClient, InProcessRpcRecord } from './in-process-rpc.client';
import type { RpcClientConfig } from './rpc-config';
import { RpcTimeoutError, ServiceUnavailableError, toRpcError, type RpcTarget } from './rpc-errors';
import { RpcReplyDeserializer } from './rpc-reply.deserializer';
import {
  DEFAULT_RPC_TIMEOUT_MS,
  RPC_DEADLINE_HEADER,
  RPC_QUEUE_OPTIONS,
  rpcQueueName,
} from './rpc-protocol';

/** Per-request options of {@link CommandSender.send}. */
export interface RpcSendOptions {
  /** How long to wait for the answer (ms, default {@link DEFAULT_RPC_TIMEOUT_MS}). */
  timeoutMs?: number;
}

/**
 * Sends commands (and queries) to services and waits for their answers. Rejects only with an
 * {@link RpcError}: {@link RpcTimeoutError} (504), {@link ServiceUnavailableError} (503),
 * {@link RemoteDomainError} (the code's 4xx) or {@link RemoteInternalError} (500); a payload that
 * cannot be sent (`null`, `undefined`, not JSON-serialisable) is a `TypeError`.
 */
export interface CommandSender {
  /**
   * Sends `payload` with `pattern` to `service` and resolves with the handler's answer.
   * @param service - the answering service (names its queue), e.g. `campaign`.
   * @param pattern - the handler's `@MessagePattern`, e.g. `campaign.draft-campaign`.
   * @param payload - a JSON-serialisable value (dates arrive as strings).
   */
  send<TResult>(
    service: string,
    pattern: string,
    payload: unknown,
    options?: RpcSendOptions,
  ): Promise<TResult>;
  /** Closes the connections; later sends reject with {@link ServiceUnavailableError}. */
  close(): Promise<void>;
}

/**
 * The {@link CommandSender} for RabbitMQ or the in-process broker.
 *
 * RabbitMQ: one `ClientRMQ` per target service (created on first use, then reused) publishing
 * persistent messages to `<prefix>.<service>.rpc`, replies over direct reply-to. Each request
 * carries `expiration` = its timeout (RabbitMQ drops it if it waits in the queue longer) and the
 * {@link RPC_DEADLINE_HEADER} (the server drops it if it is delivered after the deadline), so a
 * request that timed out for its caller is never run late.
 * In-process: an {@link InProcessRpcClient} per target service with the same rules.
 */
export function createRpcClient(config: RpcClientConfig): CommandSender {
  switch (config.kind) {
    case 'rmq':
      return new ClientProxyCommandSender({
        proxyFor: (service) =>
          new SafeClientRMQ({
            urls: [config.url],
            queue: rpcQueueName(config.prefix, service),
            // The same arguments as the server's declaration, or the broker refuses it (406).
            queueOptions: { ...RPC_QUEUE_OPTIONS },
            persistent: true,
            deserializer: new RpcReplyDeserializer(),
            // `noAck` stays true: it is the reply consumer's, and direct reply-to requires it.
            socketOptions: {
              heartbeatIntervalInSeconds: 10,
              reconnectTimeInSeconds: 1,
              connectionOptions: { clientProperties: { connection_name: `rpc-client:${service}` } },
            },
          }),
        record: (payload, deadline) =>
          new RmqRecord(payload, {
            expiration: String(Math.max(1, deadline - Date.now())),
            headers: { [RPC_DEADLINE_HEADER]: String(deadline) },
          }),
      });
    case 'in-process':
      return new ClientProxyCommandSender({
        proxyFor: (service) => new InProcessRpcClient(config.broker, service),
        record: (payload, deadline) => new InProcessRpcRecord(payload, deadline),
      });
  }
}

/** What the sender needs of a Nest `ClientProxy`. */
type RpcProxy = Pick<ClientProxy, 'send' | 'close'>;

interface ProxyTransport {
  proxyFor(service: string): RpcProxy;
  record(payload: unknown, deadline: number): unknown;
}

class ClientProxyCommandSender implements CommandSender {
  private readonly proxies = new Map<string, RpcProxy>();
  private closed = false;

  constructor(private readonly transport: ProxyTransport) {}

  async send<TResult>(
    service: string,
    pattern: string,
    payload: unknown,
    options: RpcSendOptions = {},
  ): Promise<TResult> {
    const target: RpcTarget = { service, pattern };
    const timeoutMs = options.timeoutMs ?? DEFAULT_RPC_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs < 1) {
      throw new RangeError(`timeoutMs must be a positive number, got ${timeoutMs}`);
    }
    assertSendable(payload, target);
    if (this.closed) throw new ServiceUnavailableError(target, 'the command sender is closed');

    const deadline = Date.now() + timeoutMs;
    const answer$ = this.proxyFor(service)
      .send<TResult>(pattern, this.transport.record(payload, deadline))
      .pipe(
        timeout({
          first: timeoutMs,
          with: () => throwError(() => new RpcTimeoutError(target, timeoutMs)),
        }),
        catchError((error: unknown) => throwError(() => toRpcError(error, target))),
      );
    return lastValueFrom(answer$, { defaultValue: undefined as TResult });
  }

  async close(): Promise<void> {
    this.closed = true;
    const proxies = [...this.proxies.values()];
    this.proxies.clear();
    await Promise.allSettled(
      proxies.map(async (proxy) => {
        await (proxy.close() as unknown);
      }),
    );
  }

  private proxyFor(service: string): RpcProxy {
    let proxy = this.proxies.get(service);
    if (proxy === undefined) {
      proxy = this.transport.proxyFor(service);
      this.proxies.set(service, proxy);
    }
    return proxy;
  }
}

function assertSendable(payload: unknown, target: RpcTarget): void {
  if (payload === null || payload === undefined) {
    throw new TypeError(`the payload of ${target.pattern} must not be ${String(payload)}`);
  }
  try {
    JSON.stringify(payload);
  } catch (error: unknown) {
    throw new TypeError(
      `the payload of ${target.pattern} is not JSON-serialisable: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
}

const rpcChannelLogger = new Logger('rpc-client');

/** Nest's RMQ client, with an `error` listener on every channel (see withChannelErrorsLogged). */
class SafeClientRMQ extends ClientRMQ {
  override createClient(): AmqpConnectionManager {
    return withChannelErrorsLogged(super.createClient() as AmqpConnectionManager, rpcChannelLogger);
  }
}
