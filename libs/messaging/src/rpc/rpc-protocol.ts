import type { Options } from 'amqplib';

/**
 * Header carrying the caller's deadline (milliseconds since the epoch, a number). A server does not
 * start a request whose deadline has passed: the caller has already answered 504, so running it late
 * would make a command take effect after its caller was told it timed out.
 */
export const RPC_DEADLINE_HEADER = 'x-rpc-deadline';

/** How long a caller waits for an answer when it does not say (ms). */
export const DEFAULT_RPC_TIMEOUT_MS = 5_000;

/** Requests a service instance works on at once when its server does not say. */
export const DEFAULT_RPC_PREFETCH = 20;

/**
 * The queue a service's RPC server consumes: `<prefix>.<service>.rpc`. Every instance of the
 * service consumes it (competing consumers).
 * @param prefix - the deployment's name prefix (e.g. `ttkt`).
 * @param service - the answering service (e.g. `campaign`).
 */
export function rpcQueueName(prefix: string, service: string): string {
  return `${prefix}.${service}.rpc`;
}

/**
 * The arguments the RPC queues are declared with, by servers and clients alike. They must never
 * change for an existing queue: RabbitMQ refuses a redeclaration with other arguments (406
 * PRECONDITION_FAILED, which closes the channel). Quorum queues honour a message's `expiration`
 * (RabbitMQ >= 3.10), which is how a request that waited past its caller's timeout is dropped.
 */
export const RPC_QUEUE_OPTIONS: Readonly<Options.AssertQueue> = Object.freeze({
  durable: true,
  arguments: Object.freeze({ 'x-queue-type': 'quorum' }),
});

/** The deadline a request carries, read from AMQP-style headers; `undefined` when absent or malformed. */
export function readDeadlineHeader(
  headers: Record<string, unknown> | undefined,
): number | undefined {
  const raw = headers?.[RPC_DEADLINE_HEADER];
  const value = typeof raw === 'string' ? Number(raw) : raw;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** True when a request with this deadline must not be started any more. */
export function deadlinePassed(deadline: number | undefined, now: number = Date.now()): boolean {
  return deadline !== undefined && now >= deadline;
}
