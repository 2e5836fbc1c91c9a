import { deadlinePassed } from './rpc-protocol';

/** A request as the in-process broker carries it: serialised, like a message on a queue. */
export interface InProcessRpcRequest {
  /** The request's id (the correlation id). */
  readonly id: string;
  /** The message pattern (e.g. `campaign.draft-campaign`). */
  readonly pattern: string;
  /** The payload as JSON text, so no object is shared between caller and service. */
  readonly body: string;
  /** The caller's deadline (ms since the epoch); the request is dropped, never run, after it. */
  readonly deadline: number | undefined;
  /** Delivers one reply packet (as JSON text) to the caller. */
  reply(packet: string): void;
}

/** One RPC server registered for a service: how many requests it takes at once, and how. */
export interface InProcessRpcConsumer {
  /** Requests it works on at once (like an AMQP prefetch). */
  readonly prefetch: number;
  /** Hands it a request; it calls `settle` once it is done with it (replied or dropped). */
  deliver(request: InProcessRpcRequest, settle: () => void): void;
}

interface ConsumerSlot {
  readonly consumer: InProcessRpcConsumer;
  inFlight: number;
  active: boolean;
}

interface ServiceQueue {
  pending: InProcessRpcRequest[];
  readonly consumers: ConsumerSlot[];
  cursor: number;
  scheduled: boolean;
}

/**
 * The all-in-one mode's RPC "broker": one queue per service, shared by every server registered for
 * it. It behaves like the service's RabbitMQ RPC queue:
 * - several servers of one service compete: requests go round-robin to those with a free slot;
 * - a request for a service with no server waits (and its caller times out);
 * - a request whose deadline passes while it waits is dropped, never delivered;
 * - delivery is always asynchronous (a later turn of the event loop), never inside `request`.
 */
export class InProcessRpcBroker {
  private readonly queues = new Map<string, ServiceQueue>();

  /**
   * Registers a server for `service`; returns the function that unregisters it (requests it is
   * working on still get their replies).
   */
  register(service: string, consumer: InProcessRpcConsumer): () => void {
    if (!(consumer.prefetch >= 1))
      throw new RangeError(`prefetch must be >= 1, got ${consumer.prefetch}`);
    const queue = this.queueOf(service);
    const slot: ConsumerSlot = { consumer, inFlight: 0, active: true };
    queue.consumers.push(slot);
    this.schedule(queue);
    return () => {
      if (!slot.active) return;
      slot.active = false;
      const index = queue.consumers.indexOf(slot);
      if (index >= 0) queue.consumers.splice(index, 1);
    };
  }

  /** Queues a request for `service`; it is delivered later, to one of the service's servers. */
  request(service: string, request: InProcessRpcRequest): void {
    const queue = this.queueOf(service);
    // Like RabbitMQ's expiration: what waited past its deadline is gone, not delivered late.
    if (queue.pending.length > 0)
      queue.pending = queue.pending.filter((r) => !deadlinePassed(r.deadline));
    queue.pending.push(request);
    this.schedule(queue);
  }

  /** Requests waiting for a server of `service` (expired ones included until they are purged). */
  pendingCount(service: string): number {
    return this.queues.get(service)?.pending.length ?? 0;
  }

  private queueOf(service: string): ServiceQueue {
    let queue = this.queues.get(service);
    if (queue === undefined) {
      queue = { pending: [], consumers: [], cursor: 0, scheduled: false };
      this.queues.set(service, queue);
    }
    return queue;
  }

  private schedule(queue: ServiceQueue): void {
    if (queue.scheduled) return;
    queue.scheduled = true;
    setImmediate(() => this.drain(queue));
  }

  private drain(queue: ServiceQueue): void {
    queue.scheduled = false;
    for (;;) {
      const request = queue.pending[0];
      if (request === undefined) return;
      if (deadlinePassed(request.deadline)) {
        queue.pending.shift();
        continue;
      }
      const slot = this.nextFreeSlot(queue);
      if (slot === undefined) return;
      queue.pending.shift();
      slot.inFlight += 1;
      let settled = false;
      slot.consumer.deliver(request, () => {
        if (settled) return;
        settled = true;
        slot.inFlight -= 1;
        if (queue.pending.length > 0) this.schedule(queue);
      });
    }
  }

  private nextFreeSlot(queue: ServiceQueue): ConsumerSlot | undefined {
    const count = queue.consumers.length;
    for (let i = 0; i < count; i += 1) {
      const index = (queue.cursor + i) % count;
      const slot = queue.consumers[index];
      if (slot !== undefined && slot.inFlight < slot.consumer.prefetch) {
        queue.cursor = (index + 1) % count;
        return slot;
      }
    }
    return undefined;
  }
}
