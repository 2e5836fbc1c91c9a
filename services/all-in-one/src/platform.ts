import { Logger, type LoggerService, type LogLevel } from '@nestjs/common';
import type { Clock } from '@ttkt/event-store';
import {
  createRpcClient,
  InProcessRpcBroker,
  InProcessTransport,
  PostgresJournal,
  RabbitTransport,
  rpcServerOptions,
  type CommandSender,
  type EventTransport,
  type RunningService,
  type ServiceDependencies,
} from '@ttkt/messaging';
import { blobStoreFromUrl } from '@ttkt/blob-store';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { CAMPAIGN_CONSUMES, startCampaignService } from '../../campaign/src/campaign.service';
import { DASHBOARD_CONSUMES, startDashboardService } from '../../dashboard/src/dashboard.service';
import { DIRECTORY_SERVICE, startDirectoryService } from '../../directory/src/directory.service';
import { DOCUMENT_CONSUMES, startDocumentService } from '../../document/src/document.service';
import {
  startGateway,
  type BlobSweepOptions,
  type RunningGateway,
} from '../../gateway/src/gateway';
import {
  NOMINATION_CONSUMES,
  startNominationService,
} from '../../nomination/src/nomination.service';
import { REVIEW_CONSUMES, startReviewService } from '../../review/src/review.service';
import { DemoClock } from './demo/demo-clock';
import { loadDemoData, type DemoSummary } from './demo/load-demo';
import { withLocalServer } from './demo/local-server';

/** How to start the whole platform in one process (the all-in-one mode, and end-to-end tests). */
export interface PlatformOptions {
  databaseUrl: string;
  /** Schema names are `${schemaPrefix}${service}` (default ''), the in-process journal's `${schemaPrefix}transport`. */
  schemaPrefix?: string;
  /** RabbitMQ instead of the in-process transport. */
  amqpUrl?: string;
  /** Prefix of RabbitMQ exchange and queue names (default `ttkt`). */
  amqpPrefix?: string;
  /** Listen on this port (0 = any); without it the gateway is only initialised (supertest on app). */
  port?: number;
  /** The key the gateway signs its tokens with (default: a random one for this run). */
  jwtSecret?: string;
  /** The platform's first system administrator, created once. */
  bootstrapAdmin?: { username: string; password: string };
  /**
   * `bac-kan` loads the demo (once: skipped when its tenant exists); default `none`. The
   * services and the gateway then read `clock` through a {@link DemoClock}, which the loader sets
   * back to 2021 while it records the Bắc Kạn dossiers of that year.
   */
  demoData?: 'bac-kan' | 'none';
  /** How long `POST /campaigns/{id}/issue` waits for the register before answering 202. */
  issueWaitMs?: number;
  clock?: Clock;
  /**
   * Where dossier documents and generated documents go (`BLOB_STORE`): `file:<dir>` (default: a
   * `blobs` directory under the system's temporary directory; `main.ts` passes
   * `file:$DATA_DIR/blobs`). The gateway and the document service share it.
   */
  blobStore?: string;
  /** The largest document upload, in bytes (`UPLOAD_MAX_BYTES`, default 20 MB). */
  uploadMaxBytes?: number;
  /** The gateway's sweep of unreferenced blobs (`BLOB_SWEEP_*`); default hourly, `false` = off. */
  blobSweep?: BlobSweepOptions | false;
  /** The levels to log, `false` for none, or a logger of one's own (tests that read the lines). */
  logger?: LoggerService | LogLevel[] | false;
}

/** A started platform. */
export interface RunningPlatform {
  gateway: RunningGateway;
  services: RunningService[];
  sender: CommandSender;
  /** The gateway's base URL when listening, else undefined (use supertest on gateway.app). */
  url?: string;
  /** What the demo loader did, when `demoData` is `bac-kan`. */
  demo?: DemoSummary;
  /** Stop one service (e.g. 'document') and start it again on the same schema and transport:
   *  messages sent while it was down wait in its queue (tests of the saga's compensation). */
  stopService(name: string): Promise<void>;
  startService(name: string): Promise<void>;
  stop(): Promise<void>;
  /**
   * Start one more instance of a running service on the same schema and transport (it competes
   * for the same RPC and event queues), for tests of concurrent instances; {@link stop} stops it too.
   */
  startExtraInstance(name: string): Promise<ExtraInstance>;
}

