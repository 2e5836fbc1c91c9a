import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import {
  createRpcClient,
  InProcessRpcBroker,
  InProcessTransport,
  nestLogLevels,
  PostgresJournal,
  RabbitTransport,
  rpcServerOptions,
  stopInOrderAndExit,
  type StopStep,
  type EventTransport,
  type RunningService,
} from '@ttkt/messaging';
import { Pool } from 'pg';
import { startCampaignService } from '../../campaign/src/campaign.service';
import { DASHBOARD_CONSUMES, startDashboardService } from '../../dashboard/src/dashboard.service';
import { startDocumentService } from '../../document/src/document.service';
import { startGateway } from '../../gateway/src/gateway';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';

/** Every service, with the routing keys it consumes (declared before any relay publishes). */
const SERVICES = [
  { name: 'campaign', start: startCampaignService, consumes: [] },
  { name: 'dashboard', start: startDashboardService, consumes: DASHBOARD_CONSUMES },
  { name: 'document', start: startDocumentService, consumes: [] },
] as const;

/**
 * `npm start`: every service in one process. PostgreSQL is `DATABASE_URL` or an embedded one in
 * `DATA_DIR`; messages go through `AMQP_URL` or the in-process transport.
 */
async function main(): Promise<void> {
  const logger = new Logger('all-in-one');
  const levels = nestLogLevels(process.env.LOG_LEVEL ?? 'info');
  Logger.overrideLogger(levels);
  const dataDir = process.env.DATA_DIR ?? './.data';
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('PORT must be a TCP port');

  let embedded: EmbeddedDatabase | undefined;
  const databaseUrl =
    process.env.DATABASE_URL ??
    (embedded = await startEmbeddedDatabase(dataDir, (line) => logger.debug(line.trim()))).url;

  const amqpUrl = process.env.AMQP_URL;
  const prefix = process.env.AMQP_PREFIX ?? 'ttkt';
  const broker = new InProcessRpcBroker();
  // The in-process transport journals its queues in the database, so a crash loses no message.
  const journalPool = amqpUrl
    ? undefined
    : new Pool({ connectionString: databaseUrl, max: 4, application_name: 'transport' });
  journalPool?.on('error', (error) =>
    logger.warn(`transport journal: idle connection lost: ${error.message}`),
  );
  let inProcess: InProcessTransport | undefined;
  if (journalPool) {
    const journal = new PostgresJournal(journalPool, 'transport');
    await journal.migrate();
    inProcess = new InProcessTransport({ journal });
  }
  const transport: EventTransport =
    inProcess ?? new RabbitTransport({ url: amqpUrl ?? '', prefix, connectionName: 'all-in-one' });
  // Bind every consumer's queue before any relay publishes: a message nobody is bound for yet
  // would land in the unroutable queue.
  for (const { name, consumes } of SERVICES) {
    if (consumes.length > 0) await transport.declareService(name, [...consumes]);
  }
  if (inProcess) {
    const restored = await inProcess.restore();
    if (restored.queued > 0)
      logger.log(`redelivering ${restored.queued} message(s) queued before the last stop`);
  }
  const rpcFor = (service: string) =>
    amqpUrl
      ? rpcServerOptions({ kind: 'rmq', url: amqpUrl, prefix, service })
      : rpcServerOptions({ kind: 'in-process', broker, service });

  const running: RunningService[] = [];
  for (const { name, start } of SERVICES) {
    running.push(
      await start({ databaseUrl, schema: name, transport, rpc: rpcFor(name), logger: levels }),
    );
  }
  const sender = amqpUrl
    ? createRpcClient({ kind: 'rmq', url: amqpUrl, prefix })
    : createRpcClient({ kind: 'in-process', broker });
  const gateway = await startGateway({ sender, port, logger: levels });
  const base = gateway.url ?? `http://localhost:${port}`;

  const seconds = process.uptime().toFixed(1);
  process.stdout.write(
    [
      '',
      `Thi đua – Khen thưởng is ready (${seconds} s)`,
      `  API:        ${base}/api/v1`,
      `  API docs:   ${base}/api/docs`,
      `  Dashboard:  ${base}/dashboard`,
      `  Database:   ${embedded ? `embedded PostgreSQL on port ${embedded.port}, data in ${embedded.directory}` : 'DATABASE_URL'}`,
      `  Messaging:  ${amqpUrl ? 'AMQP_URL' : 'in-process transport'}`,
      '',
    ].join('\n'),
  );

  let stopping = false;
  /** Stops in order: no new requests, then services (consumers, relays, pools), then the rest. */
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await stopInOrderAndExit(
      [
        ['gateway', () => gateway.stop()],
        ['rpc client', () => sender.close()],
        ...running.reverse().map((service): StopStep => [service.service, () => service.stop()]),
        ['transport', () => transport.close()],
        ['transport journal', async () => journalPool?.end()],
        ['embedded PostgreSQL', async () => embedded?.stop()],
      ],
      logger,
      code,
    );
  };
  process.once('SIGTERM', () => void stop(0));
  process.once('SIGINT', () => void stop(0));
  process.once('uncaughtException', (error) => {
    logger.error(`uncaught: ${error.stack ?? error.message}`);
    void stop(1);
  });
}

main().catch((error: unknown) => {
  new Logger('all-in-one').error(
    error instanceof Error ? (error.stack ?? error.message) : String(error),
  );
  process.exit(1);
});
