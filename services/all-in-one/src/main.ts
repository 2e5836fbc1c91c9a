import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import {
  createRpcClient,
  InProcessRpcBroker,
  InProcessTransport,
  nestLogLevels,
  RabbitTransport,
  rpcServerOptions,
  type EventTransport,
  type RunningService,
} from '@ttkt/messaging';
import { startCampaignService } from '../../campaign/src/campaign.service';
import { startDashboardService } from '../../dashboard/src/dashboard.service';
import { startGateway } from '../../gateway/src/gateway';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';

const SERVICES = [
  { name: 'campaign', start: startCampaignService },
  { name: 'dashboard', start: startDashboardService },
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
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('PORT must be a TCP port');

  let embedded: EmbeddedDatabase | undefined;
  const databaseUrl =
    process.env.DATABASE_URL ??
    (embedded = await startEmbeddedDatabase(dataDir, (line) => logger.debug(line.trim()))).url;

  const amqpUrl = process.env.AMQP_URL;
  const prefix = process.env.AMQP_PREFIX ?? 'ttkt';
  const broker = new InProcessRpcBroker();
  const transport: EventTransport = amqpUrl
    ? new RabbitTransport({ url: amqpUrl, prefix, connectionName: 'all-in-one' })
    : new InProcessTransport();
  const rpcFor = (service: string) =>
    amqpUrl ? rpcServerOptions({ kind: 'rmq', url: amqpUrl, prefix, service }) : rpcServerOptions({ kind: 'in-process', broker, service });

  const running: RunningService[] = [];
  for (const { name, start } of SERVICES) {
    running.push(await start({ databaseUrl, schema: name, transport, rpc: rpcFor(name), logger: levels }));
  }
  const sender = amqpUrl ? createRpcClient({ kind: 'rmq', url: amqpUrl, prefix }) : createRpcClient({ kind: 'in-process', broker });
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
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await gateway.stop();
    await sender.close();
    for (const service of running.reverse()) await service.stop();
    await transport.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  new Logger('all-in-one').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