/** A second instance of a service started by {@link RunningPlatform.startExtraInstance}. */
export interface ExtraInstance {
  /** How many RPC requests of `pattern` this instance has taken (not the first instance's). */
  handled(pattern: string): number;
  /** Stops this instance only. */
  stop(): Promise<void>;
}

/** One service as the platform runs it. */
interface ServiceEntry {
  name: string;
  /** Routing keys it consumes: its queue is declared before any relay publishes. */
  consumes: readonly string[];
  start: (dependencies: ServiceDependencies) => Promise<RunningService>;
}

/**
 * Starts every service (directory, campaign, document, dashboard, nomination, review) and the
 * gateway in this process (the gateway's and the document service's blob store from `blobStore`):
 * each service on its schema `${schemaPrefix}${service}`, the gateway on `${schemaPrefix}gateway`,
 * events through RabbitMQ (`amqpUrl`) or the in-process transport journaled in
 * `${schemaPrefix}transport`; then the bootstrap admin and, when asked, the demo data.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const logger = new Logger('platform');
  const prefix = options.schemaPrefix ?? '';
  const levels = options.logger ?? ['error', 'warn'];
  const { databaseUrl, amqpUrl } = options;
  const amqpPrefix = options.amqpPrefix ?? 'ttkt';
  const bootstrapAdmin = options.bootstrapAdmin;
  // With the demo, every service and the gateway read a clock the loader can set back while it
  // records the 2021 dossiers (and sets right before this returns); else the given clock.
  const demoClock = options.demoData === 'bac-kan' ? new DemoClock(options.clock) : undefined;
  const clock = demoClock ?? options.clock;
  // One store for the gateway (uploads, downloads, the sweep) and the document service (the
  // files it generates).
  const blobStore = blobStoreFromUrl(
    options.blobStore ?? `file:${path.join(tmpdir(), 'ttkt-blobs')}`,
  );

  const entries: ServiceEntry[] = [
    {
      name: DIRECTORY_SERVICE,
      consumes: [],
      start: (dependencies) => startDirectoryService({ ...dependencies, bootstrapAdmin }),
    },
    { name: 'campaign', consumes: CAMPAIGN_CONSUMES, start: startCampaignService },
    {
      name: 'document',
      consumes: DOCUMENT_CONSUMES,
      start: (dependencies) => startDocumentService({ ...dependencies, blobStore }),
    },
    { name: 'dashboard', consumes: DASHBOARD_CONSUMES, start: startDashboardService },
    { name: 'nomination', consumes: NOMINATION_CONSUMES, start: startNominationService },
    { name: 'review', consumes: REVIEW_CONSUMES, start: startReviewService },
  ];

  // The in-process transport journals its queues in the database, so a crash loses no message.
  const journalPool = amqpUrl
    ? undefined
    : new Pool({ connectionString: databaseUrl, max: 4, application_name: 'transport' });
  journalPool?.on('error', (error) =>
    logger.warn(`transport journal: idle connection lost: ${error.message}`),
  );
  let inProcess: InProcessTransport | undefined;
  const broker = new InProcessRpcBroker();
  let transport: EventTransport | undefined;
  let sender: CommandSender | undefined;
  const running = new Map<string, RunningService>();
  const extras = new Set<RunningService>();
  let gateway: RunningGateway | undefined;

  const dependenciesOf = (name: string): ServiceDependencies => ({
    databaseUrl,
    schema: `${prefix}${name}`,
    transport: transport as EventTransport,
    rpc: amqpUrl
      ? rpcServerOptions({ kind: 'rmq', url: amqpUrl, prefix: amqpPrefix, service: name })
      : rpcServerOptions({ kind: 'in-process', broker, service: name }),
    clock,
    logger: levels,
  });
  const entryOf = (name: string): ServiceEntry => {
    const entry = entries.find((candidate) => candidate.name === name);
    if (!entry) throw new Error(`no service named ${name}`);
    return entry;
  };

  /** The running services in start order (directory first), also after a restart of one. */
  const runningInOrder = (): RunningService[] =>
    entries.flatMap((entry) => {
      const service = running.get(entry.name);
      return service ? [service] : [];
    });

  const stopAll = async (): Promise<void> => {
    const failures: unknown[] = [];
    const attempt = async (step: () => Promise<unknown>): Promise<void> => {
      try {
        await step();
      } catch (error) {
        failures.push(error);
      }
    };
    // No new requests, then the services (consumers, relays, pools) in reverse order, then the rest.
    if (gateway) await attempt(() => (gateway as RunningGateway).stop());
    if (sender) await attempt(() => (sender as CommandSender).close());
    for (const extra of [...extras].reverse()) await attempt(() => extra.stop());
    extras.clear();
    for (const service of runningInOrder().reverse()) await attempt(() => service.stop());
    running.clear();
    if (transport) await attempt(() => (transport as EventTransport).close());
    if (journalPool) await attempt(() => journalPool.end());
    if (failures.length > 0) throw failures[0];
  };

  try {
    if (journalPool) {
      const journal = new PostgresJournal(journalPool, `${prefix}transport`);
      await journal.migrate();
      inProcess = new InProcessTransport({ journal });
    }
    transport =
      inProcess ??
      new RabbitTransport({ url: amqpUrl ?? '', prefix: amqpPrefix, connectionName: 'all-in-one' });
    // Bind every consumer's queue before any relay publishes: a message nobody is bound for yet
    // would land in the unroutable queue.
    for (const { name, consumes } of entries) {
      if (consumes.length > 0) await transport.declareService(name, [...consumes]);
    }
    if (inProcess) {
      const restored = await inProcess.restore();
      if (restored.queued > 0)
        logger.log(`redelivering ${restored.queued} message(s) queued before the last stop`);
    }
    for (const entry of entries) {
      const began = Date.now();
      running.set(entry.name, await entry.start(dependenciesOf(entry.name)));
      logger.log(`${entry.name} started in ${Date.now() - began} ms`);
    }
    sender = amqpUrl
      ? createRpcClient({ kind: 'rmq', url: amqpUrl, prefix: amqpPrefix })
      : createRpcClient({ kind: 'in-process', broker });
    const gatewayBegan = Date.now();
    gateway = await startGateway({
      sender,
      port: options.port,
      logger: levels,
      databaseUrl,
      schema: `${prefix}gateway`,
      jwtSecret: options.jwtSecret ?? randomBytes(32).toString('base64url'),
      issueWaitMs: options.issueWaitMs,
      clock,
      blobStore,
      ...(options.uploadMaxBytes === undefined ? {} : { uploadMaxBytes: options.uploadMaxBytes }),
      ...(options.blobSweep === undefined ? {} : { blobSweep: options.blobSweep }),
    });
    logger.log(`gateway started in ${Date.now() - gatewayBegan} ms`);
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }

  const started = gateway;
  let demo: DemoSummary | undefined;
  if (demoClock) {
    if (!bootstrapAdmin)
      throw new Error('the demo data is loaded as the bootstrap admin: give one');
    try {
      demo = started.url
        ? await loadDemoData({ baseUrl: started.url, admin: bootstrapAdmin, clock: demoClock })
        : await withLocalServer(started.app, (baseUrl) =>
            loadDemoData({ baseUrl, admin: bootstrapAdmin, clock: demoClock }),
          );
    } catch (error) {
      await stopAll().catch(() => undefined);
      throw error;
    }
  }

  return {
    gateway: started,
    get services() {
      return runningInOrder();
    },
    sender,
    url: started.url,
    demo,
    async stopService(name) {
      entryOf(name);
      const service = running.get(name);
      if (!service) throw new Error(`${name} is not running`);
      running.delete(name);
      await service.stop();
    },
    async startService(name) {
      const entry = entryOf(name);
      if (running.has(name)) throw new Error(`${name} is already running`);
      running.set(name, await entry.start(dependenciesOf(name)));
    },
    stop: stopAll,
    async startExtraInstance(name) {
      const entry = entryOf(name);
      if (!running.has(name)) throw new Error(`${name} is not running`);
      const dependencies = dependenciesOf(name);
      // Count the requests this instance takes: the RPC strategy looks each one's handler up.
      const counts = new Map<string, number>();
      const strategy = (dependencies.rpc as { strategy?: unknown }).strategy as
        { getHandlerByPattern(pattern: string): unknown } | undefined;
      if (strategy) {
        const lookUp = strategy.getHandlerByPattern.bind(strategy);
        strategy.getHandlerByPattern = (pattern: string) => {
          counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
          return lookUp(pattern);
        };
      }
      const extra = await entry.start(dependencies);
      extras.add(extra);
      return {
        handled: (pattern) => counts.get(pattern) ?? 0,
        stop: async () => {
          if (!extras.delete(extra)) return;
          await extra.stop();
        },
      };
    },
  };
}
