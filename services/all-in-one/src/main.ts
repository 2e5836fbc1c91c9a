import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { nestLogLevels, stopInOrderAndExit } from '@ttkt/messaging';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { blobSweepOptionsFromEnv } from '../../gateway/src/gateway';
import { DEMO_DOSSIER_COUNT, demoCredentials, type DemoSummary } from './demo/load-demo';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';
import { startPlatform, type RunningPlatform } from './platform';

/** The bootstrap admin when the environment names none: for a local try-out only. */
const LOCAL_ADMIN = { username: 'admin', password: 'Admin@12345' } as const;

/**
 * `npm start`: every service in one process. PostgreSQL is `DATABASE_URL` or an embedded one in
 * `DATA_DIR`; messages go through `AMQP_URL` or the in-process transport. Creates the bootstrap
 * admin and, with `DEMO_DATA=bac-kan` (the default), loads the demo on the first start. Dossier
 * documents go to `BLOB_STORE` (default `file:$DATA_DIR/blobs`), at most `UPLOAD_MAX_BYTES` each.
 */
async function main(): Promise<void> {
  const logger = new Logger('all-in-one');
  const levels = nestLogLevels(process.env.LOG_LEVEL ?? 'info');
  Logger.overrideLogger(levels);
  const dataDir = path.resolve(process.env.DATA_DIR ?? './.data');
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('PORT must be a TCP port');
  const demoData = process.env.DEMO_DATA ?? 'bac-kan';
  if (demoData !== 'bac-kan' && demoData !== 'none')
    throw new Error('DEMO_DATA must be bac-kan or none');
  const adminFromEnv =
    process.env.BOOTSTRAP_ADMIN_USERNAME !== undefined &&
    process.env.BOOTSTRAP_ADMIN_PASSWORD !== undefined;
  const bootstrapAdmin = adminFromEnv
    ? {
        username: process.env.BOOTSTRAP_ADMIN_USERNAME ?? '',
        password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? '',
      }
    : { ...LOCAL_ADMIN };
  if (!adminFromEnv) {
    process.stdout.write(
      `BOOTSTRAP_ADMIN_USERNAME / BOOTSTRAP_ADMIN_PASSWORD not set: the system administrator is ` +
        `${LOCAL_ADMIN.username} / ${LOCAL_ADMIN.password} (defaults for local use only; set both ` +
        `variables anywhere else).\n`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const jwtSecret = process.env.JWT_SECRET ?? keptSecret(dataDir);
  const blobStore = process.env.BLOB_STORE ?? `file:${path.join(dataDir, 'blobs')}`;
  const uploadMaxBytes = Number(process.env.UPLOAD_MAX_BYTES ?? 20 * 1024 * 1024);
  if (!Number.isSafeInteger(uploadMaxBytes) || uploadMaxBytes < 1)
    throw new Error('UPLOAD_MAX_BYTES must be a positive number of bytes');
  const blobSweep = blobSweepOptionsFromEnv(process.env);
  if (blobSweep.problems.length > 0) throw new Error(blobSweep.problems.join('; '));

  let embedded: EmbeddedDatabase | undefined;
  let platform: RunningPlatform | undefined;
  let stopping = false;
  /** Stops in order: the platform (gateway, services, transport), then the embedded PostgreSQL. */
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await stopInOrderAndExit(
      [
        ['platform', async () => platform?.stop()],
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

  try {
    const databaseUrl =
      process.env.DATABASE_URL ??
      (embedded = await startEmbeddedDatabase(dataDir, (line) => logger.debug(line.trim()))).url;
    logger.log(`database ready after ${process.uptime().toFixed(1)} s`);
    const amqpUrl = process.env.AMQP_URL;
    platform = await startPlatform({
      databaseUrl,
      amqpUrl,
      amqpPrefix: process.env.AMQP_PREFIX ?? 'ttkt',
      port,
      jwtSecret,
      bootstrapAdmin,
      demoData,
      blobStore,
      uploadMaxBytes,
      blobSweep: blobSweep.options,
      logger: levels,
    });
    const base = platform.url ?? `http://localhost:${port}`;
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
        `  Files:      ${blobStore}`,
        adminFromEnv
          ? `  Admin:      ${bootstrapAdmin.username} (BOOTSTRAP_ADMIN_USERNAME)`
          : `  Admin:      ${bootstrapAdmin.username} / ${bootstrapAdmin.password} (local defaults)`,
        ...demoLines(demoData, platform.demo),
        `  Start clean: stop, then delete ${dataDir} (or run npm run start:clean)`,
        '',
      ].join('\n'),
    );
  } catch (error) {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await stop(1);
  }
}

/**
 * What the demo holds (its plans and dossiers) and its accounts (sign in at
 * `POST /api/v1/auth/login`), or that there is no demo.
 */
function demoLines(demoData: string, demo: DemoSummary | undefined): string[] {
  if (demoData === 'none') return ['  Demo data:  none (DEMO_DATA=none)'];
  const credentials = demo?.credentials ?? demoCredentials();
  const width = Math.max(...credentials.map((c) => c.username.length));
  const dossiers = demo?.dossiers
    ? demo.dossiers.bacKan.length + demo.dossiers.thaiNguyen.length
    : DEMO_DOSSIER_COUNT;
  const review = demo?.review?.bacKan;
  const reviewed = review
    ? `, the 2021 plan reviewed (decision ${review.decision.number}, proposal ${review.proposal.number})`
    : '';
  return [
    `  Demo data:  bac-kan (${demo?.loaded ? 'loaded now' : 'loaded on an earlier start'}): ` +
      `2 plans, ${dossiers} dossiers${reviewed}; sign in as`,
    ...credentials.map(
      (c) => `    ${c.username.padEnd(width)} / ${c.password}   ${c.role.padEnd(14)} ${c.agency}`,
    ),
  ];
}

/**
 * The gateway's signing key when `JWT_SECRET` is not set: generated on the first start and kept
 * in `<DATA_DIR>/jwt-secret`, so a restart keeps everyone signed in.
 */
function keptSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

main().catch((error: unknown) => {
  new Logger('all-in-one').error(
    error instanceof Error ? (error.stack ?? error.message) : String(error),
  );
  process.exit(1);
});
