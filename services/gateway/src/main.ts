import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createRpcClient, nestLogLevels, stopInOrderAndExit } from '@ttkt/messaging';
import { startGateway } from './gateway';

async function main(): Promise<void> {
  const logger = new Logger('gateway');
  const amqpUrl = process.env.AMQP_URL;
  const port = Number(process.env.PORT ?? 3000);
  if (!amqpUrl || !/^amqps?:\/\//.test(amqpUrl) || !Number.isInteger(port)) {
    logger.error('gateway: AMQP_URL must be an amqp:// URL and PORT a TCP port');
    process.exit(1);
  }
  const sender = createRpcClient({
    kind: 'rmq',
    url: amqpUrl,
    prefix: process.env.AMQP_PREFIX ?? 'ttkt',
  });
  const levels = nestLogLevels(process.env.LOG_LEVEL ?? 'info');
  const gateway = await startGateway({ sender, port, logger: levels });
  logger.log(`gateway ready at ${gateway.url ?? port}`);
  const stop = (): Promise<void> =>
    stopInOrderAndExit(
      [
        ['gateway', () => gateway.stop()],
        ['rpc client', () => sender.close()],
      ],
      logger,
    );
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

void main();
