import { Logger, type LogLevel } from '@nestjs/common';
import { rpcServerOptions } from '../rpc/rpc-server-options';
import { RabbitTransport } from '../transport/rabbit-transport';
import type { RunningService, ServiceHostOptions } from './service-host';
import { loadServiceConfig } from './service-config';
import { stopInOrderAndExit } from './stop-in-order';

/** What the caller of a service's `start…Service` supplies; the rest is the service's own. */
export type ServiceDependencies = Pick<
  ServiceHostOptions,
  'databaseUrl' | 'schema' | 'transport' | 'rpc' | 'clock' | 'httpPort' | 'logger' | 'poolSize'
>;

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Nest log levels for a pino-style `LOG_LEVEL`. At `info` the framework's start-up chatter (one
 * line per module and route) is left out; `debug` shows it.
 */
export function nestLogLevels(level: string): LogLevel[] {
  const mapped: LogLevel =
    level === 'info' ? 'warn' : level === 'trace' ? 'verbose' : (level as LogLevel);
  const index = LEVELS.indexOf(mapped);
  return LEVELS.slice(0, index < 0 ? 3 : index + 1);
}

/**
 * Runs one service as its own process (the distributed mode): reads the environment, connects to
 * RabbitMQ, starts the service with its HTTP health port, and stops cleanly on SIGTERM/SIGINT.
 */
export async function runStandalone(
  service: string,
  defaults: { port: number },
  start: (dependencies: ServiceDependencies) => Promise<RunningService>,
): Promise<void> {
  const logger = new Logger(service);
  try {
    const config = loadServiceConfig(service, process.env, defaults);
    Logger.overrideLogger(nestLogLevels(config.logLevel));
    const transport = new RabbitTransport({
      url: config.amqpUrl,
      prefix: config.amqpPrefix,
      connectionName: service,
    });
    const running = await start({
      databaseUrl: config.databaseUrl,
      schema: config.schema,
      transport,
      rpc: rpcServerOptions({
        kind: 'rmq',
        url: config.amqpUrl,
        prefix: config.amqpPrefix,
        service,
      }),
      httpPort: config.port,
      logger: nestLogLevels(config.logLevel),
    });
    logger.log(`${service} ready on port ${config.port}`);
    const stop = async (signal: string): Promise<void> => {
      logger.log(`${signal}: stopping`);
      await stopInOrderAndExit(
        [
          [service, () => running.stop()],
          ['transport', () => transport.close()],
        ],
        logger,
      );
    };
    process.once('SIGTERM', (signal) => void stop(signal));
    process.once('SIGINT', (signal) => void stop(signal));
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
