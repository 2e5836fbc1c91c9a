import type { Channel } from 'amqplib';

/**
 * The RabbitMQ names `RabbitTransport` uses under one prefix (e.g. `ttkt`). Service names contain
 * no dots, so a service's names never collide with another's.
 *
 * | name | kind | what |
 * |---|---|---|
 * | `<prefix>.events` | topic exchange | every integration event; alternate exchange `<prefix>.unroutable` |
 * | `<prefix>.unroutable` | fanout exchange + classic queue | events no service was bound for |
 * | `<prefix>.<service>` | quorum queue | the service's events; DLX `<prefix>.<service>.dlx`, `x-delivery-limit` |
 * | `<prefix>.<service>.retry.<n>` | quorum queue | tier n (1-based): `x-message-ttl`, dead-letters back to `<prefix>.<service>` only |
 * | `<prefix>.<service>.dlx` | fanout exchange | where the broker dead-letters the service's queue (delivery limit) |
 * | `<prefix>.<service>.dlq` | classic queue | the service's dead letters |
 */
export interface RabbitNames {
  /** The topic exchange events are published to. */
  events: string;
  /** The alternate exchange of `events` and its queue (same name). */
  unroutable: string;
  /** A service's queue. */
  serviceQueue(service: string): string;
  /** A service's retry tier, `tier` from 1. */
  retryQueue(service: string, tier: number): string;
  /** A service's dead-letter exchange. */
  deadLetterExchange(service: string): string;
  /** A service's dead-letter queue. */
  deadLetterQueue(service: string): string;
}

/** The names under `prefix`. */
export function rabbitNames(prefix: string): RabbitNames {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(prefix)) {
    throw new Error(`not a valid RabbitMQ name prefix: ${JSON.stringify(prefix)}`);
  }
  return {
    events: `${prefix}.events`,
    unroutable: `${prefix}.unroutable`,
    serviceQueue: (service) => `${prefix}.${service}`,
    retryQueue: (service, tier) => `${prefix}.${service}.retry.${tier}`,
    deadLetterExchange: (service) => `${prefix}.${service}.dlx`,
    deadLetterQueue: (service) => `${prefix}.${service}.dlq`,
  };
}

/** What a service's topology depends on besides its name. */
export interface ServiceTopologyOptions {
  retryDelaysMs: readonly number[];
  deliveryLimit: number;
}

/**
 * Declares (idempotently) the events exchange with its alternate exchange and unroutable queue.
 * Classic rather than quorum for the unroutable queue: it is browsed by get + requeue, and quorum
 * queues count every requeue toward a delivery limit (20 by default from RabbitMQ 4.0), which would
 * eventually drop what is being inspected.
 */
export async function declareEventsTopology(channel: Channel, names: RabbitNames): Promise<void> {
  await channel.assertExchange(names.unroutable, 'fanout', { durable: true });
  await channel.assertQueue(names.unroutable, { durable: true });
  await channel.bindQueue(names.unroutable, names.unroutable, '');
  await channel.assertExchange(names.events, 'topic', {
    durable: true,
    arguments: { 'alternate-exchange': names.unroutable },
  });
}

/**
 * Declares (idempotently) a service's queue, bindings, retry tiers, dead-letter exchange and queue.
 * Queue arguments are immutable in RabbitMQ: changing `retryDelaysMs` or `deliveryLimit` for an
 * existing service makes this fail with 406 PRECONDITION_FAILED (delete the queues, or use new names).
 * Bindings are only added, never removed.
 */
export async function declareServiceTopology(
  channel: Channel,
  names: RabbitNames,
  service: string,
  routingKeys: Iterable<string>,
  options: ServiceTopologyOptions,
): Promise<void> {
  const queue = names.serviceQueue(service);
  const dlx = names.deadLetterExchange(service);
  const dlq = names.deadLetterQueue(service);
  await channel.assertExchange(dlx, 'fanout', { durable: true });
  // Classic for the same reason as the unroutable queue: listing dead letters requeues them.
  await channel.assertQueue(dlq, { durable: true });
  await channel.bindQueue(dlq, dlx, '');
  await channel.assertQueue(queue, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-dead-letter-exchange': dlx,
      'x-delivery-limit': options.deliveryLimit,
    },
  });
  for (const [index, delay] of options.retryDelaysMs.entries()) {
    await channel.assertQueue(names.retryQueue(service, index + 1), {
      durable: true,
      arguments: {
        'x-queue-type': 'quorum',
        'x-message-ttl': delay,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': queue,
      },
    });
  }
  for (const key of routingKeys) {
    await channel.bindQueue(queue, names.events, key);
  }
}
