import type { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { CommandSender } from '@ttkt/messaging';
import { GatewayModule } from './gateway.module';

/** How to start the gateway. */
export interface GatewayOptions {
  sender: CommandSender;
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

/** Starts the gateway: the public API under /api/v1, OpenAPI at /api/docs, health. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const app = await NestFactory.create<NestExpressApplication>(
    GatewayModule.forRoot(options.sender),
    {
      logger: options.logger ?? ['error', 'warn'],
      abortOnError: false,
    },
  );
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: '2mb' });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Thi đua – Khen thưởng API')
      .setDescription(
        'Emulation and commendation campaigns: plans, nominations, reviews, decisions, documents.',
      )
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  let url: string | undefined;
  if (options.port !== undefined) {
    await app.listen(options.port, options.host ?? '0.0.0.0');
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    url = `http://localhost:${port}`;
  } else {
    await app.init();
  }
  return {
    app,
    url,
    async stop() {
      await app.close();
    },
  };
}
