import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { blobStoreFromUrl } from '@ttkt/blob-store';
import { createRpcClient, nestLogLevels, stopInOrderAndExit } from '@ttkt/messaging';
import { blobSweepOptionsFromEnv, MIN_JWT_SECRET_LENGTH, startGateway } from './gateway';

/**
 * The distributed gateway. Environment: `AMQP_URL` (required), `AMQP_PREFIX` (default `ttkt`),
 * `PORT` (default 3000), `JWT_SECRET` (required, ≥ 32 characters), `GATEWAY_DATABASE_URL` or
 * `DATABASE_URL` (required: the idempotency keys), `GATEWAY_SCHEMA` (default `gateway`),
 * `ISSUE_WAIT_MS` (default 5000), `BLOB_STORE` (required: `file:<dir>` shared with nothing else
 * but the gateway's replicas and the document service, which stores the generated documents
 * there), `UPLOAD_MAX_BYTES` (default 20 MiB), `BLOB_SWEEP_INTERVAL_MS` and `BLOB_SWEEP_GRACE_MS`
 * (default 1 h each; interval 0 = no sweep), `LOG_LEVEL`.
 */
async function main(): Promise<void> {
  const logger = new Logger('gateway');
  const amqpUrl = process.env.AMQP_URL;
  const port = Number(process.env.PORT ?? 3000);
  const jwtSecret = process.env.JWT_SECRET ?? '';
  const databaseUrl = process.env.GATEWAY_DATABASE_URL ?? process.env.DATABASE_URL;
  const issueWaitMs = Number(process.env.ISSUE_WAIT_MS ?? 5000);
  const blobStoreUrl = process.env.BLOB_STORE ?? '';
  const uploadMaxBytes = Number(process.env.UPLOAD_MAX_BYTES ?? 20 * 1024 * 1024);
  const blobSweep = blobSweepOptionsFromEnv(process.env);
  const problems = [
    ...(!amqpUrl || !/^amqps?:\/\//.test(amqpUrl) ? ['AMQP_URL must be an amqp:// URL'] : []),
    ...(!Number.isInteger(port) || port < 0 || port > 65535 ? ['PORT must be a TCP port'] : []),
    ...(jwtSecret.length < MIN_JWT_SECRET_LENGTH
      ? [`JWT_SECRET must be set, at least ${MIN_JWT_SECRET_LENGTH} characters`]
      : []),
    ...(!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)
      ? ['GATEWAY_DATABASE_URL or DATABASE_URL must be a postgres:// URL']
      : []),
    ...(!Number.isInteger(issueWaitMs) || issueWaitMs < 0
      ? ['ISSUE_WAIT_MS must be a number of milliseconds']
      : []),
    ...(!blobStoreUrl.startsWith('file:') ? ['BLOB_STORE must be file:<directory>'] : []),
    ...(!Number.isSafeInteger(uploadMaxBytes) || uploadMaxBytes < 1
      ? ['UPLOAD_MAX_BYTES must be a positive number of bytes']
      : []),
    ...blobSweep.problems,
  ];
  if (problems.length > 0 || !amqpUrl) {
    for (const problem of problems) logger.error(`gateway: ${problem}`);
    process.exit(1);
  }
  const sender = createRpcClient({
    kind: 'rmq',
    url: amqpUrl,
    prefix: process.env.AMQP_PREFIX ?? 'ttkt',
  });
  const levels = nestLogLevels(process.env.LOG_LEVEL ?? 'info');
  const gateway = await startGateway({
    sender,
    port,
    jwtSecret,
    databaseUrl,
    schema: process.env.GATEWAY_SCHEMA ?? 'gateway',
    issueWaitMs,
    blobStore: blobStoreFromUrl(blobStoreUrl),
    uploadMaxBytes,
    blobSweep: blobSweep.options,
    logger: levels,
  });
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

main().catch((error: unknown) => {
  new Logger('gateway').error(
    error instanceof Error ? (error.stack ?? error.message) : String(error),
  );
  process.exit(1);
});
