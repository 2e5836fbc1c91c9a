import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@ttkt/contracts';
import {
  createRpcClient,
  InProcessRpcBroker,
  InProcessTransport,
  rpcServerOptions,
  type CommandSender,
  type RunningService,
  type ServiceDependencies,
  type Subscription,
} from '@ttkt/messaging';
import type { Clock } from './clock';
import { testDatabaseUrl } from './infra-urls';
import { createTestSchema, type TestSchema } from './test-schema';

/** How to start a service for its integration spec. */
export interface ServiceUnderTestOptions {
  /** The test schema's label (see {@link createTestSchema}). */
  label: string;
  /** The service's RPC name: what `send` addresses. */
  service: string;
  /** The tenant of the events `publish` builds. */
  tenantId: string;
  /** Starts one instance of the service on what it is given (`logger` is off). */
  start: (dependencies: ServiceDependencies) => Promise<RunningService>;
  /** The service's clock, also the `occurredAt` of published events (the system's when absent). */
  clock?: Clock;
  /** Routing keys whose events are collected in `published` (by an `observer` subscription). */
  observe?: string[];
  /** The in-process transport's redelivery delays (default 50, 100, 200 ms). */
  retryDelaysMs?: number[];
  /** Instances started on the same schema, each with its own RPC broker (default 1). */
  instances?: number;
  /** How long `send` waits for an answer (default 30 s). */
  timeoutMs?: number;
  /** Runs on the transport before the service starts; subscriptions it returns stop with the harness. */
  beforeStart?: (transport: InProcessTransport) => Promise<readonly Subscription[] | void>;
}

/** Options of one {@link ServiceUnderTest.publish}. */
export interface PublishOptions {
  /** Who caused it (default `<source>-user`); `null` leaves the actor out. */
  actor?: IntegrationEvent['actor'] | null;
  correlationId?: string;
  /** Published instead of the built envelope (the stream's version still advances). */
  envelope?: IntegrationEvent;
}

/** A service started for its integration spec, with the transport and RPC it runs on. */
export interface ServiceUnderTest {
  readonly schema: TestSchema;
  readonly transport: InProcessTransport;
  /** The first instance. */
  readonly service: RunningService;
  readonly instances: readonly RunningService[];
  /** The RPC client of the first instance. */
  readonly sender: CommandSender;
  /** The events the service published on the observed routing keys, in arrival order. */
  readonly published: IntegrationEvent[];
  /** Sends an RPC to an instance (the first by default). */
  send<T>(pattern: string, message: object, instance?: number): Promise<T>;
  /** Publishes a contract event as `source` would (each stream's versions in order). */
  publish(
    source: string,
    type: string,
    streamKey: string,
    data: object,
    options?: PublishOptions,
  ): Promise<IntegrationEvent>;
  /** Publishes an envelope as it is. */
  publishEnvelope(envelope: IntegrationEvent): Promise<void>;
  /** The published events of `type` whose `data[key]` is `id`. */
  publishedOf<T extends object = object>(
    type: string,
    key: string,
    id: string,
  ): IntegrationEvent<T>[];
  /** Stops every instance and its RPC client, then starts them again on the same schema. */
  restart(): Promise<void>;
  /** Stops the clients, the instances, the subscriptions and the transport, and drops the schema. */
  stop(): Promise<void>;
}

/**
 * Starts a service on a fresh test schema with the in-process transport and RPC: an observer
 * collects what it publishes, and `publish` plays the other services' relays.
 */
export async function startServiceUnderTest(
  options: ServiceUnderTestOptions,
): Promise<ServiceUnderTest> {
  const clock = options.clock;
  const schema = await createTestSchema(options.label);
  const transport = new InProcessTransport({
    retryDelaysMs: options.retryDelaysMs ?? [50, 100, 200],
  });
  const brokers = Array.from({ length: options.instances ?? 1 }, () => new InProcessRpcBroker());
  const published: IntegrationEvent[] = [];
  const versions = new Map<string, number>();
  const subscriptions: Subscription[] = [];
  let instances: RunningService[] = [];
  let senders: CommandSender[] = [];

  async function stop(): Promise<void> {
    for (const sender of senders) await sender.close();
    for (const instance of instances) await instance.stop();
    for (const subscription of subscriptions) await subscription.stop();
    await transport.close();
    await schema.drop();
  }

  async function startAll(): Promise<void> {
    instances = [];
    for (const broker of brokers) {
      instances.push(
        await options.start({
          databaseUrl: testDatabaseUrl(),
          schema: schema.name,
          transport,
          rpc: rpcServerOptions({ kind: 'in-process', broker, service: options.service }),
          ...(clock ? { clock } : {}),
          logger: false,
        }),
      );
    }
    senders = brokers.map((broker) => createRpcClient({ kind: 'in-process', broker }));
  }
  try {
    if (options.observe?.length) {
      subscriptions.push(
        await transport.subscribe({
          service: 'observer',
          routingKeys: options.observe,
          handler: (message) => {
            published.push(JSON.parse(message.body) as IntegrationEvent);
            return Promise.resolve();
          },
        }),
      );
    }
    subscriptions.unshift(...((await options.beforeStart?.(transport)) ?? []));
    await startAll();
  } catch (error) {
    await stop();
    throw error;
  }

  async function publishEnvelope(envelope: IntegrationEvent): Promise<void> {
    await transport.publish([
      { messageId: envelope.id, routingKey: envelope.type, body: JSON.stringify(envelope) },
    ]);
  }

  return {
    schema,
    transport,
    get service() {
      return started(instances, 0);
    },
    get instances() {
      return instances;
    },
    get sender() {
      return started(senders, 0);
    },
    published,
    send<T>(pattern: string, message: object, instance = 0): Promise<T> {
      return started(senders, instance).send<T>(options.service, pattern, message, {
        timeoutMs: options.timeoutMs ?? 30_000,
      });
    },
    async publish(source, type, streamKey, data, publishOptions = {}) {
      const streamVersion = (versions.get(streamKey) ?? 0) + 1;
      versions.set(streamKey, streamVersion);
      const actor =
        publishOptions.actor === undefined
          ? { kind: 'user' as const, id: `${source}-user` }
          : publishOptions.actor;
      const envelope: IntegrationEvent = publishOptions.envelope ?? {
        id: randomUUID(),
        type,
        tenantId: options.tenantId,
        occurredAt: (clock?.now() ?? new Date()).toISOString(),
        source: {
          service: source,
          streamId: `${source}-${streamKey}`,
          streamVersion,
          position: `${source}:${1000 + versions.size}.${streamVersion}`,
        },
        ...(actor ? { actor } : {}),
        ...(publishOptions.correlationId ? { correlationId: publishOptions.correlationId } : {}),
        data,
      };
      await publishEnvelope(envelope);
      return envelope;
    },
    publishEnvelope,
    publishedOf<T extends object = object>(type: string, key: string, id: string) {
      return published.filter(
        (event) => event.type === type && (event.data as Record<string, unknown>)[key] === id,
      ) as IntegrationEvent<T>[];
    },
    async restart() {
      for (const instance of instances) await instance.stop();
      for (const sender of senders) await sender.close();
      await startAll();
    },
    stop,
  };
}

/** The `index`th of what the harness started (fails when there is none: not started, or stopped). */
function started<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no instance ${index} of the service under test`);
  return item;
}
