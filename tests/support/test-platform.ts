import {
  ApiClient,
  createTestSchemaPrefix,
  createTestVhost,
  testDatabaseUrl,
  type TestSchemaPrefix,
  type TestVhost,
} from '@ttkt/testing';
import type { LoggerService, LogLevel } from '@nestjs/common';
import type { Clock } from '@ttkt/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { App } from 'supertest/types';
import { startPlatform, type RunningPlatform } from '../../services/all-in-one/src/platform';

/** The platform's bootstrap administrator in every scenario. */
export const TEST_ADMIN = { username: 'quantri', password: 'Quan-tri-he-thong-2021!' };

/** How a scenario's platform runs. */
export interface TestPlatformOptions {
  /** Names the throw-away schemas (and the vhost), e.g. `slice_register`. */
  label: string;
  /** The gateway's token signing key (≥ 32 characters). */
  jwtSecret: string;
  /** Events and RPC over RabbitMQ in a throw-away vhost, instead of the in-process transport. */
  rabbitmq?: boolean;
  /** How long `POST /campaigns/{id}/issue` waits for the register before answering 202. */
  issueWaitMs?: number;
  /** The clock of every service and the gateway (a `ControllableClock` to cross a deadline). */
  clock?: Clock;
  /** Listen on a free port (`platform.url`), for clients that stream over real HTTP. */
  listen?: boolean;
  /** The services' and the gateway's logger (default `false`: silent); a test may record the lines. */
  logger?: LoggerService | LogLevel[] | false;
}

/**
 * The whole platform in this process for one scenario file, on throw-away schemas (and a
 * throw-away RabbitMQ vhost when asked), without demo data: `start()` in `beforeAll` signs in as
 * the bootstrap administrator, `stop()` in `afterAll` stops the platform and drops what it made,
 * also after a start that failed half-way.
 */
export class TestPlatform {
  /** The platform's schemas: count their events, or drop them. */
  readonly schemas: TestSchemaPrefix;
  /** The platform's own blob directory (dossier attachments), removed by {@link stop}. */
  readonly blobDir: string;
  private vhost: TestVhost | undefined;
  private running: RunningPlatform | undefined;
  private signedIn: ApiClient | undefined;

  constructor(private readonly options: TestPlatformOptions) {
    this.schemas = createTestSchemaPrefix(options.label);
    this.blobDir = mkdtempSync(path.join(tmpdir(), `ttkt-${options.label}-`));
  }

  /** Starts the platform and answers the bootstrap administrator, signed in. */
  async start(): Promise<ApiClient> {
    const { label, jwtSecret, rabbitmq = false, issueWaitMs, clock, listen } = this.options;
    const logger = this.options.logger ?? false;
    if (rabbitmq) this.vhost = await createTestVhost(label);
    this.running = await startPlatform({
      databaseUrl: testDatabaseUrl(),
      schemaPrefix: this.schemas.prefix,
      ...(this.vhost ? { amqpUrl: this.vhost.url } : {}),
      bootstrapAdmin: TEST_ADMIN,
      jwtSecret,
      ...(issueWaitMs === undefined ? {} : { issueWaitMs }),
      ...(clock ? { clock } : {}),
      ...(listen ? { port: 0 } : {}),
      blobStore: `file:${this.blobDir}`,
      demoData: 'none',
      logger,
    });
    this.signedIn = await ApiClient.login(this.server, TEST_ADMIN.username, TEST_ADMIN.password);
    return this.signedIn;
  }

  /** The running platform (to stop and start one service). */
  get platform(): RunningPlatform {
    if (!this.running) throw new Error('the platform is not started');
    return this.running;
  }

  /** The gateway's HTTP server, for clients of its own. */
  get server(): App {
    return this.platform.gateway.app.getHttpServer() as App;
  }

  /** The bootstrap administrator, signed in by {@link start}. */
  get admin(): ApiClient {
    if (!this.signedIn) throw new Error('the platform is not started');
    return this.signedIn;
  }

  /** Stops the platform and drops its schemas and vhost. */
  async stop(): Promise<void> {
    await this.running?.stop();
    await this.schemas.drop();
    await this.vhost?.drop();
    rmSync(this.blobDir, { recursive: true, force: true });
  }
}
