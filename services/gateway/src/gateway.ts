import {
  Global,
  Module,
  type DynamicModule,
  type INestApplication,
  type LoggerService,
  type LogLevel,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { BlobStore } from '@ttkt/blob-store';
import { systemClock, type Clock } from '@ttkt/event-store';
import { CLOCK, type CommandSender } from '@ttkt/messaging';
import {
  GATEWAY_CONFIG,
  ISSUE_WAIT_MS,
  TOKEN_LIFETIME_SECONDS,
  type GatewayConfig,
} from './auth/gateway-config';
import { GatewayModule } from './gateway.module';
import {
  IDEMPOTENCY_STORE,
  MemoryIdempotencyStore,
  PostgresIdempotencyStore,
  type IdempotencyStore,
} from './idempotency/idempotency-store';
import { IdempotencyModule } from './idempotency/idempotency.module';
import {
  BLOB_SWEEP_CONFIG,
  type BlobSweepConfig,
  type BlobSweepOptions,
} from './nominations/blob-sweep.config';
import {
  BLOB_STORE,
  DEFAULT_UPLOAD_MAX_BYTES,
  UPLOAD_MAX_BYTES,
} from './nominations/upload-config';

export { blobSweepOptionsFromEnv, type BlobSweepOptions } from './nominations/blob-sweep.config';

/** How to start the gateway. */
export interface GatewayOptions {
  sender: CommandSender;
  /** The HS256 secret access tokens are signed with (`JWT_SECRET`); at least 32 characters. */
  jwtSecret: string;
  /**
   * PostgreSQL for the gateway's own state (idempotency keys). Without it keys are kept in
   * memory: for tests and single-process tools only.
   */
  databaseUrl?: string;
  /** The gateway's schema in that database (default `gateway`). */
  schema?: string;
  /** How long `POST /campaigns/{id}/issue` waits for the register before `202` (default 5000 ms). */
  issueWaitMs?: number;
  /** The source of "now": token times, key expiry, "today" (default: the wall clock). */
  clock?: Clock;
  /**
   * Where dossier documents are stored (`BLOB_STORE`); without it uploads and downloads answer
   * `503`.
   */
  blobStore?: BlobStore;
  /** The largest document upload accepted, in bytes (`UPLOAD_MAX_BYTES`, default 20 MB). */
  uploadMaxBytes?: number;
  /**
   * The sweep of blobs no dossier records, when there is a blob store (`BLOB_SWEEP_INTERVAL_MS`,
   * `BLOB_SWEEP_GRACE_MS`; default hourly, 1 h grace); `false` turns it off. With `databaseUrl`,
   * one replica at a time sweeps (an advisory lock in that database).
   */
  blobSweep?: BlobSweepOptions | false;
  /** Listen on this port (0 = any free port); without it the app is only initialised (tests). */
  port?: number;
  host?: string;
  logger?: LoggerService | LogLevel[] | false;
}

/** A started gateway. */
export interface RunningGateway {
  app: INestApplication;
  /** The base URL it listens on, when it listens. */
  url?: string;
  stop(): Promise<void>;
}

/** The shortest JWT secret accepted (HS256 wants at least 256 bits of key). */
export const MIN_JWT_SECRET_LENGTH = 32;

/** The gateway's configuration, for every module (global). */
@Global()
@Module({})
class GatewayConfigModule {
  static forRoot(config: GatewayConfig, store: IdempotencyStore, uploads: Uploads): DynamicModule {
    return {
      module: GatewayConfigModule,
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: ISSUE_WAIT_MS, useValue: config.issueWaitMs },
        { provide: CLOCK, useValue: config.clock },
        { provide: IDEMPOTENCY_STORE, useValue: store },
        { provide: BLOB_STORE, useValue: uploads.blobStore },
        { provide: UPLOAD_MAX_BYTES, useValue: uploads.maxBytes },
        { provide: BLOB_SWEEP_CONFIG, useValue: uploads.sweep },
      ],
      exports: [
        GATEWAY_CONFIG,
        ISSUE_WAIT_MS,
        CLOCK,
        IDEMPOTENCY_STORE,
        BLOB_STORE,
        UPLOAD_MAX_BYTES,
        BLOB_SWEEP_CONFIG,
      ],
    };
  }
}

/** Where uploads go, how large they may be, and how the unreferenced ones are collected. */
interface Uploads {
  blobStore: BlobStore | null;
  maxBytes: number;
  sweep: BlobSweepConfig;
}

/** The gateway's API with its configuration and the idempotency interceptor. */
@Module({})
class GatewayRootModule {
  static forRoot(
    sender: CommandSender,
    config: GatewayConfig,
    store: IdempotencyStore,
    uploads: Uploads,
  ): DynamicModule {
    return {
      module: GatewayRootModule,
      imports: [
        GatewayConfigModule.forRoot(config, store, uploads),
        GatewayModule.forRoot(sender),
        IdempotencyModule,
      ],
    };
  }
}

/**
 * Starts the gateway: the public API under /api/v1 (bearer tokens, `Idempotency-Key`, problem
 * details), OpenAPI at /api/docs, health.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  if (options.jwtSecret.length < MIN_JWT_SECRET_LENGTH) {
    throw new RangeError(`the JWT secret must be at least ${MIN_JWT_SECRET_LENGTH} characters`);
  }
  const uploadMaxBytes = options.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES;
  if (!Number.isSafeInteger(uploadMaxBytes) || uploadMaxBytes < 1) {
    throw new RangeError('the upload limit must be a positive number of bytes');
  }
  const uploads: Uploads = {
    blobStore: options.blobStore ?? null,
    maxBytes: uploadMaxBytes,
    sweep: {
      options: options.blobSweep ?? {},
      database: options.databaseUrl
        ? { url: options.databaseUrl, schema: options.schema ?? 'gateway' }
        : null,
    },
  };
  const clock = options.clock ?? systemClock;
  const config: GatewayConfig = {
    jwtSecret: options.jwtSecret,
    tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS,
    issueWaitMs: options.issueWaitMs ?? 5_000,
    clock,
  };
  const store: IdempotencyStore = options.databaseUrl
    ? await PostgresIdempotencyStore.open(options.databaseUrl, options.schema ?? 'gateway', {
        clock,
      })
    : new MemoryIdempotencyStore({ clock });
  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(
      GatewayRootModule.forRoot(options.sender, config, store, uploads),
      { logger: options.logger ?? ['error', 'warn'], abortOnError: false },
    );
  } catch (error) {
    await store.close();
    throw error;
  }
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: '2mb' });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Thi đua – Khen thưởng API')
      .setDescription(
        'Emulation and commendation campaigns: plans, nominations, reviews, decisions, documents. ' +
          'Sign in with POST /api/v1/auth/login and send `Authorization: Bearer <accessToken>`. ' +
          'Every POST accepts `Idempotency-Key`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  let url: string | undefined;
  try {
    if (options.port !== undefined) {
      await app.listen(options.port, options.host ?? '0.0.0.0');
      const address = app.getHttpServer().address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      url = `http://localhost:${port}`;
    } else {
      await app.init();
    }
  } catch (error) {
    await app.close();
    await store.close();
    throw error;
  }
  return {
    app,
    url,
    async stop() {
      await app.close();
      await store.close();
    },
  };
}
