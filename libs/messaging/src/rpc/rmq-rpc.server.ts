import { Logger } from '@nestjs/common';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { withChannelErrorsLogged } from './channel-errors';
import {
  RmqContext,
  ServerRMQ,
  type IncomingRequest,
  type OutgoingResponse,
  type RmqOptions,
  type WritePacket,
} from '@nestjs/microservices';
import type { Channel, ConsumeMessage, Options } from 'amqplib';
import type { InternalErrorWire, NoHandlerWire } from './rpc-errors';
import { deadlinePassed, readDeadlineHeader } from './rpc-protocol';

/** The options of an {@link RmqRpcServer} (those of Nest's RMQ transport). */
export type RmqRpcServerOptions = Required<RmqOptions>['options'];

/**
 * Nest's RMQ server, made safe for command RPC:
 * - every request is settled exactly once: acknowledged after its reply is published (or when it
 *   is dropped), so with `noAck: false` it never occupies a prefetch slot for ever (Nest's own
 *   server never acknowledges requests);
 * - a request whose caller's deadline ({@link RPC_DEADLINE_HEADER}) has passed is acknowledged
 *   and dropped without running its handler, and without answering: the caller has already
 *   given up;
 * - a reply that cannot be serialised becomes an internal error instead of an unhandled rejection.
 *
 * If the process dies before the reply, the request is redelivered (to another instance) and runs
 * again only if its deadline has not passed; command handlers are idempotent by their ids.
 * Handlers must not acknowledge the message themselves.
 */
const rpcChannelLogger = new Logger('rpc-server');

export class RmqRpcServer extends ServerRMQ {
  constructor(options: RmqRpcServerOptions) {
    super({ ...options, noAck: false });
  }

  /** Nest's connection manager, with an `error` listener on every channel it creates. */
  override createClient<T = AmqpConnectionManager>(): T {
    return withChannelErrorsLogged(
      super.createClient<AmqpConnectionManager>(),
      rpcChannelLogger,
    ) as T;
  }

  /** Handles one delivery from the RPC queue (called by Nest's consumer). */
  override async handleMessage(delivery: object | null, rawChannel: unknown): Promise<void> {
    if (delivery === null) return;
    const message = delivery as ConsumeMessage;
    const channel = rawChannel as Channel;
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      try {
        channel.ack(message);
      } catch (error: unknown) {
        // The channel closed (connection lost): the broker requeues the request by itself.
        this.logger.warn(`could not acknowledge an RPC request: ${String(error)}`);
      }
    };

    const { replyTo, correlationId } = message.properties as {
      replyTo?: string;
      correlationId?: string;
    };
    const deadline = readDeadlineHeader(message.properties.headers);
    if (deadlinePassed(deadline)) {
      settle();
      this.logger.warn(
        `dropped an RPC request to ${this.queue}: its caller gave up ${Date.now() - (deadline ?? 0)} ms ago`,
      );
      return;
    }

    let packet: IncomingRequest;
    try {
      packet = (await this.deserializer.deserialize(
        parseJson(message.content),
        message.properties,
      )) as IncomingRequest;
    } catch (error: unknown) {
      settle();
      this.logger.error(`dropped an unreadable RPC request to ${this.queue}: ${String(error)}`);
      return;
    }
    if (packet.id === undefined) {
      settle();
      this.logger.warn(
        `dropped an event sent to the RPC queue ${this.queue}; events go through the EventTransport`,
      );
      return;
    }

    const pattern = this.getPatternAsString(packet.pattern);
    const context = new RmqContext([message, channel, pattern]);
    const respond = (response: WritePacket): void => {
      const final = response.isDisposed === true || response.err !== undefined;
      this.reply(channel, response, replyTo, correlationId, context, final);
      if (final) settle();
    };

    const handler = this.getHandlerByPattern(pattern);
    if (!handler) {
      this.logger.warn(`no RPC handler for ${pattern} on ${this.queue}`);
      const err: NoHandlerWire = {
        status: 'error',
        kind: 'no-handler',
        message: `no handler for ${pattern}`,
      };
      respond({ err, isDisposed: true });
      return;
    }

    this.onProcessingStartHook(this.transportId ?? 'rmq-rpc', context, async () => {
      try {
        const response$ = this.transformToObservable(await handler(packet.data, context));
        this.send(response$, respond);
      } catch (error: unknown) {
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        respond({ err: internalError(), isDisposed: true });
      }
    });
  }

  private reply(
    channel: Channel,
    response: WritePacket,
    replyTo: string | undefined,
    correlationId: string | undefined,
    context: RmqContext,
    final: boolean,
  ): void {
    if (final) this.onProcessingEndHook?.(this.transportId ?? 'rmq-rpc', context);
    if (replyTo === undefined || replyTo === '') return;
    const serialized = this.serializer.serialize(response as OutgoingResponse) as WritePacket & {
      options?: Options.Publish;
    };
    const { options, ...body } = serialized;
    let content: Buffer;
    try {
      content = Buffer.from(JSON.stringify(body));
    } catch (error: unknown) {
      this.logger.error(`an RPC reply on ${this.queue} is not serialisable: ${String(error)}`);
      content = Buffer.from(JSON.stringify({ err: internalError(), isDisposed: true }));
    }
    try {
      channel.sendToQueue(replyTo, content, { ...options, correlationId });
    } catch (error: unknown) {
      // The channel closed: the caller's connection is the one that matters, and it times out.
      this.logger.warn(`could not send an RPC reply: ${String(error)}`);
    }
  }
}

function internalError(): InternalErrorWire {
  return { status: 'error', message: 'Internal server error' };
}

function parseJson(content: Buffer): unknown {
  const text = content.toString();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
