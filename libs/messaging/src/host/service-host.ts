import {
  Controller,
  Get,
  Inject,
  Logger,
  Module,
  ServiceUnavailableException,
  type DynamicModule,
  type INestApplication,
  type LoggerService,
  type LogLevel,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { IntegrationEvent } from '@ttkt/contracts';
import {
  assertSchemaName,
  EventStore,
  Inbox,
  migrateEventStore,
  type Clock,
  type StoredEvent,
} from '@ttkt/event-store';
import { Pool, type PoolClient } from 'pg';
import { startIntegrationConsumer } from '../consumer/integration-consumer';
import { OutboxRelay } from '../relay/outbox-relay';
import type { EventTransport, Subscription } from '../transport';
import { CLOCK, EVENT_STORE, EVENT_TRANSPORT, PG_POOL, SERVICE_INFRASTRUCTURE } from './tokens';

/** What a service is given to run on: its pool and schema, its event store, the transport, a clock. */
export interface ServiceInfrastructure {
  service: string;
  schema: string;
  pool: Pool;
  store: EventStore;
  transport: EventTransport;
  clock: Clock;
}

/** Handlers of integration events a service consumes, by routing key; each runs in the inbox's transaction. */
export type IntegrationHandlers = Record<
  string,
  (event: IntegrationEvent, client: PoolClient) => Promise<void>
>;

/** DI token under which a consuming service provides its {@link IntegrationHandlers}. */
export const INTEGRATION_HANDLERS = Symbol('INTEGRATION_HANDLERS');

/** How to start one service. */
export interface ServiceHostOptions {
  service: string;
  databaseUrl: string;
  /** The PostgreSQL schema the service owns (its event store and read tables). */
  schema: string;
  transport: EventTransport;
  /** The RPC server for the service's commands and queries. */
  rpc: MicroserviceOptions;
  clock?: Clock;
  /** The service's root module, given its infrastructure. */
  module: (infrastructure: ServiceInfrastructure) => DynamicModule;
  /** Maps stored events to contract events; when given, the service's outbox relay runs. */
  publishes?: (event: StoredEvent) => IntegrationEvent | null;
  /** Routing keys consumed; the module must provide {@link INTEGRATION_HANDLERS}. */
  consumes?: string[];
  /** The service's own tables, created after the event store's. */
  migrate?: (pool: Pool, schema: string) => Promise<void>;
  /** Serve HTTP (health, metrics) on this port; without it the app is only initialised. */
  httpPort?: number;
  logger?: LoggerService | LogLevel[] | false;
  /** Pool size (default 10). */
  poolSize?: number;
}

/** A started service. */
export interface RunningService {
  service: string;
  app: INestApplication;
  infrastructure: ServiceInfrastructure;
  relay?: OutboxRelay;
  stop(): Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };
const hostLogger = new Logger('service-host');

/**
 * Starts a service: pool, migrations, event store, Nest app with its RPC server, outbox relay and
 * integration consumer. Stopping reverses it: consumers first, so nothing is taken that cannot be
 * finished, then the relay, the app and the pool.
 */
export async function startServiceHost(options: ServiceHostOptions): Promise<RunningService> {
  const { service, schema } = options;
  await migrateEventStore({ connectionString: options.databaseUrl, schema });
  const pool = new Pool({
    connectionString: options.databaseUrl,
    // The service's own schema first: an unqualified name never lands in another's (or public).
    options: `-c search_path=${assertSchemaName(schema)}`,
    max: options.poolSize ?? 10,
    application_name: service,
  });
  // An idle client can lose its connection (a restart of PostgreSQL); the pool drops it and the
  // next query opens a new one. Unhandled, the event would end the process.
  pool.on('error', (error) =>
    hostLogger.warn(`${service}: idle database connection lost: ${error.message}`),
  );
  const clock = options.clock ?? systemClock;
  const store = new EventStore({ pool, schema, clock, service });
  const infrastructure: ServiceInfrastructure = {
    service,
    schema,
    pool,
    store,
    transport: options.transport,
    clock,
  };
  let app: INestApplication | undefined;
  let relay: OutboxRelay | undefined;
  let subscription: Subscription | undefined;
  try {
    if (options.migrate) await options.migrate(pool, schema);
    app = await NestFactory.create(
      {
        module: HostedServiceModule,
        imports: [HostModule.forInfrastructure(infrastructure), options.module(infrastructure)],
      },
      { logger: options.logger ?? ['error', 'warn'], abortOnError: false },
    );
    app.connectMicroservice(options.rpc, { inheritAppConfig: true });
    await app.startAllMicroservices();
    if (options.consumes && options.consumes.length > 0) {
      const handlers = app.get<IntegrationHandlers>(INTEGRATION_HANDLERS);
      subscription = await startIntegrationConsumer({
        transport: options.transport,
        service,
        routingKeys: options.consumes,
        pool,
        inbox: new Inbox(schema),
        handlers,
      });
    }
    if (options.publishes) {
      relay = new OutboxRelay({
        store,
        transport: options.transport,
        service,
        toContract: options.publishes,
      });
      await relay.start();
    }
    if (options.httpPort !== undefined) await app.listen(options.httpPort);
    else await app.init();
  } catch (error) {
    await subscription?.stop();
    await relay?.stop();
    await app?.close();
    await pool.end();
    throw error;
  }
  const started = app;
  return {
    service,
    app: started,
    infrastructure,
    relay,
    async stop() {
      await subscription?.stop();
      await relay?.stop();
      await started.close();
      await pool.end();
    },
  };
}

@Module({})
class HostedServiceModule {}

@Controller('health')
class HealthController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The process answers. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The service can do its work: its database answers. */
  @Get('ready')
  async ready(): Promise<{ status: 'ok' }> {
    try {
      await this.pool.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException({ status: 'unavailable', reason: 'database' });
    }
    return { status: 'ok' };
  }
}

/** Provides a service's infrastructure under the DI tokens and its health endpoints. */
@Module({})
export class HostModule {
  /** The module for one service's infrastructure (global, so every module of the service sees it). */
  static forInfrastructure(infrastructure: ServiceInfrastructure): DynamicModule {
    return {
      module: HostModule,
      global: true,
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_INFRASTRUCTURE, useValue: infrastructure },
        { provide: EVENT_STORE, useValue: infrastructure.store },
        { provide: PG_POOL, useValue: infrastructure.pool },
        { provide: CLOCK, useValue: infrastructure.clock },
        { provide: EVENT_TRANSPORT, useValue: infrastructure.transport },
      ],
      exports: [SERVICE_INFRASTRUCTURE, EVENT_STORE, PG_POOL, CLOCK, EVENT_TRANSPORT],
    };
  }
}
