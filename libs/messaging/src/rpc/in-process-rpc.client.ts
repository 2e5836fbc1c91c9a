import { randomUUID } from 'node:crypto';
import {
  ClientProxy,
  type MsPattern,
  type ReadPacket,
  type WritePacket,
} from '@nestjs/microservices';
import type { InProcessRpcBroker } from './in-process-rpc.broker';
import { RpcReplyDeserializer } from './rpc-reply.deserializer';

/** A payload with the caller's deadline, as the {@link InProcessRpcClient} sends it. */
export class InProcessRpcRecord<TData = unknown> {
  constructor(
    /** The payload. */
    readonly data: TData,
    /** The caller's deadline (ms since the epoch). */
    readonly deadline: number,
  ) {}
}

/**
 * A Nest `ClientProxy` that sends requests to one service through an {@link InProcessRpcBroker}.
 * The payload is serialised to JSON when sent (so later changes by the caller do not leak) and the
 * reply parsed when it arrives, as over RabbitMQ. Events are not carried: publish them with the
 * `EventTransport`.
 */
export class InProcessRpcClient extends ClientProxy {
  constructor(
    private readonly broker: InProcessRpcBroker,
    private readonly service: string,
  ) {
    super();
  }

  private readonly replies = new RpcReplyDeserializer();

  /** Nothing to connect to; resolves at once. */
  connect(): Promise<void> {
    this._status$.next('connected');
    return Promise.resolve();
  }

  /** Nothing to close. */
  close(): void {
    this._status$.next('disconnected');
  }

  /** The broker it sends through. */
  unwrap<T>(): T {
    return this.broker as T;
  }

  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    let waiting = true;
    try {
      const record =
        packet.data instanceof InProcessRpcRecord ? (packet.data as InProcessRpcRecord) : undefined;
      const body = JSON.stringify(record !== undefined ? record.data : packet.data);
      this.broker.request(this.service, {
        id: randomUUID(),
        pattern: this.normalizePattern(packet.pattern as MsPattern),
        body,
        deadline: record?.deadline,
        reply: (text) => {
          if (waiting) callback(this.replies.deserialize(JSON.parse(text) as unknown));
        },
      });
    } catch (err: unknown) {
      callback({ err });
    }
    return () => {
      waiting = false;
    };
  }

  protected dispatchEvent(): Promise<never> {
    return Promise.reject(
      new Error('in-process RPC carries requests only; publish events with the EventTransport'),
    );
  }
}
